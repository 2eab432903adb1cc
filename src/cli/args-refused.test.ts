import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { argsRefused } from './args-refused';

const refusalOf = (args: string[]) => {
  try {
    parseArgs({
      args,
      options: { out: { type: 'string', short: 'o' }, yes: { type: 'boolean' } },
      strict: true,
    });
  } catch (error) {
    return argsRefused(error, '使い方: mokuhyo test').message;
  }
  throw new Error('parseArgs accepted the arguments');
};

describe('argsRefused', () => {
  it('says in Japanese what parseArgs refused, above the usage', () => {
    expect(refusalOf(['--foo'])).toBe('--foo というオプションはありません。\n使い方: mokuhyo test');
    expect(refusalOf(['--out'])).toBe('--out の値を指定してください。\n使い方: mokuhyo test');
    expect(refusalOf(['--yes=1'])).toBe('--yes には値を付けないでください。\n使い方: mokuhyo test');
    expect(refusalOf(['extra'])).toBe('余分な引数「extra」があります。\n使い方: mokuhyo test');
  });
});
