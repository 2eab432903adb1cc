import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { indicatorValues, resultCorrections } from '../../../db/schema';
import { parseCell } from '../../../domain/cell-value';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { Actor } from '../../../domain/roles';
import type { DecideCorrection } from '../../../schemas/result-correction';
import { AppError } from '../../app-error';
import { todayInJapan } from '../../clock';
import { noticeOfProposal } from '../notifications/sheet-notices';
import { type HistoryActor, recordHistory } from '../sheets/history';
import { loadSheetSubject } from '../sheets/sheet-access';
import { bumpSheetVersion } from '../sheets/sheet-version';
import { sheetsShowing } from '../sheets/sheets-showing';
import { authorizeCorrection } from './correction-access';
import { loadIndicatorScope } from './correction-subject';

/**
 * The 所属長 (not the proposer) or the 企画担当 approves a correction — the result changes
 * everywhere at once and the year's sheet records it as a dated 正誤 — or returns it with a
 * comment. Exactly one decision wins.
 */
export async function decideCorrection(
  db: Db,
  options: DecideCorrection & { actor: Actor; by: HistoryActor; correctionId: string },
): Promise<{ sheetIds: string[] }> {
  const [correction] = await db
    .select()
    .from(resultCorrections)
    .where(eq(resultCorrections.id, options.correctionId));
  if (!correction) throw new AppError('not_found', 'この実績の訂正の申請は見つかりませんでした。');
  const { name, scope } = await loadIndicatorScope(db, correction.indicatorId);
  authorizeCorrection(options.actor, 'decideCorrection', { ...scope, proposedBy: correction.proposedBy });
  if (options.decision === 'return' && !options.comment) {
    throw new AppError('invalid', '差戻しの理由を入力してください。', [
      { path: 'comment', message: '理由を入力してください' },
    ]);
  }
  const approve = options.decision === 'approve';
  const today = todayInJapan();
  return db.transaction(async (tx) => {
    const [decided] = await tx
      .update(resultCorrections)
      .set({
        status: approve ? 'approved' : 'returned',
        decidedBy: options.actor.userId,
        decisionComment: options.comment ?? null,
        decidedAt: new Date(),
        correctedOn: approve ? today : null,
      })
      .where(and(eq(resultCorrections.id, correction.id), eq(resultCorrections.status, 'proposed')))
      .returning({ id: resultCorrections.id });
    if (!decided) throw new AppError('conflict', 'この申請はすでに処理されています。');
    if (approve) {
      const [current] = await tx
        .select({ text: indicatorValues.text })
        .from(indicatorValues)
        .where(
          and(
            eq(indicatorValues.indicatorId, correction.indicatorId),
            eq(indicatorValues.fiscalYear, correction.fiscalYear),
            eq(indicatorValues.kind, 'result'),
          ),
        )
        .for('update');
      if ((current?.text ?? null) !== correction.fromText) {
        throw new AppError(
          'conflict',
          '申請の後に実績が変わりました。差し戻して、今の実績をもとに申請し直してください。',
        );
      }
      const cell = {
        text: correction.toText,
        value: correction.toValue,
        breakdown: parseCell(correction.toText).breakdown,
      };
      await tx
        .insert(indicatorValues)
        .values({
          indicatorId: correction.indicatorId,
          fiscalYear: correction.fiscalYear,
          kind: 'result',
          ...cell,
        })
        .onConflictDoUpdate({
          target: [indicatorValues.indicatorId, indicatorValues.fiscalYear, indicatorValues.kind],
          set: cell,
        });
    }
    const historySheet = correction.sheetId ?? correction.proposedOnSheetId;
    // The year's record changed: its version moves, so every reader sees a new sheet.
    if (approve) await bumpSheetVersion(tx, historySheet);
    const label = `指標「${name}」 › ${formatFiscalYearShort(correction.fiscalYear)}実績（訂正）`;
    await recordHistory(tx, {
      sheetId: historySheet,
      actor: options.by,
      kind: 'correction',
      action: approve ? 'approved' : 'returned',
      comment: options.comment ?? correction.reason,
      changes: approve
        ? [
            {
              path: `corrections.${correction.id}`,
              label,
              before: correction.fromText,
              after: correction.toText,
              part: 'any',
            },
          ]
        : [],
    });
    const { sheet } = await loadSheetSubject(tx, correction.proposedOnSheetId);
    await noticeOfProposal(
      tx,
      sheet,
      {
        what: 'correction',
        stage: approve ? 'approved' : 'returned',
        label,
        proposedBy: correction.proposedBy,
        comment: options.comment ?? null,
      },
      options.by,
    );
    const sheetIds = await sheetsShowing(tx, [correction.indicatorId]);
    await notifySheetChanged(tx, sheetIds);
    return { sheetIds };
  });
}
