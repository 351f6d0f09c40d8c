/**
 * Times the library over thousands of drafts with the real catalog, in a fresh process:
 * - seeding (once): COUNT drafts of ~300 words each, from a vocabulary, with tags and a few statuses;
 * - first list (phase `cold`: the first start ever, no snapshot; phase `start`: any later start, from
 *   the snapshot the previous run left): a new LibraryCatalog's first query, what the window waits
 *   for, against a baseline of reading and JSON-parsing every release.json with no checks, in the
 *   same process;
 * - search (phase `start`): typed queries (prefixes, whole words, a typo) as the app runs them
 *   (rescan at most every 2 s), against a baseline of a naive lower-case substring scan over the
 *   same texts in memory.
 * Bundled and run by bench/suites/library-scale.mjs; prints one JSON line.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileSnapshots } from '../../electron/core/catalog/catalog-snapshot.js';
import { LibraryCatalog } from '../../electron/core/catalog/library-catalog.js';

const [folder, countArgument, phase, snapshotFile] = process.argv.slice(2);
if (!folder || !snapshotFile)
  throw new Error('usage: library-probe FOLDER COUNT seed|cold|start SNAPSHOT_FILE');
const count = Number(countArgument ?? 5000);
const defaults = () => ({ timeZone: 'Europe/Istanbul', language: 'en' });

const VOCABULARY = (
  'scholarship students delegation ministry cooperation education forum youth culture heritage ' +
  'conference agreement signed secretary general ambassador visit programme research university ' +
  'technology innovation health water climate energy trade investment tourism statement press ' +
  'meeting summit declaration partnership development capacity training workshop exhibition ' +
  'festival award ceremony anniversary library archive museum language translation publication'
).split(' ');
const CITIES = ['Istanbul', 'Ankara', 'Rabat', 'Dhaka', 'Baku', 'Tashkent', 'Dakar', 'Amman', 'Jakarta'];

/** A deterministic pseudo-random sequence, so every run seeds the same library. */
const random = (() => {
  let state = 42;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
})();
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
const words = (n: number) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ');

const seed = async () => {
  await mkdir(folder, { recursive: true });
  const start = Date.UTC(2020, 0, 1);
  for (let index = 0; index < count; index += 1) {
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    const at = new Date(start + index * 3_600_000).toISOString();
    const city = pick(CITIES);
    const document = {
      format: 'pressroom.release',
      schemaVersion: 2,
      id,
      title: `${city}: ${words(6)} ${index}`,
      slug: '',
      schedule: { local: at.slice(0, 16), timeZone: 'Europe/Istanbul' },
      datelineCity: city,
      intendedStatus: index % 7 === 0 ? 'schedule' : 'draft',
      featuredImage: null,
      body: {
        type: 'doc',
        content: Array.from({ length: 5 }, () => ({
          type: 'paragraph',
          content: [{ type: 'text', text: `${words(60)}.` }],
        })),
      },
      excerpt: '',
      categories: ['News'],
      tags: [pick(VOCABULARY), pick(VOCABULARY)],
      relatedPosts: [],
      language: 'en',
      direction: 'ltr',
      targetSite: null,
      publishRecord: null,
      createdAt: at,
      updatedAt: at,
    };
    const draft = join(folder, `${id}.pressroom`);
    await mkdir(join(draft, 'assets'), { recursive: true });
    await writeFile(join(draft, 'release.json'), `${JSON.stringify(document, null, 2)}\n`);
  }
};

const measure = async () => {
  // Baseline first (it warms the OS file cache for both, as a second launch of the app would find it).
  let started = performance.now();
  const texts: string[] = [];
  for (const entry of await readdir(folder)) {
    const parsed = JSON.parse(await readFile(join(folder, entry, 'release.json'), 'utf8')) as {
      title: string;
    };
    texts.push(JSON.stringify(parsed).toLowerCase());
  }
  const baselineListMs = performance.now() - started;

  const snapshots = fileSnapshots(snapshotFile);
  const catalog = new LibraryCatalog(() => folder, defaults, { rescanAfterMs: 2_000, snapshots });
  started = performance.now();
  const first = await catalog.query({});
  const firstListMs = performance.now() - started;
  await snapshots.flush();
  if (phase === 'cold') {
    process.stdout.write(`${JSON.stringify({ drafts: first.drafts.length, baselineListMs, firstListMs })}\n`);
    return;
  }

  // The user starts typing once the list is up; the index is finished in the background by then.
  started = performance.now();
  await catalog.ready();
  const indexReadyMs = firstListMs + (performance.now() - started);

  const queries = [
    's',
    'sc',
    'sch',
    'scho',
    'schol',
    'scholarship',
    'ist',
    'istanbul',
    'youth forum',
    'delegaton',
  ];
  const searchMs: number[] = [];
  const scanMs: number[] = [];
  let hits = 0;
  for (let round = 0; round < 5; round += 1) {
    for (const search of queries) {
      started = performance.now();
      hits += (await catalog.query({ search })).drafts.length;
      searchMs.push(performance.now() - started);
      started = performance.now();
      const needle = search.toLowerCase();
      texts.filter((text) => text.includes(needle));
      scanMs.push(performance.now() - started);
    }
  }
  process.stdout.write(
    `${JSON.stringify({ drafts: first.drafts.length, baselineListMs, firstListMs, indexReadyMs, searchMs, scanMs, hits })}\n`,
  );
};

if (phase === 'seed') await seed();
else await measure();
