import { queryOptions } from '@tanstack/react-query';
import type { LicenceChange } from '../../schemas/licence-change';
import { type LicenceSetting, licenceSettingSchema } from '../../schemas/licence-setting';
import { requestJson } from './api';

// Apart from queries.ts: only the settings page loads the licence setting's schemas.

/** The municipality's licence of its open data, and whether it is the default (signed-in users). */
export const licenceQuery = () =>
  queryOptions({
    queryKey: ['licence'],
    queryFn: ({ signal }) => requestJson('GET', '/api/v1/licence', licenceSettingSchema, { signal }),
  });

/** 管理者 only: a licence of the municipality's choosing. */
export function saveLicence(change: LicenceChange): Promise<LicenceSetting> {
  return requestJson('PUT', '/api/v1/licence', licenceSettingSchema, { body: change });
}

/** 管理者 only: back to 公共データ利用規約 第1.0版. */
export function resetLicence(): Promise<LicenceSetting> {
  return requestJson('DELETE', '/api/v1/licence', licenceSettingSchema);
}
