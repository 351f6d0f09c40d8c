/**
 * The process the kill test kills: saves the given drafts over and over through the real
 * DraftLibrary, and after each save returns prints "saved <id> <version>" on stdout. The parent
 * kills it with SIGKILL at a random moment and checks every draft reads back whole.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DraftLibrary } from '../../../electron/core/drafts/draft-library.js';
import { EventHub } from '../../../electron/core/events.js';

const [folder, ...ids] = process.argv.slice(2);
/** The bench's baseline: what a naive editor does (fs.writeFile straight over the file). */
const naive = process.env.PRESSROOM_KILL_TEST_NAIVE === '1';
if (!folder || ids.length === 0) throw new Error('usage: save-loop-child FOLDER ID...');

const library = new DraftLibrary({
  folder: () => folder,
  events: new EventHub(),
  releaseDefaults: () => ({ timeZone: 'Europe/Istanbul', language: 'en' }),
});

/** A body of about 20,000 words (the size the autosave benchmark uses), so a write takes real time. */
const bodyFor = (version: number) => ({
  type: 'doc',
  content: Array.from({ length: 400 }, (_, index) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: `v${version} paragraph ${index} `.repeat(12) }],
  })),
});

for (let round = 0; ; round += 1) {
  for (const id of ids) {
    const current = await library.open(id);
    const version = Number(current.document.title.replace('v', '')) + 1;
    const change = { id, title: `v${version}`, body: bodyFor(version), baseEtag: current.etag };
    if (naive) {
      const file = join(folder, `${id}.pressroom`, 'release.json');
      await writeFile(file, JSON.stringify({ ...current.document, ...change, baseEtag: undefined }, null, 2));
    } else {
      await library.save(change);
    }
    process.stdout.write(`saved ${id} ${version}\n`);
  }
}
