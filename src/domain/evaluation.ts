/** The evaluation a section gives each indicator at year end (評価). */
export const evaluations = ['達成', '一部未達成', '未達成'] as const;
export type Evaluation = (typeof evaluations)[number];

export function isEvaluation(x: unknown): x is Evaluation {
  return typeof x === 'string' && (evaluations as readonly string[]).includes(x);
}

/** Whether a higher or a lower value of an indicator is better (overtime hours: lower). */
export const directions = ['higher', 'lower'] as const;
export type Direction = (typeof directions)[number];

export const directionLabels: Record<Direction, string> = {
  higher: '高いほど良い',
  lower: '低いほど良い',
};
