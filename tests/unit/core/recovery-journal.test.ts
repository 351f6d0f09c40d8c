import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecoveryJournal } from '../../../electron/core/drafts/recovery-journal.js';
import { resolveConflict } from '../../../electron/core/drafts/resolve-conflict.js';
import { writeFileAtomically } from '../../../electron/core/fs/atomic-file.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { paragraph, testLibrary } from '../../support/test-library.js';

describe('unsaved work is kept when a save is refused', () => {
  const tempFolder = useTempFolder();

  const setup = async () => {
    const root = await tempFolder();
    const journal = new RecoveryJournal(join(root, 'user-data', 'recovery'));
    let diskFull = false;
    const library = testLibrary(join(root, 'library'), {
      journal,
      write: async (path, content) => {
        if (diskFull) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        await writeFileAtomically(path, content);
      },
    });
    return { root, journal, library, fillDisk: (full: boolean) => (diskFull = full) };
  };

  it('journals the edits of a save that failed for lack of space, and forgets them once a save succeeds', async () => {
    const { journal, library, fillDisk } = await setup();
    const draft = await library.create({ title: 'Visit' });
    fillDisk(true);
    const edits = {
      id: draft.document.id,
      title: 'Visit, edited',
      body: paragraph('Typed while the disk was full'),
      baseEtag: draft.etag,
    };
    await expect(library.save(edits)).rejects.toMatchObject({ code: 'storage' });
    expect(await journal.list()).toEqual([
      expect.objectContaining({
        id: draft.document.id,
        title: 'Visit, edited',
        body: edits.body,
        reason: 'storage',
      }),
    ]);

    fillDisk(false);
    await library.save(edits);
    expect(await journal.list()).toEqual([]);
  });

  it('journals the edits of a save refused by a conflict until the user resolves it', async () => {
    const { root, journal, library } = await setup();
    const draft = await library.create({ title: 'Visit' });
    const file = join(root, 'library', `${draft.document.id}.pressroom`, 'release.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"Visit"', '"Theirs"'));
    const mine = { id: draft.document.id, title: 'Mine', body: paragraph('Mine') };
    await expect(library.save({ ...mine, baseEtag: draft.etag })).rejects.toMatchObject({ code: 'conflict' });
    expect((await journal.list()).map((entry) => entry.reason)).toEqual(['conflict']);

    await resolveConflict(library, { ...mine, keep: 'theirs', copySuffix: '(copy)' });
    expect(await journal.list()).toEqual([]);
  });

  it('ignores damaged journal entries instead of failing', async () => {
    const { root, journal } = await setup();
    await journal.keep({
      id: 'good-entry-0001',
      title: 'Kept',
      body: paragraph('x'),
      keptAt: '2026-11-25T10:00:00Z',
      reason: 'storage',
    });
    await writeFile(join(root, 'user-data', 'recovery', 'broken-entry-01.json'), '{"id": "broken');
    expect((await journal.list()).map((entry) => entry.id)).toEqual(['good-entry-0001']);
  });
});
