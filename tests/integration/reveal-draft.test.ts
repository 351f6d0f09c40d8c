import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../support/temp-folder.js';
import { realCore } from '../support/web-core.js';

describe('show a draft in its folder', () => {
  const tempFolder = useTempFolder();

  it('asks the file manager to show the draft’s folder, and says plainly when the draft is gone', async () => {
    const folder = await tempFolder();
    const shown: string[] = [];
    const { handlers } = realCore(folder, { reveal: async (path) => void shown.push(path) });
    const created = await handlers['drafts.create']({ title: 'Visit' });
    await handlers['drafts.reveal']({ id: created.document.id });
    expect(shown).toEqual([join(folder, 'Documents', 'Pressroom', `${created.document.id}.pressroom`)]);
    await expect(handlers['drafts.reveal']({ id: 'gone-0123456789' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('tells where the draft is when no file manager can be opened', async () => {
    const { handlers } = realCore(await tempFolder(), {
      reveal: async () => {
        throw new Error('spawn xdg-open ENOENT');
      },
    });
    const created = await handlers['drafts.create']({});
    await expect(handlers['drafts.reveal']({ id: created.document.id })).rejects.toMatchObject({
      code: 'not-supported',
      message: expect.stringContaining('.pressroom'),
    });
  });
});
