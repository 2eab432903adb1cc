import { createInterface } from 'node:readline';

/** A password from the first line of standard input, or asked on the terminal without echo. */
export async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin || !process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  process.stderr.write('パスワード: ');
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let password = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(password);
          return;
        }
        if (ch === '\u0003') {
          process.stdin.setRawMode(false);
          reject(new Error('中止しました。'));
          return;
        }
        if (ch === '\u007f') password = password.slice(0, -1);
        else password += ch;
      }
    };
    process.stdin.on('data', onData);
  });
}
