import { type Phase, phaseLabels, phases } from '../../../domain/deadlines';
import type { ProgressBoard } from '../../../schemas/progress';
import { evaluationParts } from '../../components/evaluation-parts';
import { StackedCounts } from '../../components/StackedCounts';

/** 段階別のシート数 and 評価別の指標数 of the whole board (whatever the filter shows). */
export function ProgressTotals({ totals }: { totals: ProgressBoard['totals'] }) {
  const phaseParts = phases.map((phase: Phase) => ({
    key: phase,
    label: phaseLabels[phase],
    count: totals.phases[phase],
  }));
  return (
    <section className="progress-totals" aria-labelledby="progress-totals-title">
      <h2 id="progress-totals-title">集計</h2>
      <p>
        シート {totals.sheets.toLocaleString('ja-JP')}件のうち、期限を過ぎているもの{' '}
        <strong>{totals.overdue.toLocaleString('ja-JP')}件</strong>
      </p>
      <div className="stacked-charts">
        <StackedCounts id="totals-phases" title="段階別のシート数" unit="件" rows={[{ parts: phaseParts }]} />
        <StackedCounts
          id="totals-evaluations"
          title="評価別の指標数"
          unit="指標"
          rows={[{ parts: evaluationParts(totals.evaluations) }]}
        />
      </div>
    </section>
  );
}
