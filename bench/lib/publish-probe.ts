/**
 * Publishing figures against the real test WordPress, in one process (bundled and run by
 * bench/suites/publishing.mjs; prints one JSON line):
 * - a release with a 24-megapixel camera photo, published by Pressroom (image preparation included),
 *   beside its floor (sharp's own resize of the same photo, then `curl` uploading the result) and
 *   beside `curl` uploading the original as a naive client would; bytes sent against the original;
 * - a republish with nothing changed (image bytes sent);
 * - N publishes each hit by a random transient fault (connection cut after WordPress acted, no
 *   answer, 502 page, garbled JSON) on a random request, counting duplicates and losses.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { imageFingerprint } from '../../electron/core/publishing/prepare-image.js';
import { publishRelease } from '../../electron/core/publishing/publisher.js';
import { DraftLibrary } from '../../electron/core/drafts/draft-library.js';
import { EventHub } from '../../electron/core/events.js';
import { WpClient } from '../../electron/core/wordpress/wp-client.js';
import { siteSchema } from '../../shared/sites/site.js';
import { type Fault, startFaultProxy } from '../../tests/support/wordpress/fault-proxy.js';

const execFileAsync = promisify(execFile);
const [configFile] = process.argv.slice(2);
const config = JSON.parse(await readFile(configFile!, 'utf8')) as {
  url: string;
  user: string;
  appPassword: string;
  work: string;
  reps: number;
  faulted: number;
};

const library = new DraftLibrary({
  folder: () => join(config.work, 'library'),
  events: new EventHub(),
  releaseDefaults: () => ({ timeZone: 'Europe/Istanbul', language: 'en' }),
});
const client = (url = config.url, timeoutMs?: number) =>
  new WpClient({ url, user: config.user, password: config.appPassword }, fetch, timeoutMs);
const site = (url = config.url) =>
  siteSchema.parse({ id: 'bench', name: 'Bench', url, user: config.user, addedAt: '2026-11-25T00:00:00Z' });

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const draftWith = async (title: string, photo: Buffer, width: number, height: number) =>
  library.create({
    title,
    schedule: { local: '2026-01-05T10:00', timeZone: 'Europe/Istanbul' },
    intendedStatus: 'publish',
    body: {
      type: 'doc',
      content: [paragraph('The delegation met the students.'), paragraph('They discussed scholarships.')],
    },
    featuredImage: {
      file: 'assets/featured.jpg',
      alt: 'The delegation with the students',
      caption: '',
      credit: '',
      width,
      height,
      sha256: imageFingerprint(photo),
    },
    assets: [{ file: 'assets/featured.jpg', bytes: photo }],
  });

const curlUpload = async (file: string, name: string): Promise<void> => {
  await execFileAsync('curl', [
    '-sS',
    '--fail',
    '-o',
    '/dev/null',
    '-u',
    `${config.user}:${config.appPassword}`,
    '-H',
    'Content-Type: image/jpeg',
    '-H',
    `Content-Disposition: attachment; filename="${name}"`,
    '--data-binary',
    `@${file}`,
    `${config.url}/?rest_route=/wp/v2/media`,
  ]);
};

// A 24-megapixel photo with camera-like detail (lightly blurred noise), about the size phones make.
const photo = await sharp({
  create: {
    width: 6000,
    height: 4000,
    channels: 3,
    background: '#808080',
    noise: { type: 'gaussian', mean: 128, sigma: 40 },
  },
})
  .blur(0.8)
  .jpeg({ quality: 92 })
  .toBuffer();
const original = join(config.work, 'original.jpg');
await writeFile(original, photo);

const floorMs: number[] = [];
const naiveMs: number[] = [];
const pressroomMs: number[] = [];
const bytesSent: number[] = [];
let republishBytes = -1;
for (let rep = 0; rep < config.reps; rep += 1) {
  let started = performance.now();
  const resized = await sharp(photo)
    .rotate()
    .resize(2560, 2560, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82, progressive: true })
    .toBuffer();
  const floorFile = join(config.work, `floor-${rep}.jpg`);
  await writeFile(floorFile, resized);
  await curlUpload(floorFile, `floor-${rep}.jpg`);
  floorMs.push(performance.now() - started);

  started = performance.now();
  await curlUpload(original, `naive-${rep}.jpg`);
  naiveMs.push(performance.now() - started);

  const draft = await draftWith(`Bench release ${Date.now()} ${rep}`, photo, 6000, 4000);
  started = performance.now();
  const outcome = await publishRelease({
    draftFolder: library.folderOf(draft.document.id),
    document: draft.document,
    site: site(),
    client: client(),
  });
  pressroomMs.push(performance.now() - started);
  if (outcome.kind !== 'published') throw new Error(`bench publish: ${outcome.kind}`);
  bytesSent.push(outcome.bytesSent);
  if (rep === 0) {
    const again = await publishRelease({
      draftFolder: library.folderOf(draft.document.id),
      document: draft.document,
      site: site(),
      client: client(),
    });
    if (again.kind !== 'published') throw new Error(`bench republish: ${again.kind}`);
    republishBytes = again.bytesSent;
  }
}

// Faulted publishes: a small photo, one random transient fault each, on a random request.
const small = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6' } })
  .jpeg()
  .toBuffer();
const faults: Fault[] = ['reset-after-forward', 'hang-after-forward', 'gateway-502', 'garbled-json'];
const routes: { method: string; route: string | RegExp }[] = [
  { method: 'POST', route: '/wp/v2/posts' },
  { method: 'POST', route: '/wp/v2/media' },
  { method: 'POST', route: /^\/wp\/v2\/posts\/\d+$/ },
  // The look-up by marker slug before the post is made: a lost answer there must not fork a second post.
  { method: 'GET', route: '/wp/v2/posts' },
];
let duplicates = 0;
let losses = 0;
let fired = 0;
const admin = client();
for (let index = 0; index < config.faulted; index += 1) {
  const marker = `faulted${Date.now().toString(36)}x${index}`;
  const fault = faults[index % faults.length]!;
  const target = routes[Math.floor(index / faults.length) % routes.length]!;
  const proxy = await startFaultProxy(config.url, [{ ...target, fault }]);
  const draft = await draftWith(`Faulted release ${marker}`, small, 800, 600);
  const folder = library.folderOf(draft.document.id);
  const before = await readFile(join(folder, 'release.json'));
  try {
    const outcome = await publishRelease({
      draftFolder: folder,
      document: draft.document,
      site: site(proxy.url),
      client: client(proxy.url, 1_500),
      retries: 4,
      minRetryMs: 20,
    });
    if (outcome.kind !== 'published') losses += 1;
  } catch {
    losses += 1;
  } finally {
    fired += proxy.fired.length;
    await proxy.close();
  }
  if (!(await readFile(join(folder, 'release.json'))).equals(before)) losses += 1;
  const { data: posts } = await admin.call<unknown[]>('wp/v2/posts', {
    query: { search: marker, status: 'any' },
  });
  if (posts.length !== 1) duplicates += Math.max(0, posts.length - 1);
  // A second upload of the same image would be "<name>-<hash>-2".
  const { data: media } = await admin.call<{ slug: string }[]>('wp/v2/media', {
    query: { search: marker, per_page: 100, _fields: 'slug' },
  });
  duplicates += media.filter((item) => /-[0-9a-f]{8}-\d+$/.test(item.slug)).length;
}

process.stdout.write(
  `${JSON.stringify({ photoBytes: photo.byteLength, floorMs, naiveMs, pressroomMs, bytesSent, republishBytes, faulted: config.faulted, fired, duplicates, losses })}\n`,
);
