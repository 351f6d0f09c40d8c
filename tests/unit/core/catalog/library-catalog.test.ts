import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryCatalog } from '../../../../electron/core/catalog/library-catalog.js';
import { publishedContentHash } from '../../../../electron/core/catalog/draft-status.js';
import type { DraftInit } from '../../../../electron/core/drafts/draft-library.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { istanbul, paragraph, testLibrary } from '../../../support/test-library.js';

describe('the library catalog (list, search, filter, sort)', () => {
  const tempFolder = useTempFolder();

  const setup = async (drafts: DraftInit[]) => {
    const folder = await tempFolder();
    const library = testLibrary(folder);
    const created = [];
    for (const init of drafts) created.push(await library.create(init));
    return { folder, library, created, catalog: new LibraryCatalog(() => folder, istanbul) };
  };

  const titles = async (catalog: LibraryCatalog, query = {}) =>
    (await catalog.query(query)).drafts.map((draft) => draft.title);

  it('finds drafts by title, body or tag, ignoring accents and case, by word prefix', async () => {
    const { catalog } = await setup([
      { title: 'Le secrétaire général à Rabat', body: paragraph('Coopération étudiante') },
      { title: 'Genel Sekreter öğrencilerle buluştu', tags: ['istanbul'] },
      { title: 'الأمين العام يلتقي قيادة منظمة التجديد الطلابي' },
      { title: 'Visit of the Youth Impact Foundation', body: paragraph('A gracious visit to the office') },
    ]);
    expect(await titles(catalog, { search: 'secretaire' })).toEqual(['Le secrétaire général à Rabat']);
    expect(await titles(catalog, { search: 'cooperation' })).toEqual(['Le secrétaire général à Rabat']);
    expect(await titles(catalog, { search: 'ogrenci' })).toEqual(['Genel Sekreter öğrencilerle buluştu']);
    expect(await titles(catalog, { search: 'ISTANBUL' })).toEqual(['Genel Sekreter öğrencilerle buluştu']);
    expect(await titles(catalog, { search: 'منظمة' })).toEqual([
      'الأمين العام يلتقي قيادة منظمة التجديد الطلابي',
    ]);
    expect(await titles(catalog, { search: 'gracous visit' })).toEqual([
      'Visit of the Youth Impact Foundation',
    ]);
    expect(await titles(catalog, { search: 'nothing like this' })).toEqual([]);
  });

  it('tells draft, scheduled, published and changed-since-published apart, and filters by them', async () => {
    const { catalog, folder, created } = await setup([
      { title: 'Plain draft' },
      {
        title: 'Scheduled',
        intendedStatus: 'schedule',
        schedule: { local: '2026-12-01T10:00', timeZone: 'Europe/Istanbul' },
      },
      { title: 'Published' },
      { title: 'Edited after publishing' },
    ]);
    for (const [index, edit] of [
      [2, false],
      [3, true],
    ] as const) {
      const file = join(folder, `${created[index]!.document.id}.pressroom`, 'release.json');
      const document = JSON.parse(await readFile(file, 'utf8'));
      const record = {
        site: 's',
        remoteId: 7,
        link: 'https://x/7',
        remoteModifiedGmt: '2026-11-25T00:00:00',
        contentHash: publishedContentHash(document),
        publishedAt: '2026-11-25T00:00:00.000Z',
      };
      await writeFile(
        file,
        JSON.stringify({
          ...document,
          title: edit ? `${document.title}!` : document.title,
          publishRecord: record,
        }),
      );
    }
    const statuses = Object.fromEntries(
      (await catalog.query()).drafts.map((draft) => [draft.title, draft.status]),
    );
    expect(statuses).toEqual({
      'Plain draft': 'draft',
      Scheduled: 'scheduled',
      Published: 'published',
      'Edited after publishing!': 'changed',
    });
    expect(await titles(catalog, { status: 'changed' })).toEqual(['Edited after publishing!']);
  });

  it('sorts by last edit, by release date or by title (accent-aware)', async () => {
    const { catalog } = await setup([
      { title: 'Éclipse', schedule: { local: '2026-01-05T10:00', timeZone: 'Europe/Istanbul' } },
      { title: 'apple', schedule: { local: '2026-03-01T10:00', timeZone: 'Europe/Istanbul' } },
      { title: 'Zebra' },
    ]);
    expect(await titles(catalog)).toEqual(['Zebra', 'apple', 'Éclipse']);
    expect(await titles(catalog, { sort: 'date' })).toEqual(['apple', 'Éclipse', 'Zebra']);
    expect(await titles(catalog, { sort: 'title' })).toEqual(['apple', 'Éclipse', 'Zebra']);
  });

  it('follows changes made on disk by others: edits, new drafts, removed drafts and damage', async () => {
    const { catalog, folder, library, created } = await setup([{ title: 'First' }, { title: 'Second' }]);
    expect(await titles(catalog, { search: 'first' })).toEqual(['First']);
    const file = join(folder, `${created[0]!.document.id}.pressroom`, 'release.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"First"', '"Renamed elsewhere"'));
    await library.create({ title: 'Third' });
    await mkdir(join(folder, 'trash-bin'));
    await rename(
      join(folder, `${created[1]!.document.id}.pressroom`),
      join(folder, 'trash-bin', 'x.pressroom'),
    );
    await mkdir(join(folder, 'broken.pressroom'));
    await writeFile(join(folder, 'broken.pressroom', 'release.json'), '{');
    const listing = await catalog.query();
    expect(listing.drafts.map((draft) => draft.title).sort()).toEqual(['Renamed elsewhere', 'Third']);
    expect(listing.unreadable).toEqual([
      { folder: 'broken.pressroom', reason: expect.stringMatching(/damaged/) },
    ]);
    expect(await titles(catalog, { search: 'first' })).toEqual([]);
    expect(await titles(catalog, { search: 'renamed' })).toEqual(['Renamed elsewhere']);
  });

  it('lists and searches thousands of drafts (timings are in npm run bench)', async () => {
    const folder = await tempFolder();
    const library = testLibrary(folder);
    const sample = await library.create({ title: 'Template' });
    const base = JSON.parse(
      await readFile(join(folder, `${sample.document.id}.pressroom`, 'release.json'), 'utf8'),
    );
    for (let index = 0; index < 2000; index += 1) {
      const id = `bulk-draft-${String(index).padStart(5, '0')}`;
      await mkdir(join(folder, `${id}.pressroom`));
      const title = index === 1234 ? 'Scholarship ceremony in Dhaka' : `Routine release number ${index}`;
      await writeFile(
        join(folder, `${id}.pressroom`, 'release.json'),
        JSON.stringify({ ...base, id, title, body: paragraph(`Body ${index}`) }),
      );
    }
    const catalog = new LibraryCatalog(() => folder, istanbul);
    expect((await catalog.query()).drafts).toHaveLength(2001);
    expect(await titles(catalog, { search: 'scholarship dhaka' })).toEqual(['Scholarship ceremony in Dhaka']);
  }, 60_000);

  it('says plainly when the library folder cannot be read, instead of showing an empty library', async () => {
    const notAFolder = join(await tempFolder(), 'library-is-a-file');
    await writeFile(notAFolder, 'x');
    await expect(new LibraryCatalog(() => notAFolder, istanbul).query()).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringContaining('could not read the library folder'),
    });
  });
});
