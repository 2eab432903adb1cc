/**
 * The saves bench's editors: a 北区 year of N copies of 地域総務課's sheet (4 goals, 4
 * indicators, 承認済み with no results yet), one 担当者 per sheet, signed in; and the HTTP save
 * each of them repeats (one indicator's 結果 changed, from the version the last save returned).
 */
import { Agent, request } from 'node:http';
import type { Db } from '../../src/db/client';
import sample from '../../src/db/seed/niigata-kita-2022.json';
import type { WardYearFile } from '../../src/schemas/interchange';
import { type SheetView, sheetViewSchema, toSheetDocument } from '../../src/schemas/sheet-edit';
import { hashPassword } from '../../src/server/features/auth/password';
import { importWardYear } from '../../src/server/features/interchange/import-ward-year';
import { createUser } from '../../src/server/features/users/create-user';
import { testPasswordCost } from '../../src/server/testing/password-cost';

const editorPassword = 'bench saves editor passphrase';

export interface Editor {
  loginId: string;
  sheetId: string;
  /** The cookie header (session + CSRF) and the CSRF header of the signed-in browser. */
  headers: Record<string, string>;
}

const department = (i: number) => `ベンチ課${String(i + 1).padStart(3, '0')}`;

/** A 北区 2022 file of `count` sheets copied from 地域総務課, 承認済み, results and evaluations empty. */
function editorsFile(count: number): WardYearFile {
  const file = structuredClone(sample) as WardYearFile;
  const [model] = file.sheets;
  if (!model) throw new Error('the sample has no sheet');
  file.sheets = Array.from({ length: count }, (_, i) => {
    const sheet = structuredClone(model);
    sheet.department = department(i);
    sheet.organization = null;
    sheet.status = 'approved';
    for (const indicator of sheet.goals.flatMap((g) => g.indicators)) {
      indicator.result = { text: null, value: null };
      indicator.achievement = null;
      indicator.evaluation = null;
    }
    return sheet;
  });
  return file;
}

/** Create the sheets and their editors (one password hash, at the tests' cost, shared by all). */
export async function createEditors(db: Db, count: number): Promise<string[]> {
  await importWardYear(db, editorsFile(count));
  const passwordHash = await hashPassword(editorPassword, testPasswordCost);
  const loginIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const loginId = `bench-editor-${i + 1}`;
    await createUser(db, {
      municipality: sample.municipality,
      loginId,
      displayName: `編集者${i + 1}`,
      password: editorPassword,
      passwordHash,
      grants: [{ role: 'editor', ward: sample.ward, organization: department(i) }],
    });
    loginIds.push(loginId);
  }
  return loginIds;
}

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** Sign `loginId` in through the API (CSRF token first, like the web app) and find its sheet. */
export async function signInEditor(fetchApp: Fetch, loginId: string, index: number): Promise<Editor> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) cookies.set(name.trim(), value.join('='));
    }
  };
  const headers = () => ({
    cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': cookies.get('mokuhyo_csrf') ?? '',
  });
  keep(await fetchApp('/api/v1/auth/me'));
  const signedIn = await fetchApp('/api/v1/auth/sign-in', {
    method: 'POST',
    headers: { ...headers(), 'content-type': 'application/json' },
    body: JSON.stringify({ loginId, password: editorPassword }),
  });
  if (signedIn.status !== 200)
    throw new Error(`sign-in ${loginId}: ${signedIn.status} ${await signedIn.text()}`);
  keep(signedIn);
  const list = (await (
    await fetchApp(`/api/v1/sheets?fiscalYear=2022&ward=${encodeURIComponent(sample.ward)}`, {
      headers: headers(),
    })
  ).json()) as { sheets: { id: string; title: string }[] };
  const sheet = list.sheets.find((s) => s.title === department(index));
  if (!sheet) throw new Error(`no sheet ${department(index)}`);
  return { loginId, sheetId: sheet.id, headers: headers() };
}

/** The body of the n-th save: the sheet as last answered, one indicator's 結果 set to `n件`. */
export function saveBody(view: SheetView, n: number): string {
  const document = toSheetDocument(view);
  const indicator = document.goals[1]?.indicators[0];
  if (!indicator) throw new Error('the sheet has no indicator under goal 2');
  indicator.result = { text: `${n}件` };
  return JSON.stringify({ version: view.version, document });
}

/** An editor's browser on a real server: one keep-alive connection, the sheet as last answered. */
export class EditorSession {
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 });
  #view: SheetView | undefined;
  #saves = 0;

  constructor(
    readonly editor: Editor,
    readonly base: string,
  ) {}

  async load(): Promise<void> {
    const { status, body } = await this.#send('GET', `/api/v1/sheets/${this.editor.sheetId}`);
    if (status !== 200) throw new Error(`GET sheet ${this.editor.sheetId}: ${status}`);
    this.#view = sheetViewSchema.parse(JSON.parse(body));
  }

  /**
   * One save; resolves with the status (200 expected; 0 when the request failed or got no answer
   * in 60 s, counted as an error by the bench) and keeps the answered sheet.
   */
  async save(): Promise<number> {
    try {
      if (!this.#view) await this.load();
      const view = this.#view as SheetView;
      this.#saves++;
      const { status, body } = await this.#send(
        'PUT',
        `/api/v1/sheets/${this.editor.sheetId}`,
        saveBody(view, this.#saves),
      );
      if (status === 200) this.#view = (JSON.parse(body) as { sheet: SheetView }).sheet;
      else this.#view = undefined;
      return status;
    } catch {
      this.#view = undefined;
      return 0;
    }
  }

  close(): void {
    this.#agent.destroy();
  }

  /**
   * One request on the editor's connection. A kept-alive socket the server closed as idle just as
   * it was reused fails with ECONNRESET before the request was read: sent again once (Node's
   * documented `reusedSocket` retry).
   */
  async #send(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
    try {
      return await this.#sendOnce(method, path, body);
    } catch (error) {
      if ((error as { reusedSocket?: boolean }).reusedSocket) return this.#sendOnce(method, path, body);
      throw error;
    }
  }

  #sendOnce(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { ...this.editor.headers };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const req = request(
        `${this.base}${path}`,
        { method, agent: this.#agent, headers, timeout: 60_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in 60 s`)));
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          req.reusedSocket && error.code === 'ECONNRESET'
            ? Object.assign(error, { reusedSocket: true })
            : error,
        ),
      );
      req.end(body);
    });
  }
}
