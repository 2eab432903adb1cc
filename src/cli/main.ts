import { runCli } from './run';

/** The `mokuhyo` command (bin/mokuhyo.mjs loads this through tsx). */
process.exitCode = await runCli(process.argv.slice(2));
