import { emailAddress } from './auth';
import { nameText } from './text';
import { z } from './zod';

// Only the settings page and the server read these.

/** GET, PUT and DELETE /api/v1/mail-sender: who the municipality's 通知 mail comes from. */
export const mailSenderSettingSchema = z.object({
  /** The municipality's own sender, or null: the installation's. */
  own: z.object({ address: z.string(), name: z.string().nullable() }).nullable(),
  /** The installation's sender (MOKUHYO_MAIL_FROM), or null when this server sends no mail. */
  installation: z.string().nullable(),
  /** Whether this server sends mail at all (MOKUHYO_SMTP_URL). */
  mailEnabled: z.boolean(),
});
export type MailSenderSetting = z.infer<typeof mailSenderSettingSchema>;

/** PUT /api/v1/mail-sender (管理者): the municipality's own sender. DELETE returns to the installation's. */
export const mailSenderChangeSchema = z.strictObject({
  address: emailAddress,
  name: nameText(100, '送信者の名前を入力してください', '送信者の名前を文字列で指定してください').optional(),
});
export type MailSenderChange = z.infer<typeof mailSenderChangeSchema>;
