import { type FormEvent, useEffect, useState } from 'react';
import { type Phase, phaseLabels, phases } from '../../../domain/deadlines';
import {
  type BoardSortKey,
  boardSortKeys,
  boardSortLabels,
  type EvaluationTally,
  evaluationTallies,
} from '../../../domain/progress-board';
import type { BoardSearch } from './board-view';

const pick = <T extends string>(allowed: readonly T[], value: string): T | undefined =>
  allowed.find((item) => item === value);

/**
 * 絞り込みと並べ替え. Lists and boxes apply at once; the words apply when the form is sent (Enter
 * or the button), so typing does not reload the table at every key.
 */
export function BoardControls({
  search,
  onChange,
}: {
  search: BoardSearch;
  onChange: (next: BoardSearch) => void;
}) {
  const [words, setWords] = useState(search.words ?? '');
  useEffect(() => setWords(search.words ?? ''), [search.words]);
  const change = (patch: Partial<Record<keyof BoardSearch, unknown>>) => {
    const next: Record<string, unknown> = { ...search, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
    onChange(next as BoardSearch);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change({ words: words.trim() || undefined });
  };
  const filtered = Boolean(search.phase || search.overdue || search.evaluation || search.words);

  return (
    <form className="board-controls app-chrome" aria-label="進捗管理表の絞り込み" onSubmit={submit}>
      <div className="form-field">
        <label className="form-field__label" htmlFor="board-phase">
          段階
        </label>
        <select
          id="board-phase"
          className="select"
          value={search.phase ?? ''}
          onChange={(e) => change({ phase: pick<Phase>(phases, e.target.value) })}
        >
          <option value="">すべて</option>
          {phases.map((phase) => (
            <option key={phase} value={phase}>
              {phaseLabels[phase]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label className="form-field__label" htmlFor="board-evaluation">
          評価
        </label>
        <select
          id="board-evaluation"
          className="select"
          value={search.evaluation ?? ''}
          onChange={(e) => change({ evaluation: pick<EvaluationTally>(evaluationTallies, e.target.value) })}
        >
          <option value="">すべて</option>
          {evaluationTallies.map((tally) => (
            <option key={tally} value={tally}>
              {`${tally}の指標があるシート`}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field board-controls__words">
        <label className="form-field__label" htmlFor="board-words">
          組織名・担当者
        </label>
        <div className="board-controls__search">
          <input
            id="board-words"
            className="input"
            type="search"
            value={words}
            onChange={(e) => setWords(e.target.value)}
          />
          <button type="submit" className="button button--secondary">
            絞り込む
          </button>
        </div>
      </div>
      <div className="form-field">
        <label className="form-field__label" htmlFor="board-sort">
          並べ替え
        </label>
        <select
          id="board-sort"
          className="select"
          value={search.sort ?? 'order'}
          onChange={(e) => {
            const key = pick<BoardSortKey>(boardSortKeys, e.target.value);
            change({ sort: key === 'order' ? undefined : key });
          }}
        >
          {boardSortKeys.map((key) => (
            <option key={key} value={key}>
              {boardSortLabels[key]}
            </option>
          ))}
        </select>
      </div>
      <div className="board-controls__choices">
        <label className="choice">
          <input
            type="checkbox"
            checked={search.descending === true}
            onChange={(e) => change({ descending: e.target.checked || undefined })}
          />
          降順
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={search.overdue === true}
            onChange={(e) => change({ overdue: e.target.checked || undefined })}
          />
          期限を過ぎたものだけ
        </label>
        {filtered && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setWords('');
              change({ phase: undefined, overdue: undefined, evaluation: undefined, words: undefined });
            }}
          >
            絞り込みを解除
          </button>
        )}
      </div>
    </form>
  );
}
