import { describe, expect, it } from 'vitest';
import { consistencyKinds, listedIn } from '../../../domain/consistency-kinds';
import type { SheetDetail, SheetIndicator } from '../../../schemas/sheet';
import { checkConsistency } from './check-consistency';

/** The pure checks of the 点検表 on hand-made sheets (no database). */

const cell = (text: string | null) => ({
  text,
  value: text === null ? null : Number(text) || null,
  breakdown: [],
});

function indicator(over: Partial<SheetIndicator> = {}): SheetIndicator {
  return {
    placementId: '00000000-0000-4000-8000-000000000001',
    indicatorId: '00000000-0000-4000-8000-0000000000a1',
    name: '参加者数',
    unit: '人',
    direction: 'higher',
    actuals: [],
    target: cell('100'),
    result: cell(null),
    note: null,
    achievement: null,
    evaluation: null,
    evaluationReason: null,
    milestoneDone: null,
    suggestion: null,
    revisions: [],
    corrections: [],
    ...over,
  };
}

function sheet(indicators: SheetIndicator[], over: Partial<SheetDetail> = {}): SheetDetail {
  return {
    id: '00000000-0000-4000-8000-0000000000b1',
    organizationId: '00000000-0000-4000-8000-0000000000c1',
    fiscalYear: 2023,
    municipality: '新潟市',
    ward: { id: '00000000-0000-4000-8000-0000000000d1', name: '北区' },
    departmentName: '地域総務課',
    organizationName: null,
    title: '地域総務課',
    phone: null,
    createdOn: '2023-04-01',
    revisedOn: null,
    evaluatedOn: null,
    purpose: null,
    approach: null,
    outcome: null,
    status: 'approved',
    version: 3,
    goals: [
      {
        id: '00000000-0000-4000-8000-0000000000e1',
        no: 1,
        parentNo: null,
        parentGoalText: null,
        text: '目標',
        initiatives: [],
        indicators,
      },
    ],
    ...over,
  };
}

const kindsOf = (items: { kind: string }[]) => items.map((i) => i.kind);

describe('checkConsistency', () => {
  it('lists missing targets in 作成 and missing results and evaluations only from 評価', () => {
    const s = sheet([indicator({ target: cell(null) })]);
    expect(kindsOf(checkConsistency([s], { wardSheet: null, phase: 'plan' }))).toEqual(['missing_target']);
    expect(kindsOf(checkConsistency([s], { wardSheet: null, phase: 'revision' }))).toEqual([
      'missing_target',
    ]);
    expect(kindsOf(checkConsistency([s], { wardSheet: null, phase: 'evaluation' }))).toEqual([
      'missing_target',
      'missing_result',
      'missing_evaluation',
    ]);
  });

  it('lists an evaluated sheet without 評価日, confirmed or not, in 評価', () => {
    const evaluated = indicator({ result: cell('100'), evaluation: '達成' });
    const confirmed = sheet([evaluated], { status: 'published' });
    const [item] = checkConsistency([confirmed], { wardSheet: null, phase: 'done' });
    expect(item).toMatchObject({ kind: 'evaluated_without_date', path: 'evaluatedOn' });
    expect(item?.message).toMatch(/確定していますが/);
    const pending = sheet([evaluated], { status: 'evaluation_submitted' });
    expect(checkConsistency([pending], { wardSheet: null, phase: 'evaluation' })[0]?.message).toMatch(
      /評価の確定で/,
    );
    expect(checkConsistency([pending], { wardSheet: null, phase: 'revision' })).toEqual([]);
    expect(
      checkConsistency([{ ...confirmed, evaluatedOn: '2024-03-31' }], { wardSheet: null, phase: 'done' }),
    ).toEqual([]);
  });

  it('lists a target changed since the plan unless an approved revision ends at it', () => {
    const planned = sheet([indicator({ target: cell('100') })]);
    const planSnapshots = new Map([[planned.id, planned]]);
    const changed = sheet([indicator({ target: cell('80') })]);
    const input = { wardSheet: null, planSnapshots, phase: 'revision' as const };
    expect(checkConsistency([changed], input)).toEqual([
      expect.objectContaining({
        kind: 'unrecorded_target_change',
        path: 'goals[0].indicators[0].target',
        message: expect.stringMatching(/「100」から「80」/),
      }),
    ]);
    const revision = (from: string, to: string) => ({
      from: { text: from, value: Number(from) },
      to: { text: to, value: Number(to) },
      revisedOn: '2023-09-30',
      reason: '理由',
    });
    const recorded = sheet([indicator({ target: cell('80'), revisions: [revision('100', '80')] })]);
    expect(checkConsistency([recorded], input)).toEqual([]);
    const changedAgain = sheet([indicator({ target: cell('70'), revisions: [revision('100', '80')] })]);
    expect(kindsOf(checkConsistency([changedAgain], input))).toEqual(['unrecorded_target_change']);
    // Not listed before revisions can happen, nor without a plan to compare with.
    expect(checkConsistency([changed], { ...input, phase: 'plan' })).toEqual([]);
    expect(checkConsistency([changed], { wardSheet: null, phase: 'revision' })).toEqual([]);
  });

  it('lists a 補足 that speaks of a revision only while none is recorded', () => {
    const noted = sheet([indicator({ note: '目標を100人から80人に修正' })]);
    expect(checkConsistency([noted], { wardSheet: null, phase: 'revision' })).toEqual([
      expect.objectContaining({ kind: 'unrecorded_revision_note', path: 'goals[0].indicators[0].note' }),
    ]);
    const recorded = sheet([
      indicator({
        note: '目標を100人から80人に修正',
        target: cell('80'),
        revisions: [
          {
            from: { text: '100', value: 100 },
            to: { text: '80', value: 80 },
            revisedOn: '2023-10-01',
            reason: '会場',
          },
        ],
      }),
    ]);
    expect(checkConsistency([recorded], { wardSheet: null, phase: 'revision' })).toEqual([]);
  });

  it('gives every kind a phase from which it is listed', () => {
    for (const kind of consistencyKinds) expect(listedIn(kind, 'done'), kind).toBe(true);
    expect(listedIn('missing_result', 'revision')).toBe(false);
  });
});
