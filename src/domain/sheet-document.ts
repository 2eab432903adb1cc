import type { Direction, Evaluation } from './evaluation';

/**
 * The content of a sheet people edit, as one document: what the editor sends, what history
 * compares, what snapshots keep. Goal numbers are positions (goal 1 is the first).
 */
export interface SheetDocument {
  phone: string | null;
  purpose: string | null;
  approach: string | null;
  outcome: string | null;
  goals: GoalDocument[];
}

interface GoalDocument {
  parentNo: number | null;
  text: string;
  initiatives: string[];
  indicators: IndicatorDocument[];
}

export interface IndicatorDocument {
  /** The series this indicator continues; null for a new one. */
  indicatorId: string | null;
  name: string;
  unit: string | null;
  direction: Direction;
  /** Results of the three previous years, oldest first. */
  actuals: { fiscalYear: number; text: string | null }[];
  target: { text: string | null };
  result: { text: string | null };
  note: string | null;
  achievement: string | null;
  evaluation: Evaluation | null;
  /** Why the 評価 differs from the rule's suggestion. */
  evaluationReason?: string | null;
  /** For a milestone (no number): done or not; null when not said. */
  milestoneDone?: boolean | null;
}
