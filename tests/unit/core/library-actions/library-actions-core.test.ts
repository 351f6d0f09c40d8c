/**
 * Duplicate, delete with undo, open recent and thumbnails through the handler table, as the
 * renderer reaches them (the real core of browser mode, a recording OS trash).
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { composeCore } from '../../../../electron/core/compose.js';
import { createHandlers } from '../../../../electron/core/handlers.js';
import { silentLogger } from '../../../../electron/core/logger.js';
import type { MethodName, ResponseOf } from '../../../../shared/contract/ipc-contract.js';
import { useTempFolder } from '../../../support/temp-folder.js';

describe('library actions in the core', () => {
  const tempFolder = useTempFolder();

  const core = async () => {
    const root = await tempFolder();
    const trashed: string[] = [];
    const heard: string[] = [];
    const { core: services, events } = composeCore({
      store: new Conf<Record<string, unknown>>({
        projectName: 'pressroom-test',
        cwd: join(root, 'user-data'),
      }),
      documentsFolder: join(root, 'Documents'),
      userDataFolder: join(root, 'user-data'),
      folderPicker: null,
      logger: silentLogger,
      info: { name: 'Pressroom', version: 'test', shell: 'web', canPickFolders: false, platform: 'linux' },
      trash: { moveToTrash: async (path) => void trashed.push(path) },
      undoWindowMs: 60_000,
    });
    events.subscribe((event, payload) =>
      heard.push(`${event}:${(payload as { reason?: string }).reason ?? ''}`),
    );
    const handlers = createHandlers(services);
    const call = <M extends MethodName>(method: M, request: unknown) =>
      (handlers[method] as (request: unknown) => Promise<ResponseOf<M>>)(request);
    const folder = services.settings.get().libraryFolder;
    return { call, services, trashed, heard, folder };
  };

  const titles = async (call: Awaited<ReturnType<typeof core>>['call']) =>
    (await call('drafts.list', {})).drafts.map((draft) => draft.title).sort();

  it('a deleted draft leaves the list at once, comes back on undo, and is never moved in between', async () => {
    const { call, trashed, heard } = await core();
    const kept = await call('drafts.create', { title: 'Kept' });
    const doomed = await call('drafts.create', { title: 'Doomed' });
    expect(await call('drafts.delete', { id: doomed.document.id })).toEqual({ undoWindowMs: 60_000 });
    expect(await titles(call)).toEqual(['Kept']);
    expect(heard).toContain('library.changed:deleted');
    await expect(call('drafts.open', { id: doomed.document.id })).rejects.toMatchObject({
      code: 'not-found',
    });

    expect(await call('drafts.undoDelete', { id: doomed.document.id })).toEqual({ restored: true });
    expect(await titles(call)).toEqual(['Doomed', 'Kept']);
    expect(trashed).toEqual([]);
    expect(kept.document.id).not.toBe(doomed.document.id);
  });

  it('at quit the pending delete goes to the OS trash, and undo then says it is too late', async () => {
    const { call, services, trashed, folder } = await core();
    const doomed = await call('drafts.create', { title: 'Doomed' });
    await call('drafts.delete', { id: doomed.document.id });
    await services.deletes.flush();
    expect(trashed).toEqual([join(folder, `${doomed.document.id}.pressroom`)]);
    expect(await call('drafts.undoDelete', { id: doomed.document.id })).toEqual({ restored: false });
  });

  it('refuses to delete a damaged draft, which stays byte-identical', async () => {
    const { call, trashed, folder } = await core();
    const id = '0b7c6a3e-58f1-4c1e-9f1e-3a6f4d6b9c03';
    await mkdir(join(folder, `${id}.pressroom`), { recursive: true });
    await writeFile(join(folder, `${id}.pressroom`, 'release.json'), '{"truncated":');
    await expect(call('drafts.delete', { id })).rejects.toMatchObject({ code: 'unreadable' });
    expect(await readFile(join(folder, `${id}.pressroom`, 'release.json'), 'utf8')).toBe('{"truncated":');
    expect((await call('drafts.list', {})).unreadable).toHaveLength(1);
    expect(trashed).toEqual([]);
  });

  it('duplicates a draft into a new one listed beside it', async () => {
    const { call, folder } = await core();
    const source = await call('drafts.create', { title: 'Forum' });
    const copy = await call('drafts.duplicate', { id: source.document.id, copySuffix: '(copy)' });
    expect(copy.document.title).toBe('Forum (copy)');
    expect(await titles(call)).toEqual(['Forum', 'Forum (copy)']);
    expect((await readdir(folder)).sort()).toEqual(
      [`${source.document.id}.pressroom`, `${copy.document.id}.pressroom`].sort(),
    );
  });

  it('lists recently opened drafts newest first, without deleted ones', async () => {
    const { call, services } = await core();
    const first = await call('drafts.create', { title: 'First' });
    const second = await call('drafts.create', { title: 'Second' });
    await call('drafts.open', { id: first.document.id });
    await call('drafts.open', { id: second.document.id });
    expect((await call('drafts.recent', {})).map((draft) => draft.title)).toEqual(['Second', 'First']);
    await call('drafts.delete', { id: second.document.id });
    expect((await call('drafts.recent', {})).map((draft) => draft.title)).toEqual(['First']);
    await services.deletes.flush();
  });

  it('gives the list a thumbnail of the featured image, and null for a draft without one', async () => {
    const { call, services } = await core();
    const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const withImage = await services.drafts.create({
      title: 'With image',
      featuredImage: {
        file: 'assets/featured.jpg',
        alt: 'A grey square',
        caption: '',
        credit: '',
        width: 400,
        height: 300,
        sha256: 'c'.repeat(64),
      },
      assets: [{ file: 'assets/featured.jpg', bytes: image }],
    });
    const without = await call('drafts.create', { title: 'Without' });
    const thumbnail = await call('drafts.thumbnail', { id: withImage.document.id });
    expect(thumbnail?.dataUrl).toMatch(/^data:image\/webp;base64,/);
    expect(await call('drafts.thumbnail', { id: without.document.id })).toBeNull();
  });
});
