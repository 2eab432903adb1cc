import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { searchAnswerSchema } from '../../schemas/search';
import type { SearchParams } from '../features/search/search-params';
import { requestJson } from './api';

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
