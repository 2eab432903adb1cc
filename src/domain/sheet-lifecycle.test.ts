import { describe, expect, it } from 'vitest';
import {
  editableParts,
  isPartLocked,
  nextStatus,
  type SheetPart,
  transitionRules,
  transitions,
} from './sheet-lifecycle';
import { sheetPolicy } from './sheet-policy';
import { sheetStatuses } from './sheet-status';

describe('the lifecycle', () => {
  it('walks 下書き → 提出 → 承認 → 評価提出 → 評価承認 → 評価確定 → 公開', () => {
    let status = nextStatus('submit', 'draft');
    expect(status).toBe('submitted');
    status = status && nextStatus('approve', status);
    expect(status).toBe('approved');
    status = status && nextStatus('submitEvaluation', status);
    expect(status).toBe('evaluation_submitted');
    status = status && nextStatus('approveEvaluation', status);
    expect(status).toBe('evaluation_approved');
    status = status && nextStatus('confirmEvaluation', status);
    expect(status).toBe('evaluated');
    status = status && nextStatus('publish', status);
    expect(status).toBe('published');
  });

  it('returns every submission to where it can be fixed, with a comment', () => {
    expect(nextStatus('return', 'submitted')).toBe('draft');
    expect(nextStatus('return', 'evaluation_submitted')).toBe('approved');
    expect(nextStatus('return', 'evaluation_approved')).toBe('approved');
    expect(transitionRules.return.needsComment).toBe(true);
    expect(transitionRules.reopen.needsComment).toBe(true);
    expect(nextStatus('reopen', 'published')).toBe('approved');
  });

  it('refuses moves out of order', () => {
    expect(nextStatus('publish', 'draft')).toBeNull();
    expect(nextStatus('approve', 'draft')).toBeNull();
    expect(nextStatus('confirmEvaluation', 'evaluation_submitted')).toBeNull();
  });

  it('sets 作成日 on approval and 評価日 on confirmation, with their snapshots', () => {
    expect(transitionRules.approve).toMatchObject({ setsDate: 'createdOn', snapshot: 'plan' });
    expect(transitionRules.confirmEvaluation).toMatchObject({
      setsDate: 'evaluatedOn',
      snapshot: 'evaluation',
    });
  });

  it('agrees with the policy: a transition is granted only in states it starts from', () => {
    for (const transition of transitions) {
      for (const statuses of Object.values(sheetPolicy[transition].grants)) {
        for (const status of statuses ?? [])
          expect(nextStatus(transition, status), `${transition}@${status}`).not.toBeNull();
      }
    }
  });

  it('lets the plan be edited in 下書き, the results in 承認済み, nothing elsewhere', () => {
    for (const status of sheetStatuses) {
      const parts = [...editableParts(status)];
      expect(parts).toEqual(status === 'draft' ? ['plan'] : status === 'approved' ? ['results'] : []);
    }
  });

  it('locks each part outside its state, and the parts of no one part only where nothing is editable', () => {
    const unlocked: Record<(typeof sheetStatuses)[number], SheetPart[]> = {
      draft: ['plan', 'any'],
      submitted: [],
      approved: ['results', 'any'],
      evaluation_submitted: [],
      evaluation_approved: [],
      evaluated: [],
      published: [],
    };
    for (const status of sheetStatuses) {
      for (const part of ['plan', 'results', 'any'] as const) {
        expect(isPartLocked(part, editableParts(status)), `${part}@${status}`).toBe(
          !unlocked[status].includes(part),
        );
      }
    }
  });
});
