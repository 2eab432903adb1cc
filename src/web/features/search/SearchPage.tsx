import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId } from 'react';
import { evaluations } from '../../../domain/evaluation';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { SearchAnswer, SearchHit } from '../../../schemas/search';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ApiError } from '../../lib/api';
import { searchResultsQuery } from '../../lib/api-search';
import { useDocumentTitle } from '../../lib/use-document-title';
import { StatusBadge } from '../sheets/StatusBadge';
import type { SearchParams } from './search-params';
import '../../styles/search.css';

const route = getRouteApi('/search');

function Snippet({ hit }: { hit: SearchHit }) {
  return (
    <p className="search-hit__snippet">
      {hit.snippet.map((part, index) =>
        // The parts of one snippet never move: their place is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </p>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  return (
    <li className="search-hit">
      <h2 className="search-hit__title">
        <Link to="/sheets/$sheetId" params={{ sheetId: hit.sheetId }} hash={hit.anchor}>
          {`${formatFiscalYear(hit.fiscalYear)} ${hit.municipality} ${hit.ward} ${hit.title}`}
        </Link>
      </h2>
      <p className="search-hit__place">
        {hit.place}
        {hit.evaluation && (
          <span className="evaluation" data-evaluation={hit.evaluation}>
            {hit.evaluation}
          </span>
        )}
        {hit.status !== 'published' && <StatusBadge status={hit.status} />}
      </p>
      <Snippet hit={hit} />
    </li>
  );
}

/** A select of the filters: every value the matches cover, and the one chosen even if none match now. */
function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: keyof SearchParams;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  const id = useId();
  const all =
    value && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <div className="search-filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} className="select" defaultValue={value ?? ''} key={value ?? ''}>
        <option value="">すべて</option>
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Pages({ answer, params }: { answer: SearchAnswer; params: SearchParams }) {
  const last = Math.max(1, Math.ceil(answer.total / answer.pageSize));
  if (last === 1) return null;
  return (
    <nav className="search-pages" aria-label="検索結果のページ">
      {answer.page > 1 && (
        <Link to="/search" search={{ ...params, page: answer.page - 1 }}>
          前のページ
        </Link>
      )}
      <span>{`${answer.page} / ${last} ページ`}</span>
      {answer.page < last && (
        <Link to="/search" search={{ ...params, page: answer.page + 1 }}>
          次のページ
        </Link>
      )}
    </nav>
  );
}

/**
 * `/search?q=…`: 検索 over every year and ward the reader may see, with the year, ward, sheet
 * and place of each match, its words marked, and filters kept in the address.
 */
export function SearchPage() {
  const params = route.useSearch();
  const navigate = useNavigate();
  const q = params.q ?? '';
  useDocumentTitle(q === '' ? '検索' : `「${q}」の検索結果`);
  const { data, error, isFetching } = useQuery(searchResultsQuery(params));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: SearchParams = {};
    for (const key of ['q', 'fiscalYear', 'ward', 'organization', 'evaluation'] as const) {
      const value = String(form.get(key) ?? '').trim();
      if (value !== '') next[key] = value;
    }
    void navigate({ to: '/search', search: next });
  };

  const facets = data?.facets;
  return (
    <>
      <h1>検索</h1>
      <p className="lead">
        すべての年度・部区のシートから、組織目標・主な取組・指標・補足・目標達成状況・取り組みについて・取り組みの結果についてを検索します。
        {'ログインしていない場合は、公開したシートだけが対象です。'}
      </p>
      <search>
        <form className="search-form" onSubmit={submit} key={JSON.stringify(params)}>
          <div className="search-form__words">
            <label htmlFor="search-q">検索する言葉（空白で区切ると、すべてを含むものを探します）</label>
            <div className="search-form__row">
              <input
                id="search-q"
                name="q"
                type="search"
                className="input"
                defaultValue={q}
                maxLength={200}
                // biome-ignore lint/a11y/noAutofocus: the page exists to take these words
                autoFocus={q === ''}
              />
              <button type="submit" className="button">
                検索
              </button>
            </div>
          </div>
          <fieldset className="search-form__filters">
            <legend>絞り込み</legend>
            <FilterSelect
              name="fiscalYear"
              label="年度"
              value={params.fiscalYear}
              options={(facets?.fiscalYears ?? []).map((year) => ({
                value: String(year),
                label: formatFiscalYear(year),
              }))}
            />
            <FilterSelect
              name="ward"
              label="部区"
              value={params.ward}
              options={(facets?.wards ?? []).map((ward) => ({ value: ward, label: ward }))}
            />
            <FilterSelect
              name="organization"
              label="組織"
              value={params.organization}
              options={(facets?.organizations ?? []).map((name) => ({ value: name, label: name }))}
            />
            <FilterSelect
              name="evaluation"
              label="評価"
              value={params.evaluation}
              options={evaluations.map((e) => ({ value: e, label: e }))}
            />
          </fieldset>
        </form>
      </search>
      {error && (
        <ErrorSummary
          message={
            error instanceof ApiError ? error.message : '検索できませんでした。もう一度お試しください。'
          }
        />
      )}
      <div aria-live="polite" aria-busy={isFetching} className="search-results">
        {data && (
          <>
            <p className="search-count">
              {data.total === 0
                ? `「${data.terms.join(' ')}」を含む記載は見つかりませんでした。`
                : `「${data.terms.join(' ')}」を含む記載：${data.total.toLocaleString('ja-JP')}件`}
            </p>
            <ol className="search-hits">
              {data.hits.map((hit) => (
                <Hit key={`${hit.sheetId}:${hit.anchor}:${hit.field}`} hit={hit} />
              ))}
            </ol>
            <Pages answer={data} params={params} />
          </>
        )}
      </div>
    </>
  );
}
