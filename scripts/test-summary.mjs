// Adds up the JSON reports of the test runs (test-results/vitest-*.json) into the one plain line
// CI reads: "tests: N passed, N failed".
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const folder = 'test-results';
const reports = (await readdir(folder).catch(() => [])).filter((name) => /^vitest-.*\.json$/.test(name));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of reports) {
  const report = JSON.parse(await readFile(join(folder, name), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
