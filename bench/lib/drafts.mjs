// Seeds a library folder with drafts written the way Pressroom stores them:
// <documents>/Pressroom/<id>.pressroom/release.json.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SENTENCE =
  'Pressroom announces a benchmark draft with enough text in its first paragraph to fill a snippet. ';

/** Writes `count` drafts into the default library folder under `documents`; returns their ids. */
export const seedDrafts = async (documents, count, { paragraphs = 3 } = {}) => {
  const library = join(documents, 'Pressroom');
  const start = Date.UTC(2025, 0, 1);
  const ids = [];
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    const at = new Date(start + i * 60_000).toISOString();
    const document = {
      format: 'pressroom.release',
      schemaVersion: 1,
      id,
      title: `Benchmark release ${i + 1}`,
      body: {
        type: 'doc',
        content: Array.from({ length: paragraphs }, (_, p) => ({
          type: 'paragraph',
          content: [{ type: 'text', text: `${p + 1}. ${SENTENCE.repeat(4).trim()}` }],
        })),
      },
      createdAt: at,
      updatedAt: at,
    };
    const folder = join(library, `${id}.pressroom`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'release.json'), `${JSON.stringify(document, null, 2)}\n`);
    ids.push(id);
  }
  return ids;
};
