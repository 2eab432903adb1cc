/**
 * The id of the place on the sheet page that a document path points at — the indicator's row,
 * the goal, or the header or narrative it is in — so that a link (from the 点検表) opens the
 * sheet there: `goals[1].indicators[0].evaluation` → `at-goal-1-indicator-0`.
 */
export function sheetAnchor(path: string): string {
  const indicator = /^goals\[(\d+)\]\.indicators\[(\d+)\]/.exec(path);
  if (indicator) return indicatorAnchor(Number(indicator[1]), Number(indicator[2]));
  const goal = /^goals\[(\d+)\]/.exec(path);
  if (goal) return goalAnchor(Number(goal[1]));
  if (path.startsWith('approach')) return 'at-approach';
  if (path.startsWith('outcome')) return 'at-outcome';
  return 'at-header';
}

export function goalAnchor(goalIndex: number): string {
  return `at-goal-${goalIndex}`;
}

export function indicatorAnchor(goalIndex: number, index: number): string {
  return `at-goal-${goalIndex}-indicator-${index}`;
}
