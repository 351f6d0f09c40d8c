/**
 * The OS trash of browser mode and the CLI (the `trash` package): a deleted draft's folder really
 * lands in the desktop's trash (freedesktop.org layout on Linux) with the record that lets the file
 * manager put it back, and nothing is deleted for good.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeTrash } from '../../electron/core/drafts/pending-deletes.js';
import { useTempFolder } from '../support/temp-folder.js';

describe.runIf(process.platform === 'linux')('moving a draft to the OS trash', () => {
  const tempFolder = useTempFolder();
  const saved = process.env.XDG_DATA_HOME;
  afterEach(() => {
    if (saved === undefined) delete process.env.XDG_DATA_HOME;
    else process.env.XDG_DATA_HOME = saved;
  });

  it('moves the whole folder into the trash, restorable from its .trashinfo', async () => {
    const root = await tempFolder();
    // The trash of this test lives in its own folder, on the same disk as the library.
    process.env.XDG_DATA_HOME = join(root, 'data');
    const draft = join(root, 'Pressroom', 'a1.pressroom');
    await mkdir(join(draft, 'assets'), { recursive: true });
    await writeFile(join(draft, 'release.json'), '{"title":"Old release"}');

    await nodeTrash().moveToTrash(draft);

    expect(await readdir(join(root, 'Pressroom'))).toEqual([]);
    const [trashed] = await readdir(join(root, 'data', 'Trash', 'files'));
    expect(await readFile(join(root, 'data', 'Trash', 'files', trashed!, 'release.json'), 'utf8')).toBe(
      '{"title":"Old release"}',
    );
    const [info] = await readdir(join(root, 'data', 'Trash', 'info'));
    expect(await readFile(join(root, 'data', 'Trash', 'info', info!), 'utf8')).toContain(`Path=${draft}`);
  });

  it('reports a folder that is not there instead of claiming success', async () => {
    const root = await tempFolder();
    process.env.XDG_DATA_HOME = join(root, 'data');
    await expect(nodeTrash().moveToTrash(join(root, 'missing.pressroom'))).rejects.toThrow(/Nothing to move/);
  });
});
