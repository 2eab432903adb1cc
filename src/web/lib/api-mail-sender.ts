import { queryOptions } from '@tanstack/react-query';
import {
  type MailSenderChange,
  type MailSenderSetting,
  mailSenderSettingSchema,
} from '../../schemas/mail-sender';
import { requestJson } from './api';

// Apart from queries.ts: only the settings page loads the sender's schemas.

/** The municipality's sender of 通知 mail, and the installation's (管理者). */
export const mailSenderQuery = () =>
  queryOptions({
    queryKey: ['mail-sender'],
    queryFn: ({ signal }) => requestJson('GET', '/api/v1/mail-sender', mailSenderSettingSchema, { signal }),
  });

/** 管理者 only: the municipality's own sender. */
export function saveMailSender(change: MailSenderChange): Promise<MailSenderSetting> {
  return requestJson('PUT', '/api/v1/mail-sender', mailSenderSettingSchema, { body: change });
}

/** 管理者 only: back to the installation's sender. */
export function resetMailSender(): Promise<MailSenderSetting> {
  return requestJson('DELETE', '/api/v1/mail-sender', mailSenderSettingSchema);
}
