import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyTitle } from '../../../../electron/core/drafts/duplicate-draft.js';
import { AppFailure } from '../../../../shared/contract/result.js';
import { TITLE_MAX_LENGTH } from '../../../../shared/release/draft-document.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { listLibrary, paragraph, testLibrary } from '../../../support/test-library.js';

describe('duplicating a draft', () => {
  const tempFolder = useTempFolder();

  const publishedDraft = async () => {
    const folder = join(await tempFolder(), 'Pressroom');
    const library = testLibrary(folder);
    const source = await library.create({
      title: 'Scholarship ceremony',
      body: paragraph('Forty students received their scholarships.'),
      tags: ['education'],
      featuredImage: {
        file: 'assets/featured.jpg',
        alt: 'Students on stage',
        caption: 'The ceremony',
        credit: 'Press office',
        width: 10,
        height: 10,
        sha256: 'a'.repeat(64),
      },
      publishRecord: {
        site: 'news',
        remoteId: 42,
        link: 'https://example.org/?p=42',
        remoteModifiedGmt: '2026-11-01T10:00:00',
        contentHash: 'b'.repeat(64),
        publishedAt: '2026-11-01T10:00:00Z',
      },
      assets: [{ file: 'assets/featured.jpg', bytes: new Uint8Array([1, 2, 3]) }],
    });
    return { folder, library, source };
  };

  it('makes a new draft with the same fields and a copy of its images, titled with the suffix, never published', async () => {
    const { folder, library, source } = await publishedDraft();
    const copy = await library.duplicate(source.document.id, '(copy)');

    expect(copy.document.id).not.toBe(source.document.id);
    expect(copy.document.title).toBe('Scholarship ceremony (copy)');
    expect(copy.document.publishRecord).toBeNull();
    expect(copy.document).toMatchObject({
      body: source.document.body,
      tags: ['education'],
      featuredImage: source.document.featuredImage,
    });
    const copiedImage = join(folder, `${copy.document.id}.pressroom`, 'assets', 'featured.jpg');
    expect([...(await readFile(copiedImage))]).toEqual([1, 2, 3]);
    // The copy is reopened from disk exactly as returned.
    expect((await library.open(copy.document.id)).document).toEqual(copy.document);
    const statuses = new Map((await listLibrary(folder)).drafts.map((draft) => [draft.id, draft.status]));
    expect(statuses.get(copy.document.id)).toBe('draft');
    expect(statuses.get(source.document.id)).not.toBe('draft');
  });

  it('leaves the original byte-identical', async () => {
    const { folder, library, source } = await publishedDraft();
    const file = join(folder, `${source.document.id}.pressroom`, 'release.json');
    const before = await readFile(file);
    await library.duplicate(source.document.id, '(copy)');
    expect(await readFile(file)).toEqual(before);
  });

  it('refuses a damaged draft with the reason, and leaves no half-made copy behind', async () => {
    const folder = join(await tempFolder(), 'Pressroom');
    const library = testLibrary(folder);
    const id = '0b7c6a3e-58f1-4c1e-9f1e-3a6f4d6b9c01';
    await mkdir(join(folder, `${id}.pressroom`), { recursive: true });
    await writeFile(join(folder, `${id}.pressroom`, 'release.json'), 'not json');

    const failure = await library.duplicate(id, '(copy)').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('unreadable');
    expect(await readdir(folder)).toEqual([`${id}.pressroom`]);
  });

  it('says plainly when the draft is gone', async () => {
    const folder = join(await tempFolder(), 'Pressroom');
    const failure = await testLibrary(folder)
      .duplicate('0b7c6a3e-58f1-4c1e-9f1e-3a6f4d6b9c02', '(copy)')
      .catch((error: unknown) => error);
    expect((failure as AppFailure).code).toBe('not-found');
  });

  it('keeps a long title within the limit by shortening the title, not the suffix', () => {
    const title = copyTitle('x'.repeat(TITLE_MAX_LENGTH), '(copy)');
    expect(title).toHaveLength(TITLE_MAX_LENGTH);
    expect(title.endsWith(' (copy)')).toBe(true);
    expect(copyTitle('', '(نسخة)')).toBe('(نسخة)');
  });
});
