import { queryOptions } from '@tanstack/react-query';
import {
  type SignOnChange,
  type SignOnSetting,
  signOnProvidersSchema,
  signOnSettingSchema,
} from '../../schemas/sign-on';
import { requestJson } from './api';

// Apart from queries.ts: only the sign-in page and the settings load the sign-on's schemas.

/** The municipalities that offer シングルサインオン (the sign-in page's buttons), for everyone. */
export const signOnProvidersQuery = () =>
  queryOptions({
    queryKey: ['sign-on-providers'],
    queryFn: ({ signal }) =>
      requestJson('GET', '/api/v1/auth/sign-on/providers', signOnProvidersSchema, { signal }),
  });

/** The municipality's sign-on settings (管理者). */
export const signOnSettingQuery = () =>
  queryOptions({
    queryKey: ['sign-on'],
    queryFn: ({ signal }) => requestJson('GET', '/api/v1/sign-on', signOnSettingSchema, { signal }),
  });

export function saveSignOn(change: SignOnChange): Promise<SignOnSetting> {
  return requestJson('PUT', '/api/v1/sign-on', signOnSettingSchema, { body: change });
}

export function removeSignOn(): Promise<SignOnSetting> {
  return requestJson('DELETE', '/api/v1/sign-on', signOnSettingSchema);
}
