import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { goals, indicators, indicatorValues, placements, sheets, targetRevisions } from '../../../db/schema';
import { parseCell } from '../../../domain/cell-value';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { Actor } from '../../../domain/roles';
import type { DecideRevision, ProposeRevision } from '../../../schemas/sheet-edit';
import { AppError } from '../../app-error';
import { todayInJapan } from '../../clock';
import { noticeOfProposal } from '../notifications/sheet-notices';
import { dateToStamp } from '../sheet-dates/official-dates';
import { loadSheetDetail } from './get-sheet';
import { type HistoryActor, recordHistory, takeSnapshot } from './history';
import { authorize, loadSheetSubject } from './sheet-access';
import { writeAtVersion } from './sheet-version';

/** Who acts on which sheet; the request itself (with its version) is the payload's schema. */
interface Base {
  actor: Actor;
  by: HistoryActor;
  sheetId: string;
}

/** 目標の修正の申請: a new target with its reason, waiting for the head's decision. */
export async function proposeRevision(db: Db, options: Base & ProposeRevision): Promise<{ id: string }> {
  const { sheet, subject } = await loadSheetSubject(db, options.sheetId);
  authorize(options.actor, 'proposeRevision', subject);
  const [placed] = await db
    .select({ name: indicators.name })
    .from(placements)
    .innerJoin(goals, eq(placements.goalId, goals.id))
    .innerJoin(indicators, eq(placements.indicatorId, indicators.id))
    .where(and(eq(goals.sheetId, sheet.id), eq(placements.indicatorId, options.indicatorId)));
  if (!placed) {
    throw new AppError('invalid', 'この指標はこのシートにありません。', [
      { path: 'indicatorId', message: 'シートにない指標です' },
    ]);
  }
  const [current] = await db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.indicatorId, options.indicatorId),
        eq(indicatorValues.fiscalYear, sheet.fiscalYear),
        eq(indicatorValues.kind, 'target'),
      ),
    );
  if ((current?.text ?? null) === options.to.text) {
    throw new AppError('invalid', '修正後の目標が今の目標と同じです。', [
      { path: 'to.text', message: '今の目標と同じです' },
    ]);
  }
  return writeAtVersion(db, { sheetId: sheet.id, version: options.version }, async (tx) => {
    const [row] = await tx
      .insert(targetRevisions)
      .values({
        indicatorId: options.indicatorId,
        fiscalYear: sheet.fiscalYear,
        fromText: current?.text ?? null,
        fromValue: current?.value ?? null,
        toText: options.to.text,
        toValue: parseCell(options.to.text).value,
        revisedOn: todayInJapan(),
        reason: options.reason,
        status: 'proposed',
        proposedBy: options.actor.userId,
      })
      .returning({ id: targetRevisions.id });
    if (!row) throw new Error('insert returned no row');
    await recordHistory(tx, {
      sheetId: sheet.id,
      actor: options.by,
      kind: 'revision',
      action: 'proposed',
      comment: options.reason,
      changes: [
        {
          path: `revisions.${row.id}`,
          label: `指標「${placed.name}」 › ${formatFiscalYearShort(sheet.fiscalYear)}目標（修正の申請）`,
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
        what: 'revision',
        stage: 'proposed',
        label: `指標「${placed.name}」 › ${formatFiscalYearShort(sheet.fiscalYear)}目標：${current?.text ?? '（なし）'} → ${options.to.text}`,
        proposedBy: options.actor.userId,
        comment: options.reason,
      },
      options.by,
    );
    await notifySheetChanged(tx, [sheet.id]);
    return row;
  });
}

/** The head approves a proposed revision (the target changes, 修正日 is set) or returns it. */
export async function decideRevision(
  db: Db,
  options: Base & DecideRevision & { revisionId: string },
): Promise<void> {
  const { sheet, subject } = await loadSheetSubject(db, options.sheetId);
  authorize(options.actor, 'decideRevision', subject);
  const [found] = await db
    .select({ revision: targetRevisions, name: indicators.name })
    .from(targetRevisions)
    .innerJoin(indicators, eq(targetRevisions.indicatorId, indicators.id))
    .innerJoin(placements, eq(placements.indicatorId, indicators.id))
    .innerJoin(goals, and(eq(placements.goalId, goals.id), eq(goals.sheetId, sheet.id)))
    .where(and(eq(targetRevisions.id, options.revisionId), eq(targetRevisions.fiscalYear, sheet.fiscalYear)));
  if (!found) throw new AppError('not_found', 'この目標の修正の申請は見つかりませんでした。');
  const { revision } = found;
  if (revision.status !== 'proposed') throw new AppError('conflict', 'この申請はすでに処理されています。');
  // The policy's own-work condition, now that the proposal in question is known.
  authorize(options.actor, 'decideRevision', { ...subject, proposedBy: revision.proposedBy });
  if (options.decision === 'return' && !options.comment) {
    throw new AppError('invalid', '差戻しの理由を入力してください。', [
      { path: 'comment', message: '理由を入力してください' },
    ]);
  }
  const today = todayInJapan();
  // 修正日 is the official date of the revision phase (never today's); the moment of the
  // decision stays in the history and on the revision itself.
  const revisedOn =
    options.decision === 'approve' ? await dateToStamp(db, sheet, subject.municipalityId, 'revisedOn') : null;
  await writeAtVersion(db, { sheetId: sheet.id, version: options.version }, async (tx) => {
    await tx
      .update(targetRevisions)
      .set({
        status: options.decision === 'approve' ? 'approved' : 'returned',
        decidedBy: options.actor.userId,
        decisionComment: options.comment ?? null,
        revisedOn: today,
      })
      .where(eq(targetRevisions.id, revision.id));
    if (options.decision === 'approve') {
      await tx
        .insert(indicatorValues)
        .values({
          indicatorId: revision.indicatorId,
          fiscalYear: revision.fiscalYear,
          kind: 'target',
          text: revision.toText,
          value: revision.toValue,
          breakdown: parseCell(revision.toText).breakdown,
        })
        .onConflictDoUpdate({
          target: [indicatorValues.indicatorId, indicatorValues.fiscalYear, indicatorValues.kind],
          set: {
            text: revision.toText,
            value: revision.toValue,
            breakdown: parseCell(revision.toText).breakdown,
          },
        });
      await tx.update(sheets).set({ revisedOn }).where(eq(sheets.id, sheet.id));
    }
    const label = `指標「${found.name}」 › ${formatFiscalYearShort(sheet.fiscalYear)}目標`;
    await recordHistory(tx, {
      sheetId: sheet.id,
      actor: options.by,
      kind: 'revision',
      action: options.decision === 'approve' ? 'approved' : 'returned',
      comment: options.comment ?? revision.reason,
      changes:
        options.decision === 'approve'
          ? [
              {
                path: `revisions.${revision.id}`,
                label,
                before: revision.fromText,
                after: revision.toText,
                part: 'any',
              },
              ...(revisedOn === sheet.revisedOn
                ? []
                : [
                    {
                      path: 'revisedOn',
                      label: '修正日',
                      before: sheet.revisedOn,
                      after: revisedOn,
                      part: 'any' as const,
                    },
                  ]),
            ]
          : [],
    });
    if (options.decision === 'approve')
      await takeSnapshot(tx, sheet.id, 'revision', await loadSheetDetail(tx, sheet.id));
    await noticeOfProposal(
      tx,
      sheet,
      {
        what: 'revision',
        stage: options.decision === 'approve' ? 'approved' : 'returned',
        label,
        proposedBy: revision.proposedBy,
        comment: options.comment ?? null,
      },
      options.by,
    );
    await notifySheetChanged(tx, [sheet.id]);
  });
}
