import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { searchAnswerSchema } from '../../schemas/search';
import { requestJson } from './api';

/** What the search page's address holds: the words and the filters, as the API takes them. */
export interface SearchParams {
  q?: string;
  fiscalYear?: string;
  ward?: string;
  organization?: string;
  evaluation?: string;
  page?: number;
}

export const searchResultsQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ['search', params],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(params))
        if (value !== undefined && value !== '') query.set(key, String(value));
      return requestJson('GET', `/api/v1/search?${query}`, searchAnswerSchema, { signal });
    },
    enabled: (params.q ?? '').trim() !== '',
    placeholderData: keepPreviousData,
  });
