// Run several npm scripts at once (`node scripts/run-together.mjs typecheck lint build`): each
// one's output is printed whole when it ends, and the run fails if any of them failed. The
// checks before the tests are independent and mostly single-threaded; side by side they use
// both cores of a small CI machine. (The PostgreSQL suite beside the browser journeys was tried
// and gained nothing: 318 s and 540 s side by side against 150 s and 376 s one after the other.)
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const started = performance.now();
        process.stdout.write(`> ${name}: started\n`);
        const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        child.stdout.on('data', (chunk) => {
          output += chunk;
        });
        child.stderr.on('data', (chunk) => {
          output += chunk;
        });
        child.on('close', (code) => {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          process.stdout.write(`\n> ${name} (${seconds} s, exit ${code})\n${output}`);
          resolve(code === 0);
        });
      }),
  ),
);
process.exitCode = results.every(Boolean) ? 0 : 1;
