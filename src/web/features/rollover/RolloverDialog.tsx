import { formatFiscalYear } from '../../../domain/fiscal-year';
import { Dialog } from '../../components/Dialog';
import { ErrorSummary } from '../../components/ErrorSummary';

/** Asks before 次年度のシートを作成, saying what is carried over and what starts empty. */
export function RolloverDialog({
  open,
  fiscalYear,
  sheetCount,
  nextYearExists,
  busy,
  problem,
  onConfirm,
  onClose,
}: {
  open: boolean;
  fiscalYear: number;
  sheetCount: number;
  nextYearExists: boolean;
  busy: boolean;
  problem: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const from = formatFiscalYear(fiscalYear);
  const to = formatFiscalYear(fiscalYear + 1);
  return (
    <Dialog open={open} title="次年度のシートを作成" onClose={onClose}>
      <p>{`${from}の${sheetCount}件のシートをもとに、${to}のシートを下書きとして作成します。`}</p>
      <ul>
        <li>組織目標・主な取組・指標・補足・参考指標を引き継ぎます。</li>
        <li>{`目標・結果・評価は空になります。${from}の結果は、${to}のシートに実績として表示されます。`}</li>
        {nextYearExists && <li>{`${to}のシートがすでにある組織は、そのままにします（作成しません）。`}</li>}
      </ul>
      {problem && <ErrorSummary message={problem} />}
      <div className="button-row dialog__buttons">
        <button type="button" className="button button--secondary" data-autofocus onClick={onClose}>
          キャンセル
        </button>
        <button type="button" className="button" disabled={busy} onClick={onConfirm}>
          {busy ? '作成しています…' : '作成する'}
        </button>
      </div>
    </Dialog>
  );
}
