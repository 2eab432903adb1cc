import { describe, expect, it } from 'vitest';
import { commonPasswordCandidates, passwordLength, passwordProblems } from './password-policy';

const common = new Set(['password', 'dragon', 'qwertyuiop12', 'iloveyou', 'password1234']);
const problems = (password: string, loginId?: string) =>
  passwordProblems(password, { ...(loginId ? { loginId } : {}), isCommon: (p) => common.has(p) });

describe('the password policy', () => {
  it('takes 12 characters and more, passphrases and Japanese included', () => {
    expect(problems('mokuhyo-demo')).toEqual([]);
    expect(problems('correct horse battery')).toEqual([]);
    expect(problems('ひまわりの種を三つ植えた春')).toEqual([]);
    expect(problems(`${'x'.repeat(5)}yz-quiet-k`)).toEqual([]);
  });

  it('counts characters as people do (NFKC, a surrogate pair is one)', () => {
    expect(passwordLength('𠮷野家の牛丼並盛り')).toBe(9);
    expect(passwordLength('ＡＢＣ')).toBe(3);
    expect(problems('𠮷野家の牛丼並盛り')[0]).toBe(
      '12文字以上にしてください（今は9文字です）。単語をいくつか空白でつないだ文（パスフレーズ）も使えます',
    );
  });

  it('refuses common passwords, also in capitals, with spaces, digits or symbols around them, or repeated', () => {
    for (const password of [
      'Password1234',
      'QWERTYUIOP12',
      'iloveyou2026!',
      'pass word 1234',
      '2026dragon!!!!',
      'dragondragon',
    ]) {
      expect(problems(password), password).toEqual([
        'よく使われていて推測されやすいパスワードです。別のパスワードにしてください',
      ]);
    }
    expect(commonPasswordCandidates('  Dragon123 ')).toContain('dragon');
  });

  it('refuses a short unit repeated, and a password holding the login id', () => {
    expect(problems('aaaaaaaaaaaa')).toEqual(['同じ文字や短い並びを繰り返しただけのパスワードは使えません']);
    expect(problems('abcdabcdabcd')).toEqual(['同じ文字や短い並びを繰り返しただけのパスワードは使えません']);
    expect(problems('yamada-no-himitsu', 'Yamada')).toEqual(['ログインIDを含まないパスワードにしてください']);
    expect(problems('mokuhyo-demo', 'admin')).toEqual([]);
  });

  it('gives every reason at once', () => {
    expect(problems('dragon')).toHaveLength(2);
  });
});
