import { licenceSchema } from './licence';
import { nameText } from './text';
import { z } from './zod';

// Apart from `licenceSchema`, which the public sheet page's first load carries: only the settings page and the server read these.

/** GET and PUT /api/v1/licence: the municipality's licence, and whether it is the default (none chosen). */
export const licenceSettingSchema = licenceSchema.extend({ isDefault: z.boolean() });
export type LicenceSetting = z.infer<typeof licenceSettingSchema>;

const urlMessage =
  'ライセンスの URL は https:// または http:// で始まる、条文のページのアドレスを入力してください';

/** PUT /api/v1/licence (管理者): a licence of the municipality's choosing. DELETE returns to the default. */
export const licenceChangeSchema = z.strictObject({
  name: nameText(200, 'ライセンスの名前を入力してください', 'ライセンスの名前を文字列で指定してください'),
  url: z
    .string('ライセンスの URL を文字列で指定してください')
    .trim()
    .max(2_000, 'ライセンスの URL は2,000文字以内で入力してください')
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: urlMessage }))
    // One spelling, ASCII only (an HTTP Link header carries it): 「https://例.jp/規約」 → punycode and %-escapes.
    .transform((url) => new URL(url).href),
});
export type LicenceChange = z.infer<typeof licenceChangeSchema>;
