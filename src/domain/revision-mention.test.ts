import { describe, expect, it } from 'vitest';
import { revisionMention } from './revision-mention';

describe('a note that speaks of a target revision', () => {
  it.each([
    'R4.10.1修正',
    '目標をR4.10.1に修正',
    '10月1日に修正',
    '１０月１日に目標値を修正しました。',
    '2022年9月30日：上半期2度の選挙による準備事務により目標値を修正しました。',
    '令和4年10月1日修正（選挙事務のため）',
    '9月末に修正',
    '100人→80人',
    '目標 100人 ⇒ 80人',
    '１００人→８０人',
    '100人から80人に修正',
    '目標を50％から45％へ下方修正した',
    '・参加者数\n100件から90件に変更しました',
  ])('finds %s', (note) => {
    expect(revisionMention(note)).not.toBeNull();
  });

  it.each([
    null,
    '',
    '目標値を修正しました。',
    '・区ビジョン基本方針の策定',
    '令和4年度より子育て応援カフェから多世代交流カフェへと新規取組',
    '2019年→2022年の推移を見て設定',
    '令和3年度入館者数の3/4程度の入館者数とします。',
    'その後、北消防署の意見を参考に若干の修正を行い完成しました。',
    '10月に講座を開催\n内容を修正',
    '月1回の会議で進捗を確認',
  ])('does not find %s', (note) => {
    expect(revisionMention(note)).toBeNull();
  });

  it('says which words speak of the revision', () => {
    expect(revisionMention('前年度並み。100人→80人（会場の都合）')).toBe('100人→80人');
    expect(revisionMention('・補足\n10月1日に修正')).toBe('10月1日に修正');
  });
});
