import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConflict } from '../../../electron/core/drafts/resolve-conflict.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { listLibrary, paragraph, testLibrary } from '../../support/test-library.js';

describe('resolving a draft changed outside Pressroom', () => {
  const tempFolder = useTempFolder();

  /** A draft opened here, then changed on "another computer" through the synced folder. */
  const conflicted = async () => {
    const folder = await tempFolder();
    const library = testLibrary(folder);
    const opened = await library.create({
      title: 'Visit',
      tags: ['students'],
      assets: [{ file: 'assets/photo.jpg', bytes: new Uint8Array([9, 9]) }],
    });
    const id = opened.document.id;
    const file = join(folder, `${id}.pressroom`, 'release.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(
      file,
      JSON.stringify({ ...stored, title: 'Visit (edited by a colleague)', body: paragraph('Theirs') }),
    );
    await expect(
      library.save({ id, title: 'Visit (mine)', body: paragraph('Mine'), baseEtag: opened.etag }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    return { library, id, folder };
  };

  it('keeps my version in the draft and theirs as a conflict copy', async () => {
    const { library, id } = await conflicted();
    const result = await resolveConflict(library, {
      id,
      title: 'Visit (mine)',
      body: paragraph('Mine'),
      keep: 'mine',
      copySuffix: '(conflict copy)',
    });
    expect(result.draft.document).toMatchObject({ title: 'Visit (mine)', body: paragraph('Mine') });
    const copy = await library.open(result.copyId);
    expect(copy.document).toMatchObject({
      title: 'Visit (edited by a colleague) (conflict copy)',
      body: paragraph('Theirs'),
      tags: ['students'],
    });
    expect([...(await readFile(join(library.folderOf(result.copyId), 'assets', 'photo.jpg')))]).toEqual([
      9, 9,
    ]);
  });

  it('keeps their version in the draft and mine as a conflict copy', async () => {
    const { library, id, folder } = await conflicted();
    const result = await resolveConflict(library, {
      id,
      title: 'Visit (mine)',
      body: paragraph('Mine'),
      keep: 'theirs',
      copySuffix: '(conflict copy)',
    });
    expect(result.draft.document).toMatchObject({
      title: 'Visit (edited by a colleague)',
      body: paragraph('Theirs'),
    });
    expect((await library.open(result.copyId)).document).toMatchObject({
      title: 'Visit (mine) (conflict copy)',
      body: paragraph('Mine'),
    });
    expect((await listLibrary(folder)).drafts).toHaveLength(2);
  });
});
