// The benchmark rail (`npm run bench`, after scripts/build.mjs has built dist/).
//
//   node bench/run.mjs [suite ...] [--reps <n>] [--warmups <n>]
//
// Runs the suites in bench/suites/ (all of them, or the ones named), writes each one's figures to
// bench/results/<suite>.json, and rewrites docs/benchmarks.md from every results file there. Servers,
// the browser and temporary folders are cleaned up even when a suite fails or the run is interrupted,
// and a watchdog bounds the whole run.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/browser.mjs';
import { createCleanup } from './lib/cleanup.mjs';
import { currentLoad, machineInfo, renderMarkdown } from './lib/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suitesDir = join(root, 'bench/suites');
const resultsDir = join(root, 'bench/results');
const docsFile = join(root, 'docs/benchmarks.md');
// Bounds the whole run; the durability suite's kill rounds and the 200 faulted publishes take minutes.
const WATCHDOG_MS = 2_400_000;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reps: { type: 'string', default: '7' },
    warmups: { type: 'string', default: '1' },
  },
});
const repetitions = Number.parseInt(values.reps, 10);
const warmups = Number.parseInt(values.warmups, 10);
if (!(repetitions >= 1) || !(warmups >= 0)) {
  console.error('bench: --reps must be 1 or more and --warmups 0 or more.');
  process.exit(2);
}

const available = (await readdir(suitesDir))
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => basename(f, '.mjs'));
const unknown = positionals.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`bench: no such suite: ${unknown.join(', ')} (have: ${available.join(', ')})`);
  process.exit(2);
}
const selected = positionals.length > 0 ? positionals : available.sort();

const cleanup = createCleanup();
const abort = async (reason, code) => {
  console.error(`bench: ${reason}; cleaning up.`);
  await cleanup.run();
  process.exit(code);
};
const watchdog = setTimeout(() => void abort(`still running after ${WATCHDOG_MS / 1000} s`, 1), WATCHDOG_MS);
process.once('SIGINT', () => void abort('interrupted', 130));
process.once('SIGTERM', () => void abort('terminated', 143));

let browserPromise = null;
const sharedBrowser = () => {
  browserPromise ??= launchChromium().then((browser) => {
    cleanup.defer('close Chromium', () => browser.close());
    return browser;
  });
  return browserPromise;
};

const startedAt = Date.now();
const loadAtStart = currentLoad();
const results = [];
const failures = [];
try {
  for (const name of selected) {
    const log = (message) =>
      console.log(`bench ${name} +${((Date.now() - startedAt) / 1000).toFixed(1)}s: ${message}`);
    const ctx = {
      root,
      repetitions,
      warmups,
      log,
      tempDir: cleanup.tempDir,
      defer: cleanup.defer,
      browser: sharedBrowser,
    };
    const suiteStart = Date.now();
    try {
      const { run } = await import(pathToFileURL(join(suitesDir, `${name}.mjs`)).href);
      const result = await run(ctx);
      results.push({ ...result, suite: name });
      log(`done in ${((Date.now() - suiteStart) / 1000).toFixed(1)} s`);
    } catch (error) {
      failures.push(name);
      console.error(`bench ${name}: FAILED: ${error?.stack ?? error}`);
    }
  }

  const chromium = browserPromise ? (await browserPromise).version() : null;
  const machine = machineInfo({ chromium, loadAtStart });
  const date = new Date().toISOString();
  await mkdir(resultsDir, { recursive: true });
  for (const { name: _name, suite, ...rest } of results) {
    const file = { suite, date, machine, repetitions, warmups, ...rest };
    await writeFile(join(resultsDir, `${suite}.json`), `${JSON.stringify(file, null, 2)}\n`);
  }
} finally {
  await cleanup.run();
  clearTimeout(watchdog);
}

// The page shows every results file, including suites not run this time.
const order = (a, b) => (a === 'foundation' ? -1 : b === 'foundation' ? 1 : a.localeCompare(b));
const resultFiles = (await readdir(resultsDir).catch(() => []))
  .filter((f) => f.endsWith('.json'))
  .map((f) => basename(f, '.json'))
  .sort(order);
const allResults = [];
for (const suite of resultFiles) {
  allResults.push(JSON.parse(await readFile(join(resultsDir, `${suite}.json`), 'utf8')));
}
const prettier = await import('prettier');
const prettierOptions = (await prettier.resolveConfig(docsFile)) ?? {};
const markdown = await prettier.format(renderMarkdown(allResults), {
  ...prettierOptions,
  filepath: docsFile,
});
await mkdir(dirname(docsFile), { recursive: true });
await writeFile(docsFile, markdown);

for (const result of results) {
  console.log(`\n${result.title ?? result.suite}`);
  console.table(
    result.rows.map(({ metric, value, unit, baseline, ratio }) => ({ metric, value, baseline, unit, ratio })),
  );
}
console.log(
  `\nbench: wrote ${results.map((r) => `bench/results/${r.suite}.json`).join(', ') || 'no results'} ` +
    `and docs/benchmarks.md in ${((Date.now() - startedAt) / 1000).toFixed(1)} s` +
    (failures.length > 0 ? `; FAILED: ${failures.join(', ')}` : ''),
);
process.exit(failures.length > 0 ? 1 : 0);
