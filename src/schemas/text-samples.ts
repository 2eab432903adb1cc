/**
 * For tests: text people really write that looks like code — markup, SQL, entities, template
 * syntax, spreadsheet formulas — which every field stores as written and every output shows as
 * text; and the characters every field refuses.
 */

/** Accepted, stored and shown exactly as written. */
export const awkwardTexts = [
  '<img src=x onerror="window.__xss=1">',
  '"); DELETE FROM sheets; --',
  '\'; DROP TABLE sheets; -- " OR 1=1',
  '&amp;copy; &lt;b&gt; &#x3C;',
  '<NPO法人ひまわり会>と協働',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax written as text is the point
  '{{7*7}} ${7*7} <%= 7*7 %>',
  '一行目<br>二行目',
  '注意喚起の文例「<script>window.__xss=1</script>」を引用',
  '<svg onload="window.__xss=1"><a href="javascript:window.__xss=1">リンク</a>',
  '=HYPERLINK("http://example.com","詳細")',
  '+81-25-387-1111',
  '-1+2',
  '@SUM(A1:A2)',
  '\\u0000 と %00 は文字として書いたもの',
  '列1\t列2',
  '一行目\n二行目',
] as const;

/** Refused: each with the character it holds, as the message names it. */
export const unusableTexts: { text: string; code: string }[] = [
  { text: '取組\u0000の結果', code: 'U+0000' },
  { text: 'ベル\u0007', code: 'U+0007' },
  { text: '\u001b[31m赤字', code: 'U+001B' },
  { text: '改ページ\u000c', code: 'U+000C' },
  { text: '削除\u007f', code: 'U+007F' },
  { text: '次行\u0085', code: 'U+0085' },
  { text: '上位だけ\ud842', code: 'U+D842' },
  { text: '\udfb7下位だけ', code: 'U+DFB7' },
  { text: '逆順\udfb7\ud842', code: 'U+DFB7' },
];
