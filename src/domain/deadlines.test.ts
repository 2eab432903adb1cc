import { describe, expect, it } from 'vitest';
import { missedDeadline, phaseOf, wardYearPhase } from './deadlines';

const deadlines = { plan: '2023-04-01', revision: '2023-10-01', evaluation: '2024-03-31' };

describe('deadlines', () => {
  it('puts each state in its phase', () => {
    expect(phaseOf('draft')).toBe('plan');
    expect(phaseOf('submitted')).toBe('plan');
    expect(phaseOf('approved')).toBe('revision');
    expect(phaseOf('evaluation_approved')).toBe('evaluation');
    expect(phaseOf('published')).toBe('done');
  });

  it('is overdue only after the day of the deadline, and only while the phase is open', () => {
    expect(missedDeadline('draft', deadlines, '2023-04-01')).toBeNull();
    expect(missedDeadline('draft', deadlines, '2023-04-02')).toBe('plan');
    expect(missedDeadline('approved', deadlines, '2023-04-02')).toBeNull();
    expect(missedDeadline('approved', deadlines, '2024-04-01')).toBe('evaluation');
    expect(missedDeadline('evaluated', deadlines, '2024-04-01')).toBeNull();
    expect(
      missedDeadline('draft', { plan: null, revision: null, evaluation: null }, '2030-01-01'),
    ).toBeNull();
  });
});

describe('the phase of a 部区’s year', () => {
  const none = { plan: null, revision: null, evaluation: null };
  const april = '2023-04-10';
  it('follows the most advanced open sheet, and is 完了 only when every sheet is', () => {
    expect(wardYearPhase(2023, [], none, april)).toBe('plan');
    expect(wardYearPhase(2023, ['draft', 'submitted'], none, april)).toBe('plan');
    expect(wardYearPhase(2023, ['draft', 'approved'], none, april)).toBe('revision');
    expect(wardYearPhase(2023, ['approved', 'evaluation_submitted'], none, april)).toBe('evaluation');
    expect(wardYearPhase(2023, ['approved', 'published'], none, april)).toBe('evaluation');
    expect(wardYearPhase(2023, ['evaluated', 'published'], none, april)).toBe('done');
  });

  it('moves on with the calendar: passed deadlines and the end of the fiscal year', () => {
    expect(wardYearPhase(2023, ['draft'], deadlines, '2023-04-01')).toBe('plan');
    expect(wardYearPhase(2023, ['draft'], deadlines, '2023-04-02')).toBe('revision');
    expect(wardYearPhase(2023, ['approved'], deadlines, '2023-10-02')).toBe('evaluation');
    expect(wardYearPhase(2023, ['approved'], none, '2024-03-31')).toBe('revision');
    expect(wardYearPhase(2023, ['approved'], none, '2024-04-01')).toBe('evaluation');
  });
});
