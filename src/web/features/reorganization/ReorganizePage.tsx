import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { ApiError } from '../../lib/api';
import { fetchOrganizations, reorganize } from '../../lib/api-ward-year';
import { meQuery, wardYearSheetsQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOnWard } from '../../lib/ward-permissions';
import { WardYearBreadcrumbs } from '../ward-sheets/WardYearBreadcrumbs';
import {
  checkReorganization,
  kindLabels,
  type ReorganizeField,
  type ReorganizeInputs,
  reorganizationKinds,
} from './reorganize-form';

const route = getRouteApi('/years/$fiscalYear/wards/$wardName/reorganize');

/**
 * `/years/:fiscalYear/wards/:wardName/reorganize`: 組織の改編 from the next fiscal year on. The
 * indicators' history follows the successor, so its next sheet still shows three years of 実績.
 */
export function ReorganizePage() {
  const { fiscalYear, wardName } = route.useParams();
  const { municipality } = route.useSearch();
  const { data } = useSuspenseQuery(wardYearSheetsQuery({ fiscalYear, ward: wardName, municipality }));
  const { data: me } = useQuery(meQuery());
  const { data: organizations = [] } = useQuery({
    queryKey: ['organizations', wardName, municipality],
    queryFn: () => fetchOrganizations(wardName, municipality),
  });
  const queryClient = useQueryClient();
  const fromYear = fiscalYear + 1;
  const [inputs, setInputs] = useState<ReorganizeInputs>({
    kind: 'rename',
    predecessorIds: [],
    successorNames: ['', ''],
  });
  const [errors, setErrors] = useState<Map<ReorganizeField, string>>(new Map());
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const wardLabel = `${data.ward.municipality} ${data.ward.name}`;
  useDocumentTitle(`組織の改編 ${wardLabel}`);
  const allowed = canOnWard(me, 'reorganize', data.ward);
  const units = organizations.filter((o) => o.kind === 'unit');
  const nameCount = inputs.kind === 'split' ? Math.max(2, inputs.successorNames.length) : 1;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    const found = checkReorganization(inputs);
    setErrors(found);
    if (found.size > 0) {
      document.getElementById(found.has('predecessorIds') ? 'reorganize-before' : 'successor-0')?.focus();
      return;
    }
    setBusy(true);
    try {
      const names = inputs.successorNames
        .slice(0, nameCount)
        .map((n) => n.trim())
        .filter(Boolean);
      await reorganize({ ...inputs, successorNames: names, fromFiscalYear: fromYear });
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      setInputs({ kind: inputs.kind, predecessorIds: [], successorNames: ['', ''] });
      setOutcome({
        ok: true,
        message: `${formatFiscalYear(fromYear)}から「${names.join('」「')}」に改編しました。次年度のシートを作成すると、新しい組織のシートに引き継がれます。`,
      });
    } catch (error) {
      setOutcome({
        ok: false,
        message: error instanceof ApiError ? error.message : '改編できませんでした。',
      });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string, checked: boolean) =>
    setInputs((current) => {
      const others = current.predecessorIds.filter((p) => p !== id);
      if (!checked) return { ...current, predecessorIds: others };
      return { ...current, predecessorIds: current.kind === 'merge' ? [...others, id] : [id] };
    });

  return (
    <>
      <WardYearBreadcrumbs
        fiscalYear={fiscalYear}
        wardName={wardName}
        municipality={data.ward.municipality}
        current="組織の改編"
      />
      <h1>組織の改編</h1>
      <p className="lead">
        {formatFiscalYear(fromYear)}
        から組織を改編します（名称変更・統合・分割）。これまでの指標と実績は新しい組織に引き継がれます。
      </p>
      {!allowed ? (
        <p className="notice notice--info">組織を改編できるのは、この部区の企画担当と管理者です。</p>
      ) : (
        <form className="form-card" noValidate onSubmit={(event) => void submit(event)}>
          <fieldset>
            <legend>改編の種類</legend>
            {reorganizationKinds.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  checked={inputs.kind === kind}
                  onChange={() => setInputs({ kind, predecessorIds: [], successorNames: ['', ''] })}
                />
                {kindLabels[kind].label}
                <span className="form-field__hint">{kindLabels[kind].hint}</span>
              </label>
            ))}
          </fieldset>
          <fieldset
            id="reorganize-before"
            tabIndex={-1}
            aria-describedby={errors.has('predecessorIds') ? 'reorganize-before-error' : undefined}
          >
            <legend>改編前の組織</legend>
            {errors.has('predecessorIds') && (
              <p id="reorganize-before-error" className="form-field__error">
                {errors.get('predecessorIds')}
              </p>
            )}
            {units.map((o) => (
              <label key={o.id} className="choice">
                <input
                  type="checkbox"
                  checked={inputs.predecessorIds.includes(o.id)}
                  onChange={(event) => toggle(o.id, event.target.checked)}
                />
                {o.name}
              </label>
            ))}
          </fieldset>
          <fieldset aria-describedby={errors.has('successorNames') ? 'reorganize-after-error' : undefined}>
            <legend>改編後の組織名</legend>
            {errors.has('successorNames') && (
              <p id="reorganize-after-error" className="form-field__error">
                {errors.get('successorNames')}
              </p>
            )}
            {Array.from({ length: nameCount }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: numbered name slots, never reordered
              <div key={`successor-${i}`} className="form-field">
                <label htmlFor={`successor-${i}`}>{nameCount > 1 ? `組織名 ${i + 1}` : '組織名'}</label>
                <input
                  id={`successor-${i}`}
                  className="input"
                  type="text"
                  value={inputs.successorNames[i] ?? ''}
                  aria-invalid={errors.has('successorNames') ? true : undefined}
                  onChange={(event) =>
                    setInputs((current) => {
                      const names = [...current.successorNames];
                      names[i] = event.target.value;
                      return { ...current, successorNames: names };
                    })
                  }
                />
              </div>
            ))}
            {inputs.kind === 'split' && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  setInputs((c) => ({ ...c, successorNames: [...c.successorNames.slice(0, nameCount), ''] }))
                }
              >
                組織名を追加
              </button>
            )}
          </fieldset>
          <p role="status" className={outcome?.ok ? 'notice notice--info' : undefined}>
            {outcome?.ok ? outcome.message : ''}
          </p>
          {outcome && !outcome.ok && (
            <p role="alert" className="form-field__error">
              {outcome.message}
            </p>
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy ? '改編しています…' : `${formatFiscalYear(fromYear)}から改編する`}
          </button>
        </form>
      )}
    </>
  );
}
