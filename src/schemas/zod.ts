import { z } from 'zod';

const typeLabels: Record<string, string> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: 'true または false',
  array: 'リスト（配列）',
  object: 'オブジェクト',
  date: '日付',
};

/**
 * Messages a Japanese user understands for every check a schema does not word itself. Import
 * `z` from here, not from 'zod', so the configuration is always in place.
 */
z.config({
  ...z.locales.ja(),
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) return '必須の項目です。入力してください';
        return `${typeLabels[issue.expected] ?? issue.expected}で指定してください`;
      case 'too_big': {
        const max = Number(issue.maximum).toLocaleString('ja-JP');
        if (issue.origin === 'string') return `${max}文字以内で入力してください`;
        if (issue.origin === 'array') return `${max}件以内にしてください`;
        return `${max}以下を指定してください`;
      }
      case 'too_small': {
        const min = Number(issue.minimum).toLocaleString('ja-JP');
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1 ? '入力してください' : `${min}文字以上で入力してください`;
        if (issue.origin === 'array') return `${min}件以上にしてください`;
        return `${min}以上を指定してください`;
      }
      case 'invalid_value':
        return `次のいずれかを指定してください：${issue.values.map(String).join('、')}`;
      case 'unrecognized_keys':
        return `使えない項目があります：${issue.keys.join('、')}`;
      default:
        return undefined;
    }
  },
});

export { z };
