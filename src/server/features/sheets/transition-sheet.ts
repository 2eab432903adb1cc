import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { sheets } from '../../../db/schema';
import { missingEvaluationReasons } from '../../../domain/evaluation-reasons';
import type { Actor } from '../../../domain/roles';
import { sheetDateLabels } from '../../../domain/sheet-dates';
import type { SheetChange } from '../../../domain/sheet-diff';
import { nextStatus, transitionRules } from '../../../domain/sheet-lifecycle';
import type { SheetPolicySubject } from '../../../domain/sheet-policy';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { FieldIssue } from '../../../schemas/issues';
import { type TransitionSheet, toSheetDocument } from '../../../schemas/sheet-edit';
import { AppError } from '../../app-error';
import { startThreadIn } from '../comments/comments';
import { evaluationRuleOf } from '../evaluation-rules/evaluation-rule-of';
import { noticeOfTransition } from '../notifications/sheet-notices';
import { dateToStamp } from '../sheet-dates/official-dates';
import { loadSheetDetail } from './get-sheet';
import { type HistoryActor, recordHistory, takeSnapshot } from './history';
import { authorize } from './sheet-access';
import { writeAtVersion } from './sheet-version';

export interface TransitionSheetOptions extends TransitionSheet {
  actor: Actor;
  by: HistoryActor;
  sheetId: string;
}

/**
 * Move a sheet through its year (提出, 承認, 差戻し, …), with its dates, snapshot and history. The
 * move is checked against the sheet at the version the user saw, after taking it.
 */
export async function transitionSheet(db: Db, options: TransitionSheetOptions): Promise<void> {
  const expected = {
    sheetId: options.sheetId,
    version: options.version,
    allow: (subject: SheetPolicySubject) => authorize(options.actor, options.transition, subject),
  };
  await writeAtVersion(db, expected, async (tx, locked, _keepNothing, subject) => {
    const rule = transitionRules[options.transition];
    const to = nextStatus(options.transition, locked.status);
    if (!to)
      throw new AppError(
        'conflict',
        `「${sheetStatusLabels[locked.status]}」のシートは${rule.label}できません。`,
      );
    if (rule.needsComment && !options.comment) {
      throw new AppError('invalid', `${rule.label}の理由を入力してください。`, [
        { path: 'comment', message: '理由を入力してください' },
      ]);
    }
    if (options.transition === 'submitEvaluation') {
      await checkEvaluationComplete(tx, locked.id, subject.municipalityId);
    }

    // The official date the completed phase prints (never today's date): see sheet-dates.
    const stamp = rule.setsDate ? await dateToStamp(tx, locked, subject.municipalityId, rule.setsDate) : null;
    const changes: SheetChange[] = [];
    if (rule.setsDate && stamp !== locked[rule.setsDate]) {
      changes.push({
        path: rule.setsDate,
        label: sheetDateLabels[rule.setsDate],
        before: locked[rule.setsDate],
        after: stamp,
        part: 'any',
      });
    }
    await tx
      .update(sheets)
      .set({
        status: to,
        ...(rule.records === 'submitter' ? { submittedBy: options.actor.userId } : {}),
        ...(rule.setsDate ? { [rule.setsDate]: stamp } : {}),
      })
      .where(eq(sheets.id, locked.id));
    await recordHistory(tx, {
      sheetId: locked.id,
      actor: options.by,
      kind: 'transition',
      action: options.transition,
      fromStatus: locked.status,
      toStatus: to,
      comment: options.comment ?? null,
      changes,
    });
    // A 差戻し's reason starts a thread on the sheet: the organization answers and resolves it there.
    if (options.transition === 'return' && options.comment) {
      await startThreadIn(tx, {
        ...options,
        sheetId: locked.id,
        subject: 'sheet',
        body: options.comment,
        kind: 'return',
      });
    }
    if (rule.snapshot) await takeSnapshot(tx, locked.id, rule.snapshot, await loadSheetDetail(tx, locked.id));
    await noticeOfTransition(tx, locked, options.transition, options.by, options.comment ?? null);
    await notifySheetChanged(tx, [locked.id]);
  });
}

/**
 * An evaluation is submitted only when every indicator has its result and evaluation, and an
 * evaluation that differs from the rule's suggestion has its reason (a draft saves without).
 */
async function checkEvaluationComplete(tx: Tx, sheetId: string, municipalityId: string): Promise<void> {
  const detail = await loadSheetDetail(tx, sheetId);
  const unexplained = missingEvaluationReasons(
    toSheetDocument(detail),
    await evaluationRuleOf(tx, municipalityId),
  );
  const missing: FieldIssue[] = detail.goals.flatMap((goal, gi) =>
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
  const issues = [...missing, ...unexplained];
  if (issues.length > 0) {
    throw new AppError(
      'invalid',
      `評価を提出する前に、次の項目（${issues.length}件）を入力してください。`,
      issues,
    );
  }
}
