/**
 * Publishing releases to the real test WordPress and reading them back through its REST API
 * (context=edit): every field as the draft has it; republish updates the same post; a change made
 * on the site is a conflict; a deleted post is detected; a lost answer never makes a duplicate.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { publishRelease, type PublishRequest } from '../../../electron/core/publishing/publisher.js';
import { imageFingerprint } from '../../../electron/core/publishing/prepare-image.js';
import { readPublishState } from '../../../electron/core/drafts/publish-state.js';
import { WpClient } from '../../../electron/core/wordpress/wp-client.js';
import { noisyJpeg } from '../../support/images.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { testLibrary } from '../../support/test-library.js';
import { adminClient, testSite, unique, testSiteRecord } from '../../support/wordpress/site-admin.js';
import { sampleRelease } from '../../support/wordpress/sample-release.js';

interface EditPost {
  id: number;
  slug: string;
  status: string;
  date_gmt: string;
  modified_gmt: string;
  title: { raw: string };
  content: { raw: string };
  excerpt: { raw: string };
  featured_media: number;
  categories: number[];
  tags: number[];
  link: string;
}

describe('publishing a release to WordPress', () => {
  const tempFolder = useTempFolder();
  const site = () => testSiteRecord();

  const draftOf = async (
    suffix: string,
    fields: Parameters<ReturnType<typeof testLibrary>['create']>[0] = {},
  ) => {
    const folder = await tempFolder();
    const library = testLibrary(folder);
    const created = await library.create({ ...(await sampleRelease(suffix)), ...fields });
    return { library, folder: library.folderOf(created.document.id), document: created.document };
  };

  const publish = (request: Omit<PublishRequest, 'site' | 'client'> & { client?: WpClient }) =>
    publishRelease({
      site: site(),
      client: adminClient(),
      createTerms: true,
      retries: 2,
      minRetryMs: 10,
      ...request,
    });

  const readBack = async (id: number) =>
    (await adminClient().call<EditPost>(`wp/v2/posts/${id}`, { query: { context: 'edit' } })).data;

  it('publishes the sample release with its featured image and related posts, every field as drafted', async () => {
    const suffix = unique('sample');
    const { folder, document } = await draftOf(suffix);
    const steps: string[] = [];
    const outcome = await publish({ draftFolder: folder, document, onProgress: (p) => steps.push(p.step) });
    expect(outcome).toMatchObject({ kind: 'published', status: 'publish', site: 'newsroom' });
    if (outcome.kind !== 'published') return;
    expect(steps).toEqual(
      expect.arrayContaining(['preflight', 'post', 'images', 'uploading', 'terms', 'done']),
    );

    const post = await readBack(outcome.remoteId);
    expect(post.title.raw).toBe(document.title);
    expect(post.slug).toBe(
      `dr-mostafa-faisal-parvez-held-a-productive-meeting-with-the-leadership-of-orema-and-jdp-${suffix}`,
    );
    expect(post.date_gmt).toBe('2023-07-12T07:30:00'); // 10:30 in Istanbul (UTC+3)
    expect(post.excerpt.raw).toBe(document.excerpt);
    expect(post.content.raw).toMatch(
      /^<!-- wp:paragraph -->\n<p>Dr. Mostafa Faisal Parvez, Secretary General of IIFSO/,
    );
    expect(post.content.raw.match(/<!-- wp:paragraph -->/g)).toHaveLength(3);
    expect(post.content.raw).toContain('<!-- wp:heading -->\n<h2>Related posts</h2>');
    expect(post.content.raw).toContain('<a href="https://iifso.org/ihh-visit/">IHH Executive Member');
    expect(post.content.raw).toContain('November 1, 2023');

    const admin = adminClient();
    const names = async (taxonomy: string, ids: number[]) =>
      (
        await admin.call<{ name: string }[]>(`wp/v2/${taxonomy}`, {
          query: { include: ids.join(','), _fields: 'name' },
        })
      ).data
        .map((term) => term.name)
        .sort();
    expect(await names('categories', post.categories)).toEqual(['Meetings ' + suffix, 'News'].sort());
    expect(await names('tags', post.tags)).toEqual(['Morocco', 'OREMA']);

    const { data: media } = await admin.call<{
      alt_text: string;
      caption: { raw: string };
      media_details: { width: number; height: number };
      source_url: string;
      slug: string;
    }>(`wp/v2/media/${post.featured_media}`, { query: { context: 'edit' } });
    expect(media.alt_text).toBe(document.featuredImage!.alt);
    expect(media.caption.raw).toBe('Meeting in Rabat — IIFSO press office');
    expect(Math.max(media.media_details.width, media.media_details.height)).toBeLessThanOrEqual(2560);
    expect(media.slug).toMatch(/^dr-mostafa-faisal-parvez.*-[0-9a-f]{8}$/);
    const uploaded = Buffer.from(await (await fetch(media.source_url)).arrayBuffer());
    const meta = await sharp(uploaded).metadata();
    expect(meta.exif).toBeUndefined(); // no GPS, no camera data
    expect(meta.width).toBe(2560);
    expect(outcome.bytesSent).toBeLessThan(document.featuredImage!.width * 100); // far below the original

    const state = await readPublishState(folder);
    expect(state.record).toMatchObject({
      site: 'newsroom',
      remoteId: post.id,
      link: post.link,
      remoteModifiedGmt: post.modified_gmt,
    });
    expect(state.pending).toBeNull();
  });

  it('reports an upload by the bytes sent so far, from none to the whole file', async () => {
    const photo = await noisyJpeg(); // noise does not compress: several hundred kilobytes
    const { folder, document } = await draftOf(unique('progress'), {
      featuredImage: {
        ...(await sampleRelease('x')).featuredImage!,
        width: 800,
        height: 600,
        sha256: imageFingerprint(photo),
      },
      assets: [{ file: 'assets/featured.jpg', bytes: photo }],
    });
    const uploads: { sent: number; total: number }[] = [];
    const outcome = await publish({
      draftFolder: folder,
      document,
      onProgress: (p) => {
        if (p.step === 'uploading') uploads.push({ sent: p.sent, total: p.total });
      },
    });
    if (outcome.kind !== 'published') throw new Error(`not published: ${JSON.stringify(outcome)}`);
    const sent = uploads.map((u) => u.sent);
    expect(outcome.bytesSent).toBeGreaterThan(2 * 64 * 1024);
    expect(uploads.every((u) => u.total === outcome.bytesSent)).toBe(true);
    expect(sent[0]).toBe(0);
    expect(sent.at(-1)).toBe(outcome.bytesSent);
    expect(sent.filter((n) => n > 0 && n < outcome.bytesSent).length).toBeGreaterThanOrEqual(2);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
  });

  it('republishes as an update of the same post, sending no image again', async () => {
    const { folder, document, library } = await draftOf(unique('republish'));
    const first = await publish({ draftFolder: folder, document });
    if (first.kind !== 'published') throw new Error(first.kind);
    const opened = await library.open(document.id);
    const saved = await library.save({
      id: document.id,
      title: `${document.title} (updated)`,
      body: document.body,
      baseEtag: opened.etag,
    });
    expect(saved.etag).toBeTruthy();
    const edited = (await library.open(document.id)).document;
    const second = await publish({ draftFolder: folder, document: edited });
    expect(second).toMatchObject({ kind: 'published', remoteId: first.remoteId, bytesSent: 0 });
    expect((await readBack(first.remoteId)).title.raw).toBe(`${document.title} (updated)`);
    const { data: sameSlug } = await adminClient().call<EditPost[]>('wp/v2/posts', {
      query: { search: document.title.slice(-30), status: 'any', context: 'edit' },
    });
    expect(sameSlug.map((post) => post.id)).toEqual([first.remoteId]);
  });

  it('stops on a change made on the site since, and detects a post deleted there', async () => {
    const { folder, document } = await draftOf(unique('conflict'));
    const first = await publish({ draftFolder: folder, document });
    if (first.kind !== 'published') throw new Error(first.kind);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // modified_gmt has one-second resolution
    await adminClient().call(`wp/v2/posts/${first.remoteId}`, {
      method: 'POST',
      json: { title: 'Edited on the site' },
    });
    expect(await publish({ draftFolder: folder, document })).toMatchObject({
      kind: 'conflict',
      remoteId: first.remoteId,
    });
    expect((await readBack(first.remoteId)).title.raw).toBe('Edited on the site'); // untouched

    const overwritten = await publish({ draftFolder: folder, document, overwrite: true });
    expect(overwritten).toMatchObject({ kind: 'published', remoteId: first.remoteId });
    expect((await readBack(first.remoteId)).title.raw).toBe(document.title);

    await adminClient().call(`wp/v2/posts/${first.remoteId}`, { method: 'DELETE', query: { force: true } });
    expect(await publish({ draftFolder: folder, document })).toEqual({
      kind: 'deleted',
      remoteId: first.remoteId,
    });
  });

  it('never makes a second post or media item when an answer is lost after WordPress acted', async () => {
    const { folder, document } = await draftOf(unique('lost'));
    // In front of the real WordPress: each first POST to posts and to media reaches the site, then
    // its answer is lost, as when a connection drops after the request was sent.
    const cut = new Set<string>();
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const route = new URL(String(input)).searchParams.get('rest_route') ?? '';
      const key = `${init?.method ?? 'GET'} ${route}`;
      if (
        init?.method === 'POST' &&
        (route === '/wp/v2/posts' || route === '/wp/v2/media') &&
        !cut.has(key)
      ) {
        cut.add(key);
        await response.text();
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
        });
      }
      return response;
    };
    const client = new WpClient(
      { url: testSite().url, user: testSite().user, password: testSite().appPassword },
      lossy,
    );
    const outcome = await publish({ draftFolder: folder, document, client });
    expect(outcome).toMatchObject({ kind: 'published' });
    expect([...cut].sort()).toEqual(['POST /wp/v2/media', 'POST /wp/v2/posts']);

    const admin = adminClient();
    const { data: posts } = await admin.call<EditPost[]>('wp/v2/posts', {
      query: { search: document.title.slice(-25), status: 'any', context: 'edit' },
    });
    expect(posts).toHaveLength(1);
    // A second upload of the same file would be "<slug>-2": the media library holds exactly one.
    const state = await readPublishState(folder);
    const { data: ours } = await admin.call<{ slug: string }>(`wp/v2/media/${state.media[0]!.remoteId}`);
    const marker = /^(.*-[0-9a-f]{8})(?:-\d+)?$/.exec(ours.slug)?.[1] ?? ours.slug;
    const { data: media } = await admin.call<{ slug: string }[]>('wp/v2/media', {
      query: { search: marker, per_page: 100 },
    });
    expect(media.filter((item) => item.slug.startsWith(marker)).map((item) => item.slug)).toEqual([marker]);
  });

  it('cancelled mid-upload, leaves at most a draft on the site, and publishing again finishes that post', async () => {
    const photo = await noisyJpeg();
    const suffix = unique('cancel');
    const { folder, document } = await draftOf(suffix, {
      featuredImage: {
        ...(await sampleRelease('x')).featuredImage!,
        width: 800,
        height: 600,
        sha256: imageFingerprint(photo),
      },
      assets: [{ file: 'assets/featured.jpg', bytes: photo }],
    });
    const releaseFile = join(folder, 'release.json');
    const before = await readFile(releaseFile);
    const cancel = new AbortController();
    const cancelled = publish({
      draftFolder: folder,
      document,
      signal: cancel.signal,
      onProgress: (p) => {
        if (p.step === 'uploading' && p.sent > 0) cancel.abort(); // the user clicks Cancel
      },
    });
    await expect(cancelled).rejects.toThrow();
    expect(cancel.signal.aborted).toBe(true);
    expect(await readFile(releaseFile)).toEqual(before); // the draft is untouched

    const admin = adminClient();
    const postsOnSite = async () =>
      (
        await admin.call<EditPost[]>('wp/v2/posts', {
          query: { search: suffix, status: 'any', context: 'edit' },
        })
      ).data;
    const half = await postsOnSite();
    expect(half.length).toBeLessThanOrEqual(1);
    expect(half.every((post) => post.status === 'draft')).toBe(true); // never half a live post

    const outcome = await publish({ draftFolder: folder, document });
    if (outcome.kind !== 'published') throw new Error(`not published: ${JSON.stringify(outcome)}`);
    const after = await postsOnSite();
    expect(after.map((post) => [post.id, post.status])).toEqual([[outcome.remoteId, 'publish']]);
    if (half.length === 1) expect(outcome.remoteId).toBe(half[0]!.id);
    const { data: ours } = await admin.call<{ slug: string }>(`wp/v2/media/${after[0]!.featured_media}`);
    const { data: media } = await admin.call<{ slug: string }[]>('wp/v2/media', {
      query: { search: ours.slug, per_page: 100 },
    });
    expect(media.map((item) => item.slug)).toEqual([ours.slug]); // uploaded once, not "<slug>-2"
  });

  it('stops before sending anything when preflight finds blocking problems', async () => {
    const { folder, document } = await draftOf(unique('blocked'), { title: '' });
    const outcome = await publish({ draftFolder: folder, document });
    expect(outcome.kind).toBe('preflight');
    expect((await readPublishState(folder)).pending).toBeNull();
  });
});
