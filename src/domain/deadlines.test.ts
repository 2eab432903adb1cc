import { describe, expect, it } from 'vitest';
import { missedDeadline, phaseOf } from './deadlines';

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
