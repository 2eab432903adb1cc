import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { sheets } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import { sheetDateLabels } from '../../../domain/sheet-dates';
import type { SheetChange } from '../../../domain/sheet-diff';
import { nextStatus, transitionRules } from '../../../domain/sheet-lifecycle';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { FieldIssue } from '../../../schemas/issues';
import type { TransitionSheet } from '../../../schemas/sheet-edit';
import { AppError } from '../../app-error';
import { dateToStamp } from '../sheet-dates/official-dates';
import { type HistoryActor, loadSheetDetail, recordHistory, takeSnapshot } from './history';
import { staleVersion } from './save-sheet';
import { authorize, loadSheetSubject } from './sheet-access';

export interface TransitionSheetOptions extends TransitionSheet {
  actor: Actor;
  by: HistoryActor;
  sheetId: string;
}

/** Move a sheet through its year (提出, 承認, 差戻し, …), with its dates, snapshot and history. */
export async function transitionSheet(db: Db, options: TransitionSheetOptions): Promise<void> {
  const { sheet, subject } = await loadSheetSubject(db, options.sheetId);
  authorize(options.actor, options.transition, subject);
  if (sheet.version !== options.version) throw await staleVersion(db, options.sheetId);
  const rule = transitionRules[options.transition];
  const to = nextStatus(options.transition, sheet.status);
  if (!to)
    throw new AppError(
      'conflict',
      `「${sheetStatusLabels[sheet.status]}」のシートは${rule.label}できません。`,
    );
  if (rule.needsComment && !options.comment) {
    throw new AppError('invalid', `${rule.label}の理由を入力してください。`, [
      { path: 'comment', message: '理由を入力してください' },
    ]);
  }
  if (options.transition === 'submitEvaluation') await checkEvaluationComplete(db, options.sheetId);

  // The official date the completed phase prints (never today's date): see sheet-dates.
  const stamp = rule.setsDate ? await dateToStamp(db, sheet, subject.municipalityId, rule.setsDate) : null;
  const changes: SheetChange[] = [];
  if (rule.setsDate && stamp !== sheet[rule.setsDate]) {
    changes.push({
      path: rule.setsDate,
      label: sheetDateLabels[rule.setsDate],
      before: sheet[rule.setsDate],
      after: stamp,
      part: 'any',
    });
  }
  await db.transaction(async (tx) => {
    const [moved] = await tx
      .update(sheets)
      .set({
        status: to,
        version: sql`${sheets.version} + 1`,
        updatedAt: new Date(),
        ...(rule.records === 'submitter' ? { submittedBy: options.actor.userId } : {}),
        ...(rule.setsDate ? { [rule.setsDate]: stamp } : {}),
      })
      .where(
        and(eq(sheets.id, sheet.id), eq(sheets.version, options.version), eq(sheets.status, sheet.status)),
      )
      .returning({ id: sheets.id });
    if (!moved) throw await staleVersion(tx, sheet.id);
    await recordHistory(tx, {
      sheetId: sheet.id,
      actor: options.by,
      kind: 'transition',
      action: options.transition,
      fromStatus: sheet.status,
      toStatus: to,
      comment: options.comment ?? null,
      changes,
    });
    if (rule.snapshot) await takeSnapshot(tx, sheet.id, rule.snapshot, await loadSheetDetail(tx, sheet.id));
    await notifySheetChanged(tx, [sheet.id]);
  });
}

/** An evaluation is submitted only when every indicator has its result and evaluation. */
async function checkEvaluationComplete(db: Db, sheetId: string): Promise<void> {
  const detail = await loadSheetDetail(db, sheetId);
  const issues: FieldIssue[] = detail.goals.flatMap((goal, gi) =>
    goal.indicators.flatMap((ind, ii) => {
      const path = `goals[${gi}].indicators[${ii}]`;
      const label = `目標${goal.no}「${ind.name}」`;
      return [
        ...(ind.result.text ? [] : [{ path: `${path}.result`, message: `${label}の結果を入力してください` }]),
        ...(ind.evaluation
          ? []
          : [{ path: `${path}.evaluation`, message: `${label}の評価を選んでください` }]),
      ];
    }),
  );
  if (issues.length > 0) {
    throw new AppError(
      'invalid',
      `評価を提出する前に、未入力の項目（${issues.length}件）を入力してください。`,
      issues,
    );
  }
}
