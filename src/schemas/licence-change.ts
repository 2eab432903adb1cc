import { nameText } from './text';
import { z } from './zod';

// Apart from the answer's schema: only the server reads a change, and zod's URL check would otherwise join the framework chunk every page loads.

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
export type LicenceChange = z.input<typeof licenceChangeSchema>;
