import { queryOptions } from '@tanstack/react-query';
import type { MailDelivery } from '../../domain/notifications';
import {
  type MailSettings,
  mailSettingsSchema,
  type NotificationList,
  notificationListSchema,
} from '../../schemas/notifications';
import { requestJson } from './api';

/** 通知 of the signed-in user: read fresh each time the page shows them. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => requestJson('GET', '/api/v1/notifications', notificationListSchema, { signal }),
    staleTime: 0,
  });

export const mailSettingsQuery = () =>
  queryOptions({
    queryKey: ['notifications', 'settings'],
    queryFn: ({ signal }) =>
      requestJson('GET', '/api/v1/notifications/settings', mailSettingsSchema, { signal }),
    staleTime: 0,
  });

/** Marks these read (none given: every one); answers with the list as it now stands. */
export function markNotificationsRead(ids?: string[]): Promise<NotificationList> {
  return requestJson('POST', '/api/v1/notifications/read', notificationListSchema, {
    body: ids ? { ids } : {},
  });
}

export function saveMailDelivery(mailDelivery: MailDelivery): Promise<MailSettings> {
  return requestJson('PUT', '/api/v1/notifications/settings', mailSettingsSchema, {
    body: { mailDelivery },
  });
}
