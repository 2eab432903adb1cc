import { describe, expect, it } from 'vitest';
import sample from '../db/seed/niigata-kita-2022.json';
import { goalNumbered, indicatorNamed, sampleFile, sheetFileTitled } from '../server/testing/finders';
import { newUserNamesSchema, signInSchema } from './auth';
import { wardYearFileSchema } from './interchange';
import { issuesFromZod } from './issues';
import { proposeRevisionSchema, saveSheetSchema, transitionSheetSchema } from './sheet-edit';
import { findUnusableCharacter, nameText, plainText, requiredText } from './text';
import { awkwardTexts, unusableTexts } from './text-samples';

type Issues = { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
const issuesOf = (result: { success: boolean; error?: Issues | undefined }) =>
  result.success || !result.error ? [] : issuesFromZod(result.error);

describe('the one text rule', () => {
  it.each(awkwardTexts)('keeps %j exactly as written', (text) => {
    expect(plainText(2_000).parse(text)).toBe(text);
    expect(requiredText(2_000).parse(text)).toBe(text);
    expect(nameText(500).parse(text)).toBe(text.trim());
  });

  it('keeps characters beyond the basic plane, 機種依存文字, spaces and invisible format characters', () => {
    for (const text of [
      '𠮷野家 😀 ① ㈱ ㎡ Ⅱ ｾｰﾌﾃｨ',
      '　段落の字下げ',
      '末尾の空白 ',
      'ゼロ幅\u200b・右から左\u202e・BOM\ufeff',
    ])
      expect(plainText(100).parse(text)).toBe(text);
  });

  it('accepts every character from U+0020 up except C1 controls and lone surrogates', () => {
    const refused: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++)
      if (findUnusableCharacter(String.fromCharCode(cp)) !== null) refused.push(cp);
    const expected = [
      ...Array.from({ length: 0x20 }, (_, i) => i).filter((cp) => cp !== 0x09 && cp !== 0x0a && cp !== 0x0d),
      ...Array.from({ length: 0xa0 - 0x7f }, (_, i) => 0x7f + i),
      ...Array.from({ length: 0xe000 - 0xd800 }, (_, i) => 0xd800 + i),
    ];
    // CR alone is found too: the schemas turn it into a line feed before they look.
    expect(refused).toEqual([...expected, 0x0d].sort((a, b) => a - b));
    expect(findUnusableCharacter('\ud842\udfb7')).toBeNull();
  });

  it('turns CRLF and a lone CR into a line feed: one text however the line break was typed', () => {
    expect(plainText(100).parse('一行目\r\n二行目\r三行目\n四行目')).toBe('一行目\n二行目\n三行目\n四行目');
    expect(requiredText(100).parse('目標\r\n')).toBe('目標\n');
  });

  it.each(unusableTexts)('refuses $code, naming the character and where it is', ({ text, code }) => {
    const issues = issuesOf(plainText(100).safeParse(text));
    expect(issues).toHaveLength(1);
    const position = [...text].findIndex((c) => c.codePointAt(0) === Number.parseInt(code.slice(2), 16)) + 1;
    const message = code.startsWith('U+D')
      ? `文字として読めない符号（対になっていないサロゲート ${code}）が含まれています（${position}文字目）`
      : `使えない制御文字（${code}）が含まれています（${position}文字目）`;
    expect(issues[0]?.message).toBe(message);
    expect(issuesOf(nameText(100).safeParse(text))[0]?.message).toBe(message);
  });

  it('refuses blank required text but stores it with its spaces when it says something', () => {
    expect(issuesOf(requiredText(100, '組織目標を入力してください').safeParse(' \n　'))).toEqual([
      { path: '', message: '組織目標を入力してください' },
    ]);
    expect(requiredText(100).parse('　区民の安全')).toBe('　区民の安全');
    expect(issuesOf(nameText(100).safeParse('   '))).toEqual([{ path: '', message: '入力してください' }]);
  });
});

/** The sample file with one text put at a path (['sheets', 0, 'purpose']). */
function fileWith(path: (string | number)[], text: string): unknown {
  const file = structuredClone(sample) as unknown as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = file;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = text;
  return file;
}

describe('every text field of every payload follows it', () => {
  const interchangePaths: (string | number)[][] = [
    ['municipality'],
    ['ward'],
    ['source'],
    ['uncertain', 0],
    ['sheets', 0, 'department'],
    ['sheets', 0, 'organization'],
    ['sheets', 0, 'phone'],
    ['sheets', 0, 'purpose'],
    ['sheets', 0, 'approach'],
    ['sheets', 0, 'outcome'],
    ['sheets', 0, 'goals', 0, 'text'],
    ['sheets', 0, 'goals', 0, 'initiatives', 0],
    ['sheets', 0, 'goals', 0, 'indicators', 0, 'name'],
    ['sheets', 0, 'goals', 0, 'indicators', 0, 'unit'],
    ['sheets', 0, 'goals', 0, 'indicators', 0, 'target', 'text'],
    ['sheets', 0, 'goals', 0, 'indicators', 0, 'result', 'text'],
    ['sheets', 0, 'goals', 0, 'indicators', 0, 'actuals', '2021', 'text'],
    ['sheets', 0, 'goals', 0, 'indicators', 0, 'note'],
    ['sheets', 0, 'goals', 0, 'indicators', 0, 'achievement'],
    ['sheets', 0, 'goals', 0, 'indicators', 0, 'evaluationReason'],
  ];
  const dotted = (path: (string | number)[]) =>
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');

  it.each(interchangePaths.map((p) => [dotted(p), p] as const))(
    'interchange file: %s keeps markup and refuses NUL and lone surrogates there',
    (where, path) => {
      const accepted = wardYearFileSchema.safeParse(fileWith(path, '<NPO法人ひまわり会> {{7*7}}'));
      expect(issuesOf(accepted)).toEqual([]);
      for (const bad of ['前\u0000後', '前\udc00後']) {
        const issues = issuesOf(wardYearFileSchema.safeParse(fileWith(path, bad)));
        expect(issues.map((i) => i.path)).toEqual([where]);
      }
    },
  );

  it('interchange file: a revision reason and both its cells', () => {
    const file = sampleFile();
    const indicator = indicatorNamed(
      goalNumbered(sheetFileTitled(file, '地域総務課'), 1),
      '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定',
    );
    indicator.revisions = [
      {
        from: { text: '\u0001', value: null },
        to: { text: '5\ud800', value: 5 },
        revisedOn: '2022-09-30',
        reason: '\u0000',
      },
    ];
    const paths = issuesOf(wardYearFileSchema.safeParse(file)).map((i) => i.path);
    const base = 'sheets[0].goals[0].indicators[0].revisions[0]';
    expect(paths).toEqual([`${base}.from.text`, `${base}.to.text`, `${base}.reason`]);
  });

  it('sheet editor, transitions, revisions, sign-in and new users', () => {
    const document = {
      phone: '\u0000',
      purpose: '<script>alert(1)</script>',
      approach: null,
      outcome: '\ud800',
      goals: [
        {
          parentNo: null,
          text: '<b>目標</b>\u0008',
          initiatives: ['{{7*7}}', '\u007f'],
          indicators: [
            {
              indicatorId: null,
              name: '<img src=x>\u0000',
              unit: '\udfff',
              direction: 'higher',
              actuals: [{ fiscalYear: 2021, text: '\u0002' }],
              target: { text: '=1+1' },
              result: { text: '\u0003' },
              note: '\u0004',
              achievement: '\u0005',
              evaluation: null,
              evaluationReason: '\u0006',
            },
          ],
        },
      ],
    };
    const ind = 'document.goals[0].indicators[0]';
    expect(issuesOf(saveSheetSchema.safeParse({ version: 1, document })).map((i) => i.path)).toEqual([
      'document.phone',
      'document.outcome',
      'document.goals[0].text',
      'document.goals[0].initiatives[1]',
      `${ind}.name`,
      `${ind}.unit`,
      `${ind}.actuals[0].text`,
      `${ind}.result.text`,
      `${ind}.note`,
      `${ind}.achievement`,
      `${ind}.evaluationReason`,
    ]);
    expect(
      issuesOf(transitionSheetSchema.safeParse({ transition: 'return', version: 1, comment: '\u0000' })),
    ).toEqual([{ path: 'comment', message: expect.stringContaining('U+0000') }]);
    const revision = { version: 1, indicatorId: '00000000-0000-4000-8000-000000000000' };
    expect(
      issuesOf(
        proposeRevisionSchema.safeParse({ ...revision, to: { text: '\ud800' }, reason: '\u0000' }),
      ).map((i) => i.path),
    ).toEqual(['to.text', 'reason']);
    expect(
      issuesOf(signInSchema.safeParse({ loginId: 'a\u0000', password: 'x' })).map((i) => i.path),
    ).toEqual(['loginId']);
    const user = {
      municipality: '新潟市',
      loginId: 'yamada',
      displayName: '<山田>',
      grants: [{ ward: '北区' }],
    };
    expect(newUserNamesSchema.parse(user).displayName).toBe('<山田>');
    expect(
      issuesOf(
        newUserNamesSchema.safeParse({ ...user, displayName: '山田\u0000', grants: [{ ward: '\ud800' }] }),
      ).map((i) => i.path),
    ).toEqual(['displayName', 'grants[0].ward']);
  });
});
