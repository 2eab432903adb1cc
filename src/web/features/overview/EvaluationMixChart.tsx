import type { EvaluationMix } from '../../../domain/evaluation-mix';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { evaluationParts } from '../../components/evaluation-parts';
import { StackedCounts, type StackedRow } from '../../components/StackedCounts';

interface YearMix {
  fiscalYear: number;
  evaluations: EvaluationMix;
}

/**
 * The 評価 of a year's indicators (達成・一部未達成・未達成・未評価) as bars with the same counts
 * and shares in a table, the year before beneath when the reader may see it.
 */
export function EvaluationMixChart({
  id,
  title,
  current,
  previous,
}: {
  id: string;
  title: string;
  current: YearMix;
  previous: YearMix | null;
}) {
  const rows: StackedRow[] = [current, ...(previous ? [previous] : [])].map((year) => ({
    label: formatFiscalYear(year.fiscalYear),
    parts: evaluationParts(year.evaluations),
  }));
  return (
    <>
      <StackedCounts id={id} title={title} unit="件" rows={rows} />
      {!previous && (
        <p className="muted">{`${formatFiscalYear(current.fiscalYear - 1)}の見られるシートがないため、前年度との比較はありません。`}</p>
      )}
    </>
  );
}
