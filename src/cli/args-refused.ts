import { AppError } from '../server/app-error';

/**
 * A command line `parseArgs` refused, said in Japanese above the command's usage: node's own
 * message (「Unknown option '--foo'」) would be the one English line the command prints.
 */
export function argsRefused(error: unknown, usage: string): AppError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = error instanceof Error ? error.message : '';
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  // 「-o, --out <value>」: the long name.
  const option =
    quoted
      .split(/[ ,]+/)
      .filter((word) => word.startsWith('-'))
      .pop() ?? quoted;
  const problem =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `${option} というオプションはありません。`
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? message.includes('does not take an argument')
          ? `${option} には値を付けないでください。`
          : `${option} の値を指定してください。`
        : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
          ? `余分な引数「${quoted}」があります。`
          : 'オプションの指定に誤りがあります。';
  return new AppError('invalid', `${problem}\n${usage}`);
}
