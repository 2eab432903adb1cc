import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { WardYearSheets } from '../../../schemas/sheet';
import { ApiError } from '../../lib/api';
import { type RolloverSummary, rollOver } from '../../lib/api-ward-year';
import { meQuery } from '../../lib/queries';
import { canOnWard } from '../../lib/ward-permissions';
import { RolloverDialog } from '../rollover/RolloverDialog';

/** What 次年度のシートを作成 did, in words, with the way to the new year's list. */
function RolloverResult({ summary, data }: { summary: RolloverSummary; data: WardYearSheets }) {
  const to = formatFiscalYear(summary.toYear);
  return (
    <>
      <p>
        {`${to}のシートを${summary.created.length}件作成しました（下書き）。`}
        {summary.skipped.length > 0 &&
          `すでにシートがあった${summary.skipped.length}件（${summary.skipped.join('・')}）はそのままです。`}
      </p>
      <p>
        <Link
          to="/years/$fiscalYear/wards/$wardName"
          params={{ fiscalYear: summary.toYear, wardName: data.ward.name }}
          search={{ municipality: data.ward.municipality }}
        >
          {`${data.ward.municipality} ${data.ward.name} ${to}のシート一覧へ`}
        </Link>
      </p>
    </>
  );
}

/**
 * The year's actions of the 部区, each shown only to those the API allows: 点検表 (企画担当,
 * 閲覧者, 管理者), Excel から取り込む (企画担当, 管理者) and 次年度のシートを作成 (企画担当), with its result announced.
 */
export function WardYearActions({ data }: { data: WardYearSheets }) {
  const { data: me } = useQuery(meQuery());
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [summary, setSummary] = useState<RolloverSummary | null>(null);
  const { ward, fiscalYear } = data;
  const canCheck = canOnWard(me, 'checkConsistency', ward);
  const canRollOver = canOnWard(me, 'rollover', ward);
  const canImport = canOnWard(me, 'import', ward);
  const canReorganize = canOnWard(me, 'reorganize', ward);
  const canViewProgress = canOnWard(me, 'viewProgress', ward);
  if (!canCheck && !canRollOver && !canImport && !canReorganize && !canViewProgress) return null;

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const query = { fiscalYear, ward: ward.name, municipality: ward.municipality };
      setSummary(await rollOver(query));
      setConfirming(false);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['wards'] }),
        queryClient.invalidateQueries({ queryKey: ['ward-year-sheets'] }),
      ]);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '次年度のシートを作成できませんでした。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ward-actions app-chrome">
      <ul className="action-bar__list" aria-label={`${formatFiscalYear(fiscalYear)}の部区の操作`}>
        {canViewProgress && (
          <li>
            <Link
              to="/years/$fiscalYear/wards/$wardName/progress"
              params={{ fiscalYear, wardName: ward.name }}
              search={{ municipality: ward.municipality }}
              className="button button--secondary"
            >
              進捗管理表
            </Link>
          </li>
        )}
        {canCheck && (
          <li>
            <Link
              to="/years/$fiscalYear/wards/$wardName/consistency"
              params={{ fiscalYear, wardName: ward.name }}
              search={{ municipality: ward.municipality }}
              className="button button--secondary"
            >
              点検表
            </Link>
          </li>
        )}
        {canImport && (
          <li>
            <Link
              to="/years/$fiscalYear/wards/$wardName/import"
              params={{ fiscalYear, wardName: ward.name }}
              search={{ municipality: ward.municipality }}
              className="button button--secondary"
            >
              Excel から取り込む
            </Link>
          </li>
        )}
        {canReorganize && (
          <li>
            <Link
              to="/years/$fiscalYear/wards/$wardName/reorganize"
              params={{ fiscalYear, wardName: ward.name }}
              search={{ municipality: ward.municipality }}
              className="button button--secondary"
            >
              組織の改編
            </Link>
          </li>
        )}
        {canRollOver && (
          <li>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setProblem(null);
                setConfirming(true);
              }}
            >
              次年度のシートを作成
            </button>
          </li>
        )}
      </ul>
      <div role="status" className={summary ? 'notice notice--info' : undefined}>
        {summary && <RolloverResult summary={summary} data={data} />}
      </div>
      {canRollOver && (
        <RolloverDialog
          open={confirming}
          fiscalYear={fiscalYear}
          sheetCount={data.sheets.length}
          nextYearExists={ward.fiscalYears.includes(fiscalYear + 1)}
          busy={busy}
          problem={problem}
          onConfirm={() => void confirm()}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
