/**
 * `sites.terms`: a site's category and tag names as last read, for the details panel's suggestions,
 * answered offline from the site cache in the app's data folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_CACHE_VERSION, type SiteCache } from '../../../../shared/sites/site-cache.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { realCore } from '../../../support/real-core.js';

describe('a site’s category and tag names', () => {
  const tempFolder = useTempFolder();

  const withSite = async () => {
    const { core, handlers, userData } = realCore(await tempFolder());
    const { site } = await core.sites.add(
      {
        name: 'Haber',
        url: 'https://news.example.org',
        user: 'editor',
        password: 'abcd EFGH 1234 ijkl MNOP 5678',
      },
      { requireSecretStore: true },
    );
    /** As a refresh leaves it: the site cache in the app's data folder. */
    const writeCache = async (fields: Partial<SiteCache>) => {
      const cache: SiteCache = {
        version: SITE_CACHE_VERSION,
        siteId: site.id,
        refreshedAt: '2026-11-25T10:00:00.000Z',
        title: 'Haber',
        timeZone: 'Europe/Istanbul',
        dateFormat: null,
        categories: [],
        tags: [],
        posts: [],
        truncated: false,
        postScope: 'all',
        ...fields,
      };
      await mkdir(join(userData, 'site-cache'), { recursive: true });
      await writeFile(join(userData, 'site-cache', `${site.id}.json`), JSON.stringify(cache));
    };
    return { handlers, siteId: site.id, writeCache };
  };

  it('answers the cached names in alphabetical order, each once, with the site’s zone and when they were read', async () => {
    const { handlers, siteId, writeCache } = await withSite();
    await writeCache({
      categories: [
        { id: 3, name: 'Research', parent: 0, count: 4 },
        { id: 1, name: 'Campus', parent: 0, count: 9 },
        { id: 7, name: 'Events', parent: 1, count: 2 },
        { id: 8, name: 'Events', parent: 3, count: 1 },
      ],
      tags: [
        { id: 5, name: 'students', count: 3 },
        { id: 6, name: 'Alumni', count: 1 },
        { id: 9, name: 'éducation', count: 1 },
      ],
    });
    expect(await handlers['sites.terms']({ siteId })).toEqual({
      categories: ['Campus', 'Events', 'Research'],
      tags: ['Alumni', 'éducation', 'students'],
      timeZone: 'Europe/Istanbul',
      refreshedAt: '2026-11-25T10:00:00.000Z',
    });
  });

  it('answers empty lists before the first refresh', async () => {
    const { handlers, siteId } = await withSite();
    expect(await handlers['sites.terms']({ siteId })).toEqual({
      categories: [],
      tags: [],
      timeZone: null,
      refreshedAt: null,
    });
  });

  it('answers "not found" for a site no longer in the list, as its posts do', async () => {
    const { handlers } = await withSite();
    const message = 'That site is no longer in the list of sites.';
    await expect(handlers['sites.terms']({ siteId: 'gone' })).rejects.toMatchObject({
      code: 'not-found',
      message,
    });
    await expect(handlers['sites.posts']({ siteId: 'gone' })).rejects.toMatchObject({
      code: 'not-found',
      message,
    });
  });
});
