import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { goals, indicatorValues, placements, resultCorrections } from '../../../db/schema';
import { parseCell } from '../../../domain/cell-value';
import { actualYears, formatFiscalYear, formatFiscalYearShort } from '../../../domain/fiscal-year';
import { isClosedYear } from '../../../domain/result-correction';
import type { Actor } from '../../../domain/roles';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { ProposeCorrection } from '../../../schemas/result-correction';
import { AppError } from '../../app-error';
import { noticeOfProposal } from '../notifications/sheet-notices';
import { type HistoryActor, recordHistory } from '../sheets/history';
import { authorize, loadSheetSubject } from '../sheets/sheet-access';
import { sheetsShowing } from '../sheets/sheets-showing';
import { authorizeCorrection } from './correction-access';
import { findYearSheet, loadIndicatorScope } from './correction-subject';

/**
 * 過年度実績の訂正の申請: a closed year's result, as shown on `sheetId` (that year's sheet or a
 * later one), proposed to change with a reason. Nothing changes until someone else approves;
 * the proposal is recorded in the history of the year the result belongs to.
 */
export async function proposeCorrection(
  db: Db,
  options: ProposeCorrection & { actor: Actor; by: HistoryActor; sheetId: string },
): Promise<{ id: string }> {
  const { sheet, subject } = await loadSheetSubject(db, options.sheetId);
  authorize(options.actor, 'read', subject);
  const { fiscalYear, indicatorId } = options;
  const [placed] = await db
    .select({ id: placements.id })
    .from(placements)
    .innerJoin(goals, eq(placements.goalId, goals.id))
    .where(and(eq(goals.sheetId, sheet.id), eq(placements.indicatorId, indicatorId)));
  if (!placed) {
    throw new AppError('invalid', 'この指標はこのシートにありません。', [
      { path: 'indicatorId', message: 'シートにない指標です' },
    ]);
  }
  if (fiscalYear !== sheet.fiscalYear && !actualYears(sheet.fiscalYear).includes(fiscalYear)) {
    throw new AppError('invalid', 'このシートに載っていない年度の実績です。', [
      {
        path: 'fiscalYear',
        message: `${actualYears(sheet.fiscalYear).map(formatFiscalYearShort).join('・')}または${formatFiscalYearShort(sheet.fiscalYear)}を指定してください`,
      },
    ]);
  }
  const { name, scope } = await loadIndicatorScope(db, indicatorId);
  authorizeCorrection(options.actor, 'proposeCorrection', scope);
  const yearSheet = await findYearSheet(db, indicatorId, fiscalYear);
  if (yearSheet && !isClosedYear(yearSheet.status)) {
    throw new AppError(
      'conflict',
      `${formatFiscalYear(fiscalYear)}のシートは「${sheetStatusLabels[yearSheet.status]}」の段階です。評価の確定前の結果は、そのシートで直してください。`,
    );
  }
  const label = `指標「${name}」 › ${formatFiscalYearShort(fiscalYear)}実績（訂正の申請）`;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ text: indicatorValues.text, value: indicatorValues.value })
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.indicatorId, indicatorId),
          eq(indicatorValues.fiscalYear, fiscalYear),
          eq(indicatorValues.kind, 'result'),
        ),
      );
    if ((current?.text ?? null) === options.to.text) {
      throw new AppError('invalid', '訂正後の実績が今の実績と同じです。', [
        { path: 'to.text', message: '今の実績と同じです' },
      ]);
    }
    const [row] = await tx
      .insert(resultCorrections)
      .values({
        indicatorId,
        fiscalYear,
        sheetId: yearSheet?.id ?? null,
        proposedOnSheetId: sheet.id,
        fromText: current?.text ?? null,
        fromValue: current?.value ?? null,
        toText: options.to.text,
        toValue: parseCell(options.to.text).value,
        reason: options.reason,
        proposedBy: options.actor.userId,
      })
      // A proposal already waiting for this result wins (the partial unique index).
      .onConflictDoNothing()
      .returning({ id: resultCorrections.id });
    if (!row) {
      throw new AppError(
        'conflict',
        'この実績には承認待ちの訂正の申請があります。その結果を待ってください。',
      );
    }
    await recordHistory(tx, {
      sheetId: yearSheet?.id ?? sheet.id,
      actor: options.by,
      kind: 'correction',
      action: 'proposed',
      comment: options.reason,
      changes: [
        {
          path: `corrections.${row.id}`,
          label,
          before: current?.text ?? null,
          after: options.to.text,
          part: 'any',
        },
      ],
    });
    await noticeOfProposal(
      tx,
      sheet,
      {
        what: 'correction',
        stage: 'proposed',
        label: `${label}：${current?.text ?? '（なし）'} → ${options.to.text}`,
        proposedBy: options.actor.userId,
        comment: options.reason,
      },
      options.by,
    );
    await notifySheetChanged(tx, await sheetsShowing(tx, [indicatorId]));
    return row;
  });
}
