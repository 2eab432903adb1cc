import { queryOptions } from '@tanstack/react-query';
import { fetchUser, fetchUsers } from '../../lib/api-users';

/** ユーザー管理's reads, always fresh (another 管理者 may have just changed someone). */
export const usersQuery = (municipality?: string) =>
  queryOptions({
    queryKey: ['users', municipality ?? null],
    queryFn: ({ signal }) => fetchUsers(municipality, signal),
    staleTime: 0,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ['users', 'one', id],
    queryFn: ({ signal }) => fetchUser(id, signal),
    staleTime: 0,
  });
