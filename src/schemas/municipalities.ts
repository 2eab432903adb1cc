import { emailAddress } from './auth';
import { nameText } from './text';
import { z } from './zod';

/**
 * A municipality's name as it is registered: the name files, addresses and the API use
 * (`/長岡市/years/2022/wards/中央区`, `?municipality=長岡市`), so it cannot hold a slash.
 */
const newMunicipalityName = nameText(50, '自治体名を入力してください', '自治体名を入力してください').refine(
  (name) => !/[/\\?#%]/.test(name),
  '自治体名に「/」「\\」「?」「#」「%」は使えません',
);

/** システム管理者 registers a municipality with its first 管理者, who chooses their own password at first sign-in. */
export const newMunicipalitySchema = z.strictObject({
  name: newMunicipalityName,
  admin: z.strictObject({
    loginId: nameText(100, 'ログインIDを入力してください', 'ログインIDを入力してください'),
    displayName: nameText(100, '表示名を入力してください', '表示名を入力してください'),
    email: emailAddress.optional(),
    /** A temporary password: the 管理者 must change it when they first sign in. */
    password: z
      .string('仮パスワードを入力してください')
      .min(1, '仮パスワードを入力してください')
      .max(200, 'パスワードが長すぎます'),
  }),
});
export type NewMunicipality = z.infer<typeof newMunicipalitySchema>;

/** A registered municipality as the システム管理者's list shows it. */
export const municipalitySummarySchema = z.object({
  name: z.string(),
  /** The default municipality (the first registered): its pages keep the short addresses. */
  default: z.boolean(),
  wards: z.number().int(),
  users: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type MunicipalitySummary = z.infer<typeof municipalitySummarySchema>;
