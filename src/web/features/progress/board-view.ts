import { type Phase, phases } from '../../../domain/deadlines';
import {
  type BoardFilter,
  type BoardSort,
  type BoardSortKey,
  boardSortKeys,
  type EvaluationTally,
  evaluationTallies,
} from '../../../domain/progress-board';

/**
 * The board's filter and order as its address holds them, with the API's parameter names
 * (`?phase=plan&overdue=true&sort=deadline&descending=true`): only what differs from the default.
 */
export interface BoardSearch {
  municipality?: string;
  phase?: Phase;
  overdue?: true;
  evaluation?: EvaluationTally;
  words?: string;
  sort?: Exclude<BoardSortKey, 'order'>;
  descending?: true;
}

const pick = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  allowed.find((item) => item === value);

/** A hand-edited address gives the default for anything it gets wrong, never an error page. */
export function parseBoardSearch(raw: Record<string, unknown>): BoardSearch {
  const search: BoardSearch = {};
  const phase = pick<Phase>(phases, raw.phase);
  const evaluation = pick<EvaluationTally>(evaluationTallies, raw.evaluation);
  const sort = pick<BoardSortKey>(boardSortKeys, raw.sort);
  if (typeof raw.municipality === 'string' && raw.municipality !== '') search.municipality = raw.municipality;
  if (phase) search.phase = phase;
  if (raw.overdue === true || raw.overdue === 'true') search.overdue = true;
  if (evaluation) search.evaluation = evaluation;
  if (typeof raw.words === 'string' && raw.words.trim() !== '') search.words = raw.words.trim();
  if (sort && sort !== 'order') search.sort = sort;
  if (raw.descending === true || raw.descending === 'true') search.descending = true;
  return search;
}

/** The rules' view of the address: its filter and its order. */
export function boardViewOf(search: BoardSearch): BoardFilter & BoardSort {
  return { ...search, key: search.sort ?? 'order' };
}
