import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { sheets } from '../../../db/schema';
import { parseCell } from '../../../domain/cell-value';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { Actor } from '../../../domain/roles';
import { diffSheets, type SheetChange } from '../../../domain/sheet-diff';
import type { SheetDocument } from '../../../domain/sheet-document';
import { editableParts, isPartLocked } from '../../../domain/sheet-lifecycle';
import type { SheetPolicySubject } from '../../../domain/sheet-policy';
import { type SheetStatus, sheetStatusLabels } from '../../../domain/sheet-status';
import type { FieldIssue } from '../../../schemas/issues';
import type { SaveSheet } from '../../../schemas/sheet-edit';
import { AppError } from '../../app-error';
import { type HistoryActor, recordHistory } from './history';
import { loadSheetContent, type SheetContent, sheetDocumentOf } from './load-sheets';
import { authorize } from './sheet-access';
import { writeAtVersion } from './sheet-version';
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
  const expected = {
    sheetId: options.sheetId,
    version: options.version,
    allow: (subject: SheetPolicySubject) => authorize(options.actor, 'edit', subject),
  };
  return writeAtVersion(db, expected, async (tx, locked, keepNothing) => {
    // Read once, in the transaction that holds the row: what the diff, the history and the writes use.
    const stored = await loadSheetContent(tx, locked);
    const changes = diffSheets(sheetDocumentOf(stored), options.document, locked.fiscalYear);
    const refused = [
      ...pastResultChanges(changes, options.document),
      ...lockedChanges(changes, locked.status),
    ];
    if (refused.length > 0) {
      throw new AppError(
        'invalid',
        `「${sheetStatusLabels[locked.status]}」のシートでは変更できない項目があります。`,
        refused,
      );
    }
    // Saving what is already there changes nothing, not even the version.
    if (changes.length === 0) return keepNothing({ changes: [] });
    const { phone, purpose, approach, outcome } = options.document;
    if (
      phone !== locked.phone ||
      purpose !== locked.purpose ||
      approach !== locked.approach ||
      outcome !== locked.outcome
    ) {
      await tx.update(sheets).set({ phone, purpose, approach, outcome }).where(eq(sheets.id, locked.id));
    }
    await writeDocument(tx, stored, options.document);
    await recordHistory(tx, { sheetId: locked.id, actor: options.by, kind: 'edit', changes });
    return { changes };
  });
}

/**
 * Write a document's goals and indicators, each value's number read from its text. The 実績
 * columns are read from earlier years and never written from here.
 */
async function writeDocument(tx: Tx, stored: SheetContent, document: SheetDocument) {
  const cell = (text: string | null) => ({ text, value: parseCell(text).value });
  const { id: sheetId, organizationId, fiscalYear } = stored.sheet;
  return writeSheetContent(
    tx,
    { sheetId, organizationId, fiscalYear },
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
    stored.goals,
  );
}

/**
 * The 実績 columns belong to earlier years: a save may not change them (a mistake there is
 * fixed by a 過年度実績の訂正), nor bring results for a new indicator.
 */
const isPastResult = (c: SheetChange) => /\.actuals\.\d+$/.test(c.path);

function pastResultChanges(changes: SheetChange[], document: SheetDocument): FieldIssue[] {
  const message = (label: string) =>
    `${label}：過年度の実績はこのシートでは変更できません。誤りは「実績の訂正」から、理由を添えて申請してください`;
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

function lockedChanges(changes: SheetChange[], status: SheetStatus): FieldIssue[] {
  const parts = editableParts(status);
  return changes
    .filter((c) => isPartLocked(c.part, parts))
    .map((c) => ({
      path: `document.${c.path}`,
      message:
        status === 'approved' && c.path.endsWith('.target')
          ? `${c.label}：承認後の目標は「目標の修正」から、理由を添えて変更してください`
          : `${c.label}：この段階では変更できません`,
    }));
}
