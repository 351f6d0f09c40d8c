// Publishing against a real WordPress started for this suite (scripts/wordpress/): a release with a
// 24-megapixel photo beside its floor (sharp resize + curl upload, target ≤ 1.2×) and beside a naive
// curl upload of the original (target ≤ 0.5×); bytes sent vs the original (target ≤ 15%); a
// republish with nothing changed (target: no image bytes); 200 publishes each hit by a transient
// fault, counting duplicates and losses (target 0).
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { nodeBundle } from '../../scripts/esbuild-options.mjs';
import { startWordPress } from '../../scripts/wordpress/wp-test-server.mjs';
import { median, percentile, ratio, round } from '../lib/stats.mjs';

const execFileAsync = promisify(execFile);
const FAULTED = 200;

export const run = async (ctx) => {
  const work = await ctx.tempDir('publishing');
  // Inside the repository (dist/ is not committed) so the bundle finds sharp in node_modules.
  const probe = join(ctx.root, 'dist', 'bench', 'publish-probe.mjs');
  await build({ ...nodeBundle(join(ctx.root, 'bench/lib/publish-probe.ts'), probe), sourcemap: false });
  ctx.log('starting a WordPress');
  const wordpress = await startWordPress();
  ctx.defer('stop WordPress', () => wordpress.stop());
  const config = join(work, 'config.json');
  const reps = Math.max(3, ctx.repetitions);
  await writeFile(
    config,
    JSON.stringify({
      url: wordpress.url,
      user: wordpress.user,
      appPassword: wordpress.appPassword,
      work,
      reps,
      faulted: FAULTED,
    }),
  );
  ctx.log(`publishing ${reps} releases with a 24 MP photo, then ${FAULTED} faulted ones`);
  const { stdout } = await execFileAsync(process.execPath, [probe, config], {
    maxBuffer: 16 * 1024 * 1024,
    timeout: 1_200_000,
  });
  const figures = JSON.parse(stdout);
  await wordpress.stop();

  const publish = median(figures.pressroomMs);
  const floor = median(figures.floorMs);
  const naive = median(figures.naiveMs);
  const sentShare = median(figures.bytesSent) / figures.photoBytes;
  const row = (metric, value, base, unit, target) => ({
    metric,
    value: round(value, unit === 'ms' ? 0 : 3),
    unit,
    baseline: base === null ? null : round(base, unit === 'ms' ? 0 : 3),
    ratio: base === null ? null : round(ratio(value, base), 3),
    ...(target === undefined ? {} : { target }),
  });
  return {
    name: 'publishing',
    title: 'Publishing to a real WordPress',
    description:
      `A release with a 24-megapixel camera photo (${(figures.photoBytes / 1e6).toFixed(1)} MB JPEG) published by ` +
      'Pressroom end to end (preflight, the post created as a remote draft, the photo prepared with sharp and ' +
      'uploaded, alt text set, terms, the post updated), against WordPress on 127.0.0.1 (php -S, MariaDB) started ' +
      `for this run. Floor: sharp's own resize of the same photo to 2560 px plus curl uploading it. Naive: curl ` +
      `uploading the original, which WordPress then scales itself. ${reps} of each, medians. Then ${FAULTED} ` +
      'publishes of a small release, each hit by one transient fault (connection cut after WordPress acted, no ' +
      'answer, 502 page, garbled JSON) on one of its requests, through a proxy.',
    rows: [
      row('Publish with a 24 MP photo vs floor (sharp + curl)', publish, floor, 'ms', '≤ 1.2×'),
      row('Publish with a 24 MP photo vs naive curl of the original', publish, naive, 'ms', '≤ 0.5×'),
      row('Publish, p95', percentile(figures.pressroomMs, 95), percentile(figures.floorMs, 95), 'ms'),
      row('Bytes sent / original size', sentShare, null, 'share', '≤ 0.15'),
      row('Republish with no change: image bytes sent', figures.republishBytes, null, 'bytes', '0'),
      row(`Faulted publishes: duplicates (of ${FAULTED})`, figures.duplicates, null, 'count', '0'),
      row(`Faulted publishes: losses (of ${FAULTED})`, figures.losses, null, 'count', '0'),
    ],
    notes: [
      `Against the floor: ${round(ratio(publish, floor), 2)}× (target ≤ 1.2×, ${ratio(publish, floor) <= 1.2 ? 'met' : '**missed**'}); ` +
        `against the naive upload: ${round(ratio(publish, naive), 2)}× (target ≤ 0.5×, ${ratio(publish, naive) <= 0.5 ? 'met' : '**missed**'}).`,
      `Bytes sent: ${(sentShare * 100).toFixed(1)}% of the original (target ≤ 15%, ${sentShare <= 0.15 ? 'met' : '**missed**'}). ` +
        `Republish: ${figures.republishBytes} image bytes.`,
      `Faults fired: ${figures.fired}; duplicates ${figures.duplicates}, losses ${figures.losses} (target 0).`,
    ],
    raw: figures,
  };
};
