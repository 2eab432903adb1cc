// The address of the search page, read by the router: no schema here, so the first load stays small.

/** What the search page's address holds: the words and the filters, as the API takes them. */
export interface SearchParams {
  q?: string;
  fiscalYear?: string;
  ward?: string;
  organization?: string;
  evaluation?: string;
  page?: number;
}

/** The search page's address: the words, the filters, the page (numbers may come parsed). */
export function searchParamsOf(search: Record<string, unknown>): SearchParams {
  const params: SearchParams = {};
  for (const key of ['q', 'fiscalYear', 'ward', 'organization', 'evaluation'] as const) {
    const value = search[key];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') params[key] = String(value);
  }
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) params.page = page;
  return params;
}
