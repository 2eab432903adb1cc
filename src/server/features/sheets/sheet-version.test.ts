import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client';
import { sheets } from '../../../db/schema';
import sample from '../../../db/seed/niigata-kita-2022.json';
import { toSheetDocument } from '../../../schemas/sheet-edit';
import { AppError } from '../../app-error';
import { createSampleTestDatabase } from '../../testing/sample-database';
import { loadSheetDetail } from './get-sheet';
import { loadSheetRecords, sheetDocumentOf } from './load-sheets';
import { bumpSheetVersion, writeAtVersion } from './sheet-version';

let database: Database;
let sheetIds: string[];
beforeAll(async () => {
  database = await createSampleTestDatabase();
  const rows = await database.db.select({ id: sheets.id }).from(sheets).orderBy(sheets.position);
  sheetIds = rows.map((r) => r.id);
});
afterAll(async () => {
  await database.close();
});

async function row(sheetId: string) {
  const [found] = await database.db.select().from(sheets).where(eq(sheets.id, sheetId));
  if (!found) throw new Error(`no sheet ${sheetId}`);
  return found;
}

/** A distinct sheet of the sample for each test, so none depends on another's writes. */
function sheetNo(n: number): string {
  const id = sheetIds[n];
  if (!id) throw new Error(`the sample has no sheet ${n}`);
  return id;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('writeAtVersion', () => {
  it('writes at the expected version and moves it by one; the row it gives is the sheet as taken', async () => {
    const id = sheetNo(0);
    const start = await row(id);
    const answer = await writeAtVersion(
      database.db,
      { sheetId: id, version: start.version },
      async (tx, locked) => {
        expect(locked).toMatchObject({ id, outcome: start.outcome, status: start.status });
        await tx.update(sheets).set({ outcome: '版を取って書いた成果' }).where(eq(sheets.id, id));
        return 'written';
      },
    );
    expect(answer).toBe('written');
    expect(await row(id)).toMatchObject({ version: start.version + 1, outcome: '版を取って書いた成果' });
  });

  it('answers a stale version with 409, the message and the current sheet, and writes nothing', async () => {
    const id = sheetNo(1);
    const start = await row(id);
    let ran = false;
    const error = await rejection(
      writeAtVersion(database.db, { sheetId: id, version: start.version - 1 }, async () => {
        ran = true;
      }),
    );
    expect(ran).toBe(false);
    expect(error.status).toBe(409);
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(
      `このシートは他の人が先に保存しました（現在の版：${start.version}）。最新の内容を確認してから、もう一度変更してください。`,
    );
    expect(error.issues).toEqual([]);
    expect(error.details).toEqual({ current: await loadSheetDetail(database.db, id) });
    expect((await row(id)).version).toBe(start.version);
  });

  it('asks whether the writer may write of the sheet as locked, and of the sheet as it is before a stale answer shows it', async () => {
    const id = sheetNo(2);
    const start = await row(id);
    const asked: { status: string; organizationId: string }[] = [];
    const refuse = (subject: { status: string; organizationId: string }) => {
      asked.push(subject);
      throw new AppError('forbidden', 'このシートの編集を行う権限がありません。');
    };
    const notRun = async () => {
      throw new Error('the writer ran');
    };
    const atVersion = await rejection(
      writeAtVersion(database.db, { sheetId: id, version: start.version, allow: refuse }, notRun),
    );
    expect(atVersion.status).toBe(403);
    const stale = await rejection(
      writeAtVersion(database.db, { sheetId: id, version: start.version - 1, allow: refuse }, notRun),
    );
    // Refused before the 409, which would carry the sheet as it is.
    expect(stale.status).toBe(403);
    expect(stale.details).toBeUndefined();
    expect(asked).toEqual([
      expect.objectContaining({ status: start.status, organizationId: start.organizationId }),
      expect.objectContaining({ status: start.status, organizationId: start.organizationId }),
    ]);
    expect((await row(id)).version).toBe(start.version);
  });

  it('keeps nothing, not even the version, when the writer says so, and answers what it gave', async () => {
    const id = sheetNo(3);
    const start = await row(id);
    const answer = await writeAtVersion<{ changes: string[] }>(
      database.db,
      { sheetId: id, version: start.version },
      async (tx, _locked, keepNothing) => {
        await tx.update(sheets).set({ outcome: '残らない成果' }).where(eq(sheets.id, id));
        return keepNothing({ changes: [] });
      },
    );
    expect(answer).toEqual({ changes: [] });
    expect(await row(id)).toMatchObject({ version: start.version, outcome: start.outcome });
  });

  it('rolls back the version when the writer refuses', async () => {
    const id = sheetNo(4);
    const start = await row(id);
    const error = await rejection(
      writeAtVersion(database.db, { sheetId: id, version: start.version }, async () => {
        throw new AppError('invalid', '書けません。');
      }),
    );
    expect(error.status).toBe(400);
    expect((await row(id)).version).toBe(start.version);
  });

  it('of 20 concurrent writers from one version exactly one wins; the others get the winner’s sheet', async () => {
    const id = sheetNo(5);
    const start = await row(id);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        writeAtVersion(database.db, { sheetId: id, version: start.version }, async (tx) => {
          await tx
            .update(sheets)
            .set({ outcome: `書き手 ${i}` })
            .where(eq(sheets.id, id));
          return i;
        }),
      ),
    );
    const winners = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(winners).toHaveLength(1);
    const final = await row(id);
    expect(final).toMatchObject({ version: start.version + 1, outcome: `書き手 ${winners[0]}` });
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      const error: unknown = r.reason;
      if (!(error instanceof AppError)) throw new Error(`a loser failed otherwise: ${String(error)}`);
      expect(error.status).toBe(409);
      expect(error.details).toMatchObject({ current: { version: final.version, outcome: final.outcome } });
    }
  });
});

describe('bumpSheetVersion', () => {
  it('moves the version of a writer without one, with the columns it sets', async () => {
    const id = sheetNo(6);
    const start = await row(id);
    await database.db.transaction(async (tx) => {
      await bumpSheetVersion(tx, id, { phone: '025-000-0000' });
      await bumpSheetVersion(tx, id);
    });
    const after = await row(id);
    expect(after).toMatchObject({ version: start.version + 2, phone: '025-000-0000' });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(start.updatedAt.getTime());
  });
});

describe('the sheet document loader', () => {
  it('reads what the API shows as the editable document, for every sheet of the sample', async () => {
    const rows = await database.db.select().from(sheets);
    const records = await loadSheetRecords(database.db, rows);
    expect(records).toHaveLength(sample.sheets.length);
    for (const record of records) {
      const shown = toSheetDocument(await loadSheetDetail(database.db, record.sheet.id));
      expect(sheetDocumentOf(record), record.sheet.organizationName ?? record.sheet.departmentName).toEqual(
        shown,
      );
    }
  });
});
