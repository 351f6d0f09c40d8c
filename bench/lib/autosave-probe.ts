/**
 * Times autosave of a 20,000-word draft through the real DraftLibrary (read fingerprint, serialise,
 * temp file, fsync, rename), and, as the same-run baseline, a plain fs.writeFile of the same bytes.
 * Bundled and run by bench/suites/drafts-autosave.mjs; prints one JSON line.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DraftLibrary } from '../../electron/core/drafts/draft-library.js';
import { EventHub } from '../../electron/core/events.js';

const [folder, repetitionsArgument] = process.argv.slice(2);
if (!folder) throw new Error('usage: autosave-probe FOLDER [REPETITIONS]');
const repetitions = Number(repetitionsArgument ?? 30);

const WORDS = 20_000;
const sentence = 'Students from twelve countries met the delegation in Istanbul to discuss scholarships ';
const bodyOf = (version: number) => ({
  type: 'doc',
  content: Array.from({ length: WORDS / 100 }, (_, index) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `${version}.${index} ${sentence.repeat(8)}` }],
  })),
});

const library = new DraftLibrary({
  folder: () => folder,
  events: new EventHub(),
  releaseDefaults: () => ({ timeZone: 'Europe/Istanbul', language: 'en' }),
});
const created = await library.create({ title: 'Long release', body: bodyOf(0) });
let etag = created.etag;
const saveMs: number[] = [];
const writeMs: number[] = [];
let bytes = 0;
for (let version = 1; version <= repetitions; version += 1) {
  const body = bodyOf(version);
  const start = performance.now();
  const saved = await library.save({ id: created.document.id, title: 'Long release', body, baseEtag: etag });
  saveMs.push(performance.now() - start);
  etag = saved.etag;

  const text = JSON.stringify({ ...created.document, body }, null, 2);
  bytes = Buffer.byteLength(text);
  const plainStart = performance.now();
  await writeFile(join(folder, 'plain-baseline.json'), text);
  writeMs.push(performance.now() - plainStart);
}
process.stdout.write(`${JSON.stringify({ words: WORDS, bytes, saveMs, writeMs })}\n`);
