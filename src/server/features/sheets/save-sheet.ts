import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { sheets } from '../../../db/schema';
import { parseCell } from '../../../domain/cell-value';
import { missingEvaluationReasons } from '../../../domain/evaluation-reasons';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { Actor } from '../../../domain/roles';
import { diffSheets, type SheetChange } from '../../../domain/sheet-diff';
import type { SheetDocument } from '../../../domain/sheet-document';
import { editableParts } from '../../../domain/sheet-lifecycle';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { FieldIssue } from '../../../schemas/issues';
import type { SaveSheet } from '../../../schemas/sheet-edit';
import { AppError } from '../../app-error';
import { evaluationRuleOf } from '../evaluation-rules/evaluation-rule-of';
import { type HistoryActor, loadSheetDetail, loadSheetDocument, recordHistory } from './history';
import { authorize, loadSheetSubject } from './sheet-access';
import { writeSheetContent } from './write-sheet-content';

/** The request (`version`: the one the editor started from) and who makes it, on which sheet. */
export interface SaveSheetOptions extends SaveSheet {
  actor: Actor;
  by: HistoryActor;
  sheetId: string;
}

/**
 * Save an edited sheet. The save is based on a version: if anyone saved since, nothing is
 * written and the caller gets 409 with the sheet as it is now. Only the parts the sheet's state
 * allows may change; every change is recorded in the history.
 */
export async function saveSheet(db: Db, options: SaveSheetOptions): Promise<{ changes: SheetChange[] }> {
  const { sheet, subject } = await loadSheetSubject(db, options.sheetId);
  authorize(options.actor, 'edit', subject);
  if (sheet.version !== options.version) throw await staleVersion(db, options.sheetId);
  try {
    return await db.transaction(async (tx) => {
      // Lock the sheet at the version the editor started from. Every writer of sheet content
      // takes this lock first, so what is read below is exactly that version.
      const [locked] = await tx
        .update(sheets)
        .set({ version: sql`${sheets.version} + 1`, updatedAt: new Date() })
        .where(
          and(eq(sheets.id, sheet.id), eq(sheets.version, options.version), eq(sheets.status, sheet.status)),
        )
        .returning({ id: sheets.id });
      if (!locked) throw await staleVersion(tx, sheet.id);
      const before = await loadSheetDocument(tx, sheet.id);
      const changes = diffSheets(before, options.document, sheet.fiscalYear);
      const refused = [
        ...pastResultChanges(changes, options.document),
        ...lockedChanges(changes, sheet.status),
      ];
      if (refused.length > 0) {
        throw new AppError(
          'invalid',
          `「${sheetStatusLabels[sheet.status]}」のシートでは変更できない項目があります。`,
          refused,
        );
      }
      if (changes.length === 0) throw new NothingChanged();
      const unexplained = missingEvaluationReasons(
        options.document,
        changes,
        await evaluationRuleOf(tx, subject.municipalityId),
      );
      if (unexplained.length > 0) {
        throw new AppError(
          'invalid',
          '基準による目安と異なる評価には、理由が必要です。',
          unexplained.map((i) => ({ path: `document.${i.path}`, message: i.message })),
        );
      }
      const { phone, purpose, approach, outcome } = options.document;
      await tx.update(sheets).set({ phone, purpose, approach, outcome }).where(eq(sheets.id, sheet.id));
      await writeDocument(
        tx,
        { sheetId: sheet.id, organizationId: sheet.organizationId, fiscalYear: sheet.fiscalYear },
        options.document,
      );
      await recordHistory(tx, { sheetId: sheet.id, actor: options.by, kind: 'edit', changes });
      return { changes };
    });
  } catch (error) {
    // Saving what is already there changes nothing, not even the version.
    if (error instanceof NothingChanged) return { changes: [] };
    throw error;
  }
}

class NothingChanged extends Error {}

/**
 * Write a document's goals and indicators, each value's number read from its text. The 実績
 * columns are read from earlier years and never written from here.
 */
export async function writeDocument(
  tx: Tx,
  target: { sheetId: string; organizationId: string; fiscalYear: number },
  document: SheetDocument,
) {
  const cell = (text: string | null) => ({ text, value: parseCell(text).value });
  return writeSheetContent(
    tx,
    target,
    document.goals.map((g, gi) => ({
      no: gi + 1,
      parentNo: g.parentNo,
      text: g.text,
      initiatives: g.initiatives,
      indicators: g.indicators.map((i) => ({
        ...i,
        actuals: [],
        target: cell(i.target.text),
        result: cell(i.result.text),
      })),
    })),
  );
}

/**
 * The 実績 columns belong to earlier years: a save may not change them (a mistake there is
 * fixed by a 過年度実績の訂正), nor bring results for a new indicator.
 */
const isPastResult = (c: SheetChange) => /\.actuals\.\d+$/.test(c.path);

function pastResultChanges(changes: SheetChange[], document: SheetDocument): FieldIssue[] {
  const message = (label: string) =>
    `${label}: 過年度の実績はこのシートでは変更できません。誤りは「実績の訂正」から、理由を添えて申請してください`;
  const changed = changes
    .filter(isPastResult)
    .map((c) => ({ path: `document.${c.path}`, message: message(c.label) }));
  const brought = document.goals.flatMap((g, gi) =>
    g.indicators.flatMap((ind, ii) =>
      ind.indicatorId === null
        ? ind.actuals.flatMap((a) =>
            a.text === null
              ? []
              : [
                  {
                    path: `document.goals[${gi}].indicators[${ii}].actuals.${a.fiscalYear}`,
                    message: message(
                      `目標${gi + 1} › 指標「${ind.name}」 › ${formatFiscalYearShort(a.fiscalYear)}実績`,
                    ),
                  },
                ],
          )
        : [],
    ),
  );
  return [...changed, ...brought];
}

function lockedChanges(changes: SheetChange[], status: (typeof sheets.$inferSelect)['status']): FieldIssue[] {
  const parts = editableParts(status);
  return changes
    .filter((c) => (c.part === 'any' ? parts.size === 0 : !parts.has(c.part)))
    .map((c) => ({
      path: `document.${c.path}`,
      message:
        status === 'approved' && c.path.endsWith('.target')
          ? `${c.label}: 承認後の目標は「目標の修正」から、理由を添えて変更してください`
          : `${c.label}: この段階では変更できません`,
    }));
}

/** 409 carrying the sheet as it is now, so the editor can show what changed instead of overwriting. */
export async function staleVersion(db: Db | Tx, sheetId: string): Promise<AppError> {
  const current = await loadSheetDetail(db, sheetId);
  return new AppError(
    'conflict',
    `このシートは他の人が先に保存しました（現在の版: ${current.version}）。最新の内容を確認してから、もう一度変更してください。`,
    [],
    { current },
  );
}
