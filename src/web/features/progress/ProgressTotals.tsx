import { type Phase, phaseLabels, phases } from '../../../domain/deadlines';
import { type EvaluationTally, evaluationTallies } from '../../../domain/progress-board';
import type { ProgressBoard } from '../../../schemas/progress';

interface Part {
  key: string;
  label: string;
  count: number;
}

/**
 * One stacked bar and, beside it, the same counts as a table: the bar is for the eye (hidden
 * from screen readers), the table for everyone. Each part carries its words, not colour alone.
 */
function StackedCounts({
  id,
  title,
  unit,
  parts,
}: {
  id: string;
  title: string;
  unit: string;
  parts: Part[];
}) {
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  return (
    <figure className="stacked-counts" aria-labelledby={id}>
      <figcaption id={id} className="stacked-counts__title">
        {title}（計 {total.toLocaleString('ja-JP')}
        {unit}）
      </figcaption>
      <div className="stacked-bar" aria-hidden="true">
        {parts
          .filter((part) => part.count > 0)
          .map((part) => (
            <span
              key={part.key}
              className={`stacked-bar__part stacked-bar__part--${part.key}`}
              style={{ flexGrow: part.count }}
            >
              {`${part.label} ${part.count}`}
            </span>
          ))}
      </div>
      <table className="data-table data-table--compact">
        <thead>
          <tr>
            {parts.map((part) => (
              <th key={part.key} scope="col" className="num">
                <span className={`legend-mark stacked-bar__part--${part.key}`} aria-hidden="true" />
                {part.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {parts.map((part) => (
              <td key={part.key} className="num">
                {part.count.toLocaleString('ja-JP')}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </figure>
  );
}

const evaluationKeys: Record<EvaluationTally, string> = {
  達成: 'achieved',
  一部未達成: 'partly',
  未達成: 'not-achieved',
  未評価: 'unevaluated',
};

/** 段階別のシート数 and 評価別の指標数 of the whole board (whatever the filter shows). */
export function ProgressTotals({ totals }: { totals: ProgressBoard['totals'] }) {
  const phaseParts = phases.map((phase: Phase) => ({
    key: phase,
    label: phaseLabels[phase],
    count: totals.phases[phase],
  }));
  const evaluationParts = evaluationTallies.map((tally) => ({
    key: evaluationKeys[tally],
    label: tally,
    count: totals.evaluations[tally],
  }));
  return (
    <section className="progress-totals" aria-labelledby="progress-totals-title">
      <h2 id="progress-totals-title">集計</h2>
      <p>
        シート {totals.sheets.toLocaleString('ja-JP')}件のうち、期限を過ぎているもの{' '}
        <strong>{totals.overdue.toLocaleString('ja-JP')}件</strong>
      </p>
      <div className="progress-totals__charts">
        <StackedCounts id="totals-phases" title="段階別のシート数" unit="件" parts={phaseParts} />
        <StackedCounts id="totals-evaluations" title="評価別の指標数" unit="指標" parts={evaluationParts} />
      </div>
    </section>
  );
}
