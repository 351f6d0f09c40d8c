// Foundation: what the renderer costs before any feature lands, against an empty Vite + React page.
//   1. the gzip size of the renderer's JS and CSS (dist/renderer/assets);
//   2. the time from navigation start to an interactive library list in Chromium, served by the real
//      browser-mode server over a seeded library.
import { join } from 'node:path';
import { assetSizes, buildBaselinePage } from '../lib/bundle.mjs';
import { timePageReady } from '../lib/browser.mjs';
import { seedDrafts } from '../lib/drafts.mjs';
import { copyBuiltApp, startStaticServer, startWebApp } from '../lib/servers.mjs';
import { median, percentile, ratio, round } from '../lib/stats.mjs';

const DRAFTS = 20;
const APP_READY = { selector: '[role="listbox"] [role="option"]', minCount: DRAFTS };
const BASELINE_READY = { selector: '#root > div', minCount: 1 };

export const run = async (ctx) => {
  // Measure a copy of dist/: other work in the same tree may rebuild it while this runs.
  const dist = await copyBuiltApp(ctx.root, await ctx.tempDir('dist'));

  // 1. Bundle size.
  ctx.log('building the baseline page');
  const baselineDir = await buildBaselinePage(
    join(ctx.root, 'bench/baseline'),
    await ctx.tempDir('baseline'),
  );
  const app = await assetSizes(join(dist, 'renderer/assets'));
  const baseline = await assetSizes(join(baselineDir, 'assets'));
  ctx.log(`renderer ${app.gzip} B gzip, baseline ${baseline.gzip} B gzip`);

  // 2. Load to an interactive library list.
  const documents = await ctx.tempDir('documents');
  const userData = await ctx.tempDir('user-data');
  await seedDrafts(documents, DRAFTS);
  const server = await startWebApp({ root: ctx.root, dist, userData, documents });
  ctx.defer('stop the browser-mode server', server.stop);
  const staticServer = await startStaticServer(baselineDir);
  ctx.defer('stop the baseline server', staticServer.close);
  const browser = await ctx.browser();

  const appTimes = [];
  const baselineTimes = [];
  for (let i = 0; i < ctx.warmups + ctx.repetitions; i += 1) {
    // Alternate app and baseline so that a slow spell of the machine hits both.
    const appMs = await timePageReady(browser, server.url, APP_READY);
    const baselineMs = await timePageReady(browser, staticServer.url, BASELINE_READY);
    if (i < ctx.warmups) continue;
    appTimes.push(appMs);
    baselineTimes.push(baselineMs);
    ctx.log(
      `load ${i - ctx.warmups + 1}/${ctx.repetitions}: app ${round(appMs)} ms, baseline ${round(baselineMs)} ms`,
    );
  }

  const loadMedian = median(appTimes);
  const loadP95 = percentile(appTimes, 95);
  const baselineMedian = median(baselineTimes);
  const baselineP95 = percentile(baselineTimes, 95);
  const row = (metric, value, unit, base) => ({
    metric,
    value: round(value, 1),
    unit,
    baseline: round(base, 1),
    ratio: round(ratio(value, base), 3),
  });

  return {
    name: 'foundation',
    title: 'Foundation: renderer size and first load',
    description:
      'The renderer as built by `scripts/build.mjs`, against an empty Vite + React page ' +
      '(`bench/baseline/`, rendering `<div>hello</div>`) built and served in the same run.',
    rows: [
      row('Renderer JS + CSS, gzip', app.gzip, 'bytes', baseline.gzip),
      row('Renderer JS + CSS, raw', app.raw, 'bytes', baseline.raw),
      row(`Load → library list of ${DRAFTS} drafts, median`, loadMedian, 'ms', baselineMedian),
      row(`Load → library list of ${DRAFTS} drafts, p95`, loadP95, 'ms', baselineP95),
    ],
    notes: [
      `Sizes: the .js and .css files in \`dist/renderer/assets/\` (${app.files.length} files; ` +
        `JS ${app.jsGzip.toLocaleString('en-US')} B + CSS ${app.cssGzip.toLocaleString('en-US')} B gzip), ` +
        'gzip at zlib level 6; the baseline is the same sum over its own build.',
      `Load: \`performance.now()\` inside the page (milliseconds since navigation start) at the first DOM ` +
        `mutation after which \`[role="listbox"]\` holds all ${DRAFTS} \`[role="option"]\` items; ` +
        'for the baseline, when `#root > div` appears. The app is served by `dist/web/start-web.js` ' +
        `over a library seeded with ${DRAFTS} drafts, the baseline by a static node:http server; ` +
        'both send `Cache-Control: no-store`. The server and renderer are a copy of `dist/` taken at the ' +
        'start of the suite.',
      `${ctx.repetitions} repetitions after ${ctx.warmups} discarded warm-up, each in a new browser ` +
        'context, app and baseline alternating; p95 is nearest-rank' +
        (Math.ceil(0.95 * ctx.repetitions) >= ctx.repetitions
          ? ` (with ${ctx.repetitions} samples, the slowest).`
          : '.'),
    ],
    raw: {
      sizes: { app, baseline },
      loadMs: { app: appTimes.map((t) => round(t, 2)), baseline: baselineTimes.map((t) => round(t, 2)) },
    },
  };
};
