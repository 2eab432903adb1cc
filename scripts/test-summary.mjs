// One closing line over every vitest run of `npm test` (PGlite, PostgreSQL, browser).
import { readdirSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of readdirSync('.tmp').filter((n) => /^vitest-.*\.json$/.test(n))) {
  const report = JSON.parse(readFileSync(`.tmp/${name}`, 'utf8'));
  console.log(
    `${name.replace(/^vitest-|\.json$/g, '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
