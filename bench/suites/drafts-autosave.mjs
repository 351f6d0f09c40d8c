// Autosave of a 20,000-word draft through the real DraftLibrary (target ≤ 20 ms), against a plain
// fs.writeFile of the same bytes measured in the same run. The save runs in the core (main process or
// browser-mode server), so none of it is on the renderer's typing path; the renderer only sends the
// document once typing pauses (or every 2 s at most).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { nodeBundle } from '../../scripts/esbuild-options.mjs';
import { median, percentile, ratio, round } from '../lib/stats.mjs';

const execFileAsync = promisify(execFile);

export const run = async (ctx) => {
  const work = await ctx.tempDir('autosave');
  const probe = join(work, 'autosave-probe.mjs');
  await build({ ...nodeBundle(join(ctx.root, 'bench/lib/autosave-probe.ts'), probe), sourcemap: false });
  const repetitions = Math.max(20, ctx.repetitions * 4);
  const { stdout } = await execFileAsync(process.execPath, [
    probe,
    join(work, 'library'),
    String(repetitions),
  ]);
  const { words, bytes, saveMs, writeMs } = JSON.parse(stdout);
  ctx.log(`autosave: median ${round(median(saveMs), 2)} ms, plain write ${round(median(writeMs), 2)} ms`);
  const row = (metric, value, base, target) => ({
    metric,
    value: round(value, 2),
    unit: 'ms',
    baseline: round(base, 2),
    ratio: round(ratio(value, base), 3),
    ...(target === undefined ? {} : { target }),
  });
  return {
    name: 'drafts-autosave',
    title: 'Drafts: autosave of a 20,000-word release',
    description:
      `Saving a ${words.toLocaleString('en-US')}-word draft (${bytes.toLocaleString('en-US')} bytes of JSON) ` +
      'through DraftLibrary.save: read and fingerprint the file on disk (no silent overwrite), serialise, ' +
      'write a temporary file, fsync, rename. Baseline: `fs.writeFile` of the same bytes (no fsync, not ' +
      `atomic). ${repetitions} saves, each with a changed body. Target: median ≤ 20 ms.`,
    rows: [
      row('Autosave, median', median(saveMs), median(writeMs)),
      row('Autosave, p95', percentile(saveMs, 95), percentile(writeMs, 95)),
    ],
    notes: [
      `Absolute target: median ${round(median(saveMs), 1)} ms against ≤ 20 ms ` +
        `(${median(saveMs) <= 20 ? 'met' : '**missed**'}). The save runs in the core process, off the ` +
        "renderer's typing path; the editor only hands over its document when typing pauses.",
    ],
    raw: { saveMs: saveMs.map((ms) => round(ms, 2)), writeMs: writeMs.map((ms) => round(ms, 2)) },
  };
};
