import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../db/client';
import { encodeLegacy, encodeUtf16 } from '../../imports/json/testing';
import type { WardYearFile } from '../../schemas/interchange';
import { databaseFingerprint } from '../../server/testing/db-fingerprint';
import { indicatorNamed, sheetFileTitled } from '../../server/testing/finders';
import { baseFile, malformedFiles } from '../../server/testing/malformed-files';
import { runCli } from '../run';

/**
 * The real `mokuhyo` command in its own process, on a data directory of its own. Starting one
 * costs seconds (node, tsx, PGlite), so the first import and the refusal without a terminal run it
 * for real and the other cases run the same command line in this process (`cli`).
 */
const bin = fileURLToPath(new URL('../../../bin/mokuhyo.mjs', import.meta.url));
let dir: string;

type Run = { code: number; stdout: string; stderr: string };

function mokuhyo(...args: string[]): Promise<Run> {
  return mokuhyoWithInput('', ...args);
}

/** The command with `input` on its standard input (a password for --password-stdin). */
function mokuhyoWithInput(input: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: dir,
        env: { ...process.env, MOKUHYO_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', NODE_OPTIONS: '' },
        timeout: 120_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

/** `mokuhyo ARGS` run in this process on the same data directory: its exit code and output. */
async function cli(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...line) => void out.push(line.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...line) => void err.push(line.join(' ')));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  vi.stubEnv('MOKUHYO_DATA_DIR', join(dir, 'data'));
  vi.stubEnv('DATABASE_URL', '');
  try {
    const code = await runCli(args);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
    vi.unstubAllEnvs();
  }
}

async function fingerprint() {
  const database = await openDatabase({ engine: 'pglite', dataDir: join(dir, 'data') });
  try {
    return await databaseFingerprint(database.db);
  } finally {
    await database.close();
  }
}

async function file(name: string, content: Uint8Array | object): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
}

function edited(result: string): WardYearFile {
  const f = baseFile();
  const indicator = indicatorNamed(sheetFileTitled(f, '健康福祉課'), '生活習慣病予防講座開催数');
  indicator.result = { text: result, value: Number.parseInt(result, 10) };
  return f;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-cli-'));
  // A fresh installation: the import names the municipality nobody registered, and writes nothing.
  const base = await file('base.json', baseFile());
  const unregistered = await mokuhyo('import', base, '--yes');
  expect(unregistered.code).toBe(1);
  expect(unregistered.stderr).toContain('自治体「新潟市」は登録されていません');
  const registered = await mokuhyoWithInput(
    'niigata-first-temporary\n',
    'create-municipality',
    '--name',
    '新潟市',
    '--admin-login',
    'niigata-admin',
    '--admin-name',
    '新潟市 管理者',
    '--password-stdin',
  );
  expect(registered.code, registered.stderr).toBe(0);
  expect(registered.stdout).toContain(
    '自治体「新潟市」と管理者「niigata-admin」を登録しました。この自治体が既定の自治体です。',
  );
  const first = await mokuhyo('import', base, '--yes');
  expect(first.code, first.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mokuhyo import', () => {
  it('prints the preview with --dry-run and writes nothing', async () => {
    const before = await fingerprint();
    const run = await cli('import', await file('edited.json', edited('60回')), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('取り込みの確認: edited.json（交換形式の JSON）');
    expect(run.stdout).toContain('新規 0件・置き換え 1件・変更なし 2件');
    expect(run.stdout).toMatch(/\[置き換え\] 健康福祉課（公開） ※理由が必要/);
    expect(run.stdout).toContain('目標2 › 指標「生活習慣病予防講座開催数」 › R4結果: 6回 → 60回');
    expect(run.stdout).toContain('何も書き込んでいません');
    expect(await fingerprint()).toStrictEqual(before);
  }, 120_000);

  it('asks, and without a terminal refuses unless --yes; a final sheet needs --reason', async () => {
    const path = await file('edited.json', edited('60回'));
    const before = await fingerprint();
    const noTty = await mokuhyo('import', path);
    expect(noTty.code).toBe(1);
    expect(noTty.stderr).toMatch(/--yes/);
    const noReason = await cli('import', path, '--yes');
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toMatch(/reason: 評価確定・公開のシートを置き換えるには理由が必要です/);
    expect(await fingerprint()).toStrictEqual(before);
    const done = await cli('import', path, '--yes', '--reason', '集計誤りの訂正');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/新規0・置き換え1・変更なし2/);
    const database = await openDatabase({ engine: 'pglite', dataDir: join(dir, 'data') });
    try {
      const rows = await database.db.execute<{ comment: string; actor_name: string; changes: unknown }>(
        "select comment, actor_name, changes from sheet_history where kind = 'import' order by id desc limit 1",
      );
      const [latest] = (
        rows as unknown as { rows: { comment: string; actor_name: string; changes: unknown }[] }
      ).rows;
      expect(latest?.comment).toBe(
        '交換形式の JSON ファイル「edited.json」をコマンドラインから取り込み（置き換え）。理由：集計誤りの訂正',
      );
      expect(latest?.actor_name).toMatch(/^コマンドラインからの取り込み/);
      expect(latest?.changes).toEqual(
        expect.arrayContaining([expect.objectContaining({ before: '6回', after: '60回' })]),
      );
    } finally {
      await database.close();
    }
  }, 180_000);

  it('accepts UTF-8 with a BOM and unknown fields, listing them', async () => {
    const text = JSON.stringify({ ...edited('60回'), exportedBy: 'another tool' });
    const run = await cli(
      'import',
      await file('bom.json', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])),
      '--dry-run',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('変更なし 3件');
    expect(run.stdout).toContain('exportedBy: 交換形式にない項目のため無視しました');
  }, 120_000);

  it('refuses a representative set of malformed files with the path, writing nothing', async () => {
    const corpus = malformedFiles();
    const pick = (name: string) => {
      const found = corpus.find((c) => c.name === name);
      if (!found) throw new Error(`no case ${name}`);
      return found;
    };
    const text = JSON.stringify(baseFile());
    const cases = [
      {
        name: 'Shift_JIS',
        bytes: encodeLegacy(text, 'shift_jis'),
        expect: /Shift_JIS で保存されているようです/,
      },
      {
        name: 'UTF-16',
        bytes: encodeUtf16(text, 'le', true),
        expect: /UTF-16（リトルエンディアン、BOM 付き）/,
      },
      ...[
        'sheets[2].goals[0].no: wrong type "12"',
        'sheets[0].goals[0].indicators[0].name: missing',
        'sheets[2].createdOn: out of range: 2023-02-30',
        'createdOn after evaluatedOn',
        'duplicate goal number',
        'sheets[2].purpose: NUL',
        'sheets[0].goals[0].indicators[0].note: lone high surrogate',
        'sheets[2].purpose: out of range: 20001 characters',
        'not JSON: truncated',
      ].map((name) => {
        const c = pick(name);
        return {
          name,
          bytes: c.bytes,
          expect: c.path === '' ? /UTF-8|JSON/ : new RegExp(`  ${c.path.replace(/[[\].]/g, '\\$&')}: `),
        };
      }),
    ];
    const before = await fingerprint();
    for (const c of cases) {
      const run = await cli('import', await file('bad.json', c.bytes), '--yes', '--reason', '検査');
      expect(run.code, c.name).toBe(1);
      expect(run.stderr, c.name).toMatch(c.expect);
      expect(run.stderr, c.name).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
    expect(await fingerprint()).toStrictEqual(before);
  }, 600_000);
});

describe('mokuhyo', () => {
  it('lists every command with an example each; output into a reader that stops ends quietly', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const name of ['import', 'export', 'create-user', 'set-email', 'backup', 'restore']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
      expect(help.stdout).toMatch(new RegExp(`例: (MOKUHYO_DATA_DIR=\\S+ )?mokuhyo ${name} `));
    }
    expect(help.stdout).toContain('json|csv|pdf|xlsx');
    expect(help.stdout).toContain('--password-stdin');

    // A reader that has gone (`| head`): the export's write meets a closed pipe.
    const child = spawn(process.execPath, [bin, 'export', '--year', '2022', '--ward', '北区'], {
      cwd: dir,
      env: { ...process.env, MOKUHYO_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', NODE_OPTIONS: '' },
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const [code] = await once(child, 'exit');
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 120_000);
});
