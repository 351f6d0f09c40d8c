/**
 * The offline cache of a site, refreshed from the real test WordPress: every category and tag (more
 * than one page of them), the site's time zone and date format, and its posts in every status the
 * user may see, with their featured thumbnails; read back from disk by a new instance; and what a
 * contributor or subscriber, who may not read the settings or others' drafts, still gets.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { SiteCache } from '../../../electron/core/sites/site-cache.js';
import { WpClient } from '../../../electron/core/wordpress/wp-client.js';
import type { RefreshProgress } from '../../../shared/sites/site-cache.js';
import { useTempFolder } from '../../support/temp-folder.js';
import {
  adminClient,
  testSite,
  unique,
  userWithRole,
  testSiteRecord,
} from '../../support/wordpress/site-admin.js';

interface CreatedPost {
  id: number;
  link: string;
}

const site = () => testSiteRecord({ id: 'newsroom-cache' });

const clientAs = (user: { login: string; appPassword: string }) =>
  new WpClient({ url: testSite().url, user: user.login, password: user.appPassword });

describe('the offline cache of a site', () => {
  const tempFolder = useTempFolder();
  const prefix = unique('cache');
  let published: CreatedPost;
  let draft: CreatedPost;
  let scheduled: CreatedPost;

  beforeAll(async () => {
    const admin = adminClient();
    // In groups, so the test server's PHP is not handed 200 requests at once.
    const create = async (route: string, count: number) => {
      for (let start = 0; start < count; start += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, count - start) }, (_, offset) =>
            admin.call(route, { method: 'POST', json: { name: `${prefix} ${route} ${start + offset}` } }),
          ),
        );
      }
    };
    await Promise.all([create('wp/v2/tags', 105), create('wp/v2/categories', 102)]);

    const jpeg = await sharp({
      create: { width: 640, height: 420, channels: 3, background: { r: 20, g: 90, b: 160 } },
    })
      .jpeg()
      .toBuffer();
    const { data: media } = await admin.call<{ id: number }>('wp/v2/media', {
      method: 'POST',
      body: jpeg,
      headers: {
        'Content-Type': 'image/jpeg',
        'Content-Disposition': `attachment; filename="${prefix}.jpg"`,
      },
    });
    const post = async (json: Record<string, unknown>) =>
      (await admin.call<CreatedPost>('wp/v2/posts', { method: 'POST', json })).data;
    published = await post({
      title: `Ödül töreni & basın ${prefix}`,
      status: 'publish',
      featured_media: media.id,
    });
    draft = await post({ title: `Taslak haber ${prefix}`, status: 'draft' });
    scheduled = await post({
      title: `İleri tarihli duyuru ${prefix}`,
      status: 'future',
      date_gmt: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 19),
    });
  }, 180_000);

  it('keeps every term, the time zone, the date format and every post with its thumbnail', async () => {
    const folder = await tempFolder();
    const steps: RefreshProgress[] = [];
    const cache = await new SiteCache({ folder }).refresh(site(), adminClient(), {
      onProgress: (progress) => steps.push(progress),
    });

    expect(cache).toMatchObject({
      siteId: 'newsroom-cache',
      title: 'Pressroom Test Newsroom',
      timeZone: 'Europe/Istanbul',
      dateFormat: 'j F Y',
      truncated: false,
      postScope: 'all',
    });
    // Not just the first 100 of each.
    expect(cache.categories.length).toBeGreaterThan(100);
    expect(cache.tags.length).toBeGreaterThan(100);
    expect(cache.categories.filter((term) => term.name.startsWith(prefix))).toHaveLength(102);
    expect(cache.tags.filter((term) => term.name.startsWith(prefix))).toHaveLength(105);
    expect(cache.categories.find((term) => term.name === `${prefix} wp/v2/categories 7`)).toMatchObject({
      parent: 0,
      count: 0,
    });

    const byId = new Map(cache.posts.map((post) => [post.id, post]));
    expect(byId.get(published.id)).toMatchObject({
      title: `Ödül töreni & basın ${prefix}`, // "&#038;" as WordPress renders it, decoded
      status: 'publish',
      link: published.link,
    });
    expect(byId.get(draft.id)).toMatchObject({ status: 'draft', link: draft.link, thumbnailUrl: null });
    expect(byId.get(scheduled.id)).toMatchObject({
      status: 'future',
      title: `İleri tarihli duyuru ${prefix}`,
    });
    expect(byId.get(scheduled.id)!.dateGmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(byId.get(scheduled.id)!.dateGmt)).toBeGreaterThan(Date.now());
    // Newest first: the scheduled post is dated next year.
    const dates = cache.posts.map((post) => Date.parse(post.dateGmt));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    // The small copy WordPress made of the featured image, and the site serves it.
    const thumbnail = byId.get(published.id)!.thumbnailUrl;
    expect(thumbnail).toMatch(/-150x150\.jpg$/);
    const response = await fetch(thumbnail!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/jpeg/);

    expect(new Set(steps.map((progress) => progress.step))).toEqual(
      new Set(['terms', 'posts', 'thumbnails']),
    );
    expect(steps.findLast((progress) => progress.step === 'terms')).toMatchObject({
      done: cache.categories.length + cache.tags.length,
      total: cache.categories.length + cache.tags.length,
    });

    // Offline: a new instance (the app started again) reads the same from disk.
    const reread = new SiteCache({ folder });
    expect(await reread.get('newsroom-cache')).toEqual(cache);
    expect(await reread.get('another-site')).toBeNull();

    // The "open from site" browser and the related-posts picker.
    const found = await reread.searchPosts('newsroom-cache', { search: `odul TORENI ${prefix}` });
    expect(found.map((post) => post.id)).toEqual([published.id]);
    expect(
      (await reread.searchPosts('newsroom-cache', { search: `ileri ${prefix}` })).map((post) => post.id),
    ).toEqual([scheduled.id]);
    const unpublished = await reread.searchPosts('newsroom-cache', {
      search: prefix,
      status: ['draft', 'future'],
    });
    expect(unpublished.map((post) => post.id)).toEqual([scheduled.id, draft.id]);
    expect(
      (await reread.searchPosts('newsroom-cache', { search: prefix, status: 'publish' })).map(
        (post) => post.id,
      ),
    ).toEqual([published.id]);
    expect((await reread.searchPosts('newsroom-cache', { search: published.link }))[0]?.id).toBe(
      published.id,
    );

    await reread.forget('newsroom-cache');
    expect(await reread.get('newsroom-cache')).toBeNull();
  }, 120_000);

  it('keeps only the newest posts of a big archive, and says so', async () => {
    const cache = await new SiteCache({ folder: await tempFolder(), maxPosts: 2 }).refresh(
      site(),
      adminClient(),
    );
    expect(cache.truncated).toBe(true);
    expect(cache.posts).toHaveLength(2);
    expect(cache.posts[0]!.id).toBe(scheduled.id); // dated next year: the newest
  }, 60_000);

  it('leaves the previous cache as it was when a refresh is cancelled', async () => {
    const siteCache = new SiteCache({ folder: await tempFolder() });
    const before = await siteCache.refresh(site(), adminClient());
    const controller = new AbortController();
    const cancelled = siteCache.refresh(site(), adminClient(), {
      signal: controller.signal,
      onProgress: ({ step }) => step === 'posts' && controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'internal', message: 'Cancelled.' });
    expect(await siteCache.get('newsroom-cache')).toEqual(before);
  }, 60_000);

  it("works for a contributor, without the settings or other people's drafts", async () => {
    const contributor = await userWithRole('contributor');
    const { data: own } = await clientAs(contributor).call<CreatedPost>('wp/v2/posts', {
      method: 'POST',
      json: { title: `Onay bekleyen ${prefix}`, status: 'pending' },
    });
    const cache = await new SiteCache({ folder: await tempFolder() }).refresh(site(), clientAs(contributor));
    expect(cache).toMatchObject({ timeZone: 'Europe/Istanbul', dateFormat: null, postScope: 'all' });
    expect(cache.tags.filter((term) => term.name.startsWith(prefix))).toHaveLength(105);
    const ids = cache.posts.map((post) => post.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    // Their own post waiting for review, and the colleagues' published ones they may link to.
    expect(cache.posts.find((post) => post.id === own.id)).toMatchObject({ status: 'pending' });
    expect(cache.posts.find((post) => post.id === published.id)?.thumbnailUrl).toMatch(/-150x150\.jpg$/);
  }, 60_000);

  it('works for a subscriber, with the published posts only', async () => {
    const subscriber = await userWithRole('subscriber');
    const cache = await new SiteCache({ folder: await tempFolder() }).refresh(site(), clientAs(subscriber));
    expect(cache).toMatchObject({ dateFormat: null, postScope: 'published' });
    expect(cache.categories.filter((term) => term.name.startsWith(prefix))).toHaveLength(102);
    expect(new Set(cache.posts.map((post) => post.status))).toEqual(new Set(['publish']));
    expect(cache.posts.map((post) => post.id)).toContain(published.id);
  }, 60_000);
});
