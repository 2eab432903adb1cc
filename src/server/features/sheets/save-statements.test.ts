import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goals, placements, roleGrants, users } from '../../../db/schema';
import { type LoggedStatement, recordStatements } from '../../../db/statement-log';
import type { SheetDocument } from '../../../domain/sheet-document';
import { sheetSavedSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { sheetIdTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { signedInUser } from '../auth/sessions';
import { loadSheetDetail } from './get-sheet';
import { saveSheet } from './save-sheet';

/**
 * What one save sends to the database (counted through the app's statement log, the same on
 * PGlite and PostgreSQL; BEGIN/COMMIT not counted): the sheet read once, only what changed
 * written, each kind of row in one statement.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

/** An editor of the 2023 sheet titled `title`: the browser, and who they are to `saveSheet`. */
async function editorOf(loginId: string, title: string) {
  const client = await t.as(loginId);
  const sheetId = await sheetIdTitled(client, title, { fiscalYear: 2023 });
  const rows = await t.database.db
    .select({ user: users, grant: roleGrants })
    .from(users)
    .leftJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(eq(users.loginId, loginId));
  const [first] = rows;
  if (!first) throw new Error(`no ${loginId}`);
  const user = signedInUser(first.user, rows);
  // The records themselves: `saveSheet` is called without its route, so nothing drops the
  // app's cached answer before the commit's notification arrives (on PostgreSQL, a moment later).
  const current = () => loadSheetDetail(t.database.db, sheetId);
  const save = (version: number, document: SheetDocument) =>
    recordStatements(() =>
      saveSheet(t.database.db, {
        actor: user.actor,
        by: { id: user.id, name: user.displayName },
        sheetId,
        version,
        document,
      }),
    );
  return { sheetId, current, save };
}

const writes = (statements: LoggedStatement[]) =>
  statements
    .filter((s) => /^\s*(insert|update|delete)\b/i.test(s.sql))
    .map((s) => s.sql.match(/^\s*\w+ (?:into |from )?"?(\w+)"?/i)?.[1]);

describe('one save of a 4-indicator sheet', () => {
  it('changing one result: at most 10 statements, writing the version, that value and the history', async () => {
    const { sheetId, current, save } = await editorOf('somu-staff', '地域総務課');
    const view = await current();
    const document = toSheetDocument(view);
    expect(document.goals.flatMap((g) => g.indicators)).toHaveLength(4);
    const indicator = document.goals[1]?.indicators[0];
    if (!indicator) throw new Error('no indicator under goal 2');
    indicator.result = { text: '12件' };
    const goalRowsBefore = await t.database.db.select().from(goals).where(eq(goals.sheetId, sheetId));

    const { result, statements } = await save(view.version, document);

    expect(result.changes).toEqual([
      expect.objectContaining({ path: 'goals[1].indicators[0].result', after: '12件' }),
    ]);
    expect(statements.length).toBeLessThanOrEqual(10);
    expect(writes(statements)).toEqual(['sheets', 'indicator_values', 'sheet_history']);
    // Rows nothing changed in are the same rows (not deleted and inserted again).
    const goalRowsAfter = await t.database.db.select().from(goals).where(eq(goals.sheetId, sheetId));
    expect(goalRowsAfter.map((g) => g.id).sort()).toEqual(goalRowsBefore.map((g) => g.id).sort());
    expect((await current()).goals[1]?.indicators[0]?.result.text).toBe('12件');
  });

  it('in a draft, changing a goal text, a note and the purpose writes each of them in one statement', async () => {
    const { current, save } = await editorOf('fukushi-staff', '健康福祉課');
    const view = await current();
    const document = toSheetDocument(view);
    const [first] = document.goals;
    const indicator = document.goals[2]?.indicators[0];
    if (!first || !indicator) throw new Error('no goal');
    first.text = `${first.text}（改）`;
    indicator.note = '補足を変更';
    document.purpose = '組織の目的を変更';
    const placementsBefore = await t.database.db.select({ id: placements.id }).from(placements);

    const { result, statements } = await save(view.version, document);

    expect(result.changes.map((c) => c.path).sort()).toEqual(
      ['goals[0].text', 'goals[2].indicators[0].note', 'purpose'].sort(),
    );
    expect(statements.length).toBeLessThanOrEqual(10);
    expect(writes(statements)).toEqual(['sheets', 'sheets', 'goals', 'placements', 'sheet_history']);
    expect(await t.database.db.select({ id: placements.id }).from(placements)).toEqual(
      expect.arrayContaining(placementsBefore),
    );
    const after = await current();
    expect(after.goals[0]?.text).toBe(first.text);
    expect(after.goals[2]?.indicators[0]?.note).toBe('補足を変更');
    expect(after.purpose).toBe('組織の目的を変更');
  });

  it('the sheet read whole again for the answer takes 2 statements (its row with its 部区 goals; goals with their indicators, values, revisions and corrections)', async () => {
    const { sheetId } = await editorOf('somu-staff', '地域総務課');
    const { result, statements } = await recordStatements(() => loadSheetDetail(t.database.db, sheetId));
    expect(statements).toHaveLength(2);
    expect(result.goals.flatMap((g) => g.indicators)).toHaveLength(4);
  });

  it('the whole save request, with its answer, takes at most 10 statements: the session, the save and the sheet read again with its workflow', async () => {
    const client = await t.as('somu-staff');
    const sheetId = await sheetIdTitled(client, '地域総務課', { fiscalYear: 2023 });
    const view = await loadSheetDetail(t.database.db, sheetId);
    const document = toSheetDocument(view);
    const indicator = document.goals[1]?.indicators[0];
    if (!indicator) throw new Error('no indicator under goal 2');
    indicator.result = { text: '13件' };

    const { result, statements } = await recordStatements(() =>
      client.request(`/api/v1/sheets/${sheetId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: view.version, document }),
      }),
    );

    expect(result.status).toBe(200);
    const saved = sheetSavedSchema.parse(await result.json());
    expect(saved.changes).toBe(1);
    expect(saved.sheet.goals[1]?.indicators[0]?.result.text).toBe('13件');
    expect(saved.sheet.workflow).not.toBeNull();
    expect(statements.length).toBeLessThanOrEqual(10);
    expect(writes(statements)).toEqual(['sheets', 'indicator_values', 'sheet_history']);
  });
});
