import { runCli } from './run';

// Output piped into a reader that stops early (`mokuhyo export --format csv | head`) ends the
// command quietly, as Unix tools do, instead of with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

/** The `mokuhyo` command (bin/mokuhyo.mjs loads this through tsx). */
process.exitCode = await runCli(process.argv.slice(2));
