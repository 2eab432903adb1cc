import { mailDeliveries, notificationKinds } from '../domain/notifications';
import { plainText } from './text';
import { z } from './zod';

/**
 * 通知: GET /api/v1/notifications (the latest, and how many are unread), POST …/read (mark read),
 * GET and PUT /api/v1/notifications/settings (how one's mail comes).
 */
export const notificationListSchema = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(notificationKinds),
      subject: z.string(),
      body: z.string(),
      /** The page to act on. */
      link: z.string(),
      at: z.iso.datetime({ offset: true }),
      read: z.boolean(),
      /** none, pending (in the next mail or digest), sent, failed. */
      mail: z.enum(['none', 'pending', 'sent', 'failed']),
    }),
  ),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const markReadSchema = z.strictObject({
  /** These; none: every notification of the user. */
  ids: z
    .array(z.uuid('通知の ID が正しくありません'))
    .max(500, '一度に既読にできるのは500件までです')
    .optional(),
});

export const mailSettingsSchema = z.object({
  /** Where mail goes (set by the 管理者); null: no mail. */
  email: z.string().nullable(),
  mailDelivery: z.enum(mailDeliveries),
  /** Whether this server sends mail at all (MOKUHYO_SMTP_URL). */
  mailEnabled: z.boolean(),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

export const putMailSettingsSchema = z.strictObject({
  mailDelivery: z.enum(mailDeliveries, '受け取り方は digest・immediate・none のいずれかを指定してください'),
});

/** 督促 of one sheet (POST /api/v1/sheets/:id/reminders); the 進捗管理表 sends it as a bulk action. */
export const reminderSchema = z.strictObject({
  /** Words for the 担当者 and 所属長, beside the step and its deadline. */
  message: plainText(2_000).trim().optional(),
});

export const reminderResultSchema = z.object({
  /** How many people were notified. */
  told: z.number().int(),
});
export type ReminderResult = z.infer<typeof reminderResultSchema>;
