/**
 * Pulling posts of the real test WordPress into new drafts: the sample release published by the
 * publisher comes back field for field, linked to its post so that publishing it again without edits
 * sends nothing (no field, no image) and is not a conflict; an edit sends only what changed; a post
 * written on the site itself (headings, a list, an image block, no Pressroom section) comes as far
 * as the editor can hold it, with a note for the rest.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { statusOf } from '../../../electron/core/catalog/draft-status.js';
import { readPublishState } from '../../../electron/core/drafts/publish-state.js';
import { pullPost } from '../../../electron/core/publishing/pull-post.js';
import { publishRelease } from '../../../electron/core/publishing/publisher.js';
import { WpClient } from '../../../electron/core/wordpress/wp-client.js';
import { plainText } from '../../../shared/release/draft-document.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { testLibrary } from '../../support/test-library.js';
import { sampleRelease } from '../../support/wordpress/sample-release.js';
import { adminClient, testSite, unique, testSiteRecord } from '../../support/wordpress/site-admin.js';

interface EditPost {
  id: number;
  slug: string;
  link: string;
  modified_gmt: string;
  featured_media: number;
  content: { raw: string };
}

/** A client on the test site that records the JSON of every POST to a post (what was sent). */
const recordingClient = () => {
  const sent: Record<string, unknown>[] = [];
  const recording: typeof fetch = async (input, init) => {
    const route = new URL(String(input)).searchParams.get('rest_route') ?? '';
    if (init?.method === 'POST' && /^\/wp\/v2\/posts\/\d+$/.test(route) && typeof init.body === 'string') {
      sent.push(JSON.parse(init.body) as Record<string, unknown>);
    }
    return fetch(input, init);
  };
  const site = testSite();
  return {
    sent,
    client: new WpClient({ url: site.url, user: site.user, password: site.appPassword }, recording),
  };
};

describe('pulling a post into a new draft', () => {
  const tempFolder = useTempFolder();
  const site = () => testSiteRecord();

  /** The sample release, published by the publisher as the app would. */
  const publishedSample = async (suffix: string) => {
    const library = testLibrary(await tempFolder());
    const created = await library.create(await sampleRelease(suffix));
    const outcome = await publishRelease({
      draftFolder: library.folderOf(created.document.id),
      document: created.document,
      site: site(),
      client: adminClient(),
      createTerms: true,
    });
    if (outcome.kind !== 'published') throw new Error(`not published: ${JSON.stringify(outcome)}`);
    return { original: created.document, remoteId: outcome.remoteId };
  };

  const readBack = async (id: number) =>
    (await adminClient().call<EditPost>(`wp/v2/posts/${id}`, { query: { context: 'edit' } })).data;

  it('brings back every field of a published release, and publishing it again sends nothing', async () => {
    const suffix = unique('pull');
    const { original, remoteId } = await publishedSample(suffix);
    const post = await readBack(remoteId);

    const library = testLibrary(await tempFolder());
    const pulled = await pullPost({ client: adminClient(), site: site(), postId: remoteId, library });
    const document = pulled.document;
    expect(pulled.notes).toEqual([]);
    expect(document).toMatchObject({
      title: original.title,
      slug: post.slug,
      schedule: { local: '2023-07-12T10:30', timeZone: 'Europe/Istanbul' }, // the site's zone
      intendedStatus: 'publish',
      excerpt: original.excerpt,
      tags: original.tags,
      language: 'en',
      direction: 'ltr',
      targetSite: 'newsroom',
    });
    // WordPress keeps a post's terms without an order: the same names, in the site's order.
    expect([...document.categories].sort()).toEqual([...original.categories].sort());
    expect(document.relatedPosts).toEqual(original.relatedPosts);
    expect(document.relatedPosts).toHaveLength(3);
    expect(document.body).toEqual(original.body);
    expect(plainText(document.body)).not.toContain('Related posts');

    // The image as the site serves it: prepared (at most 2560 px, no camera data), with its texts.
    const image = document.featuredImage!;
    expect(image).toMatchObject({
      file: 'assets/featured.jpg',
      alt: original.featuredImage!.alt,
      caption: 'Meeting in Rabat',
      credit: 'IIFSO press office',
      width: 2560,
      height: 1707,
    });
    const bytes = await readFile(join(library.folderOf(document.id), image.file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(image.sha256);
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([2560, 1707]);

    // Linked to the post, the image known as uploaded, and "published" in the library.
    const state = await readPublishState(library.folderOf(document.id));
    expect(state.record).toMatchObject({
      site: 'newsroom',
      remoteId,
      link: post.link,
      remoteModifiedGmt: post.modified_gmt,
    });
    expect(state.media).toEqual([
      expect.objectContaining({ site: 'newsroom', remoteId: post.featured_media, maxEdge: 2560 }),
    ]);
    const reopened = await library.open(document.id);
    expect(statusOf(reopened.document)).toBe('published');

    const { sent, client } = recordingClient();
    const again = await publishRelease({
      draftFolder: library.folderOf(document.id),
      document: reopened.document,
      site: site(),
      client,
    });
    expect(again).toMatchObject({ kind: 'published', remoteId, bytesSent: 0 });
    expect(sent).toEqual([{}]); // not one field
    const after = await readBack(remoteId);
    expect(after.content.raw).toBe(post.content.raw);
    expect(after.featured_media).toBe(post.featured_media);
  });

  it('sends only the edited field on the next publish', async () => {
    const { remoteId } = await publishedSample(unique('pull-edit'));
    const library = testLibrary(await tempFolder());
    const pulled = await pullPost({ client: adminClient(), site: site(), postId: remoteId, library });
    const { document, etag } = pulled;
    await library.save({
      id: document.id,
      title: `${document.title} (corrected)`,
      body: document.body,
      baseEtag: etag,
    });

    const { sent, client } = recordingClient();
    const outcome = await publishRelease({
      draftFolder: library.folderOf(document.id),
      document: (await library.open(document.id)).document,
      site: site(),
      client,
    });
    expect(outcome).toMatchObject({ kind: 'published', remoteId, bytesSent: 0 });
    expect(sent).toEqual([{ title: `${document.title} (corrected)` }]);
  });

  it('opens a post written on the site as far as the editor can hold it, and says what stayed behind', async () => {
    const admin = adminClient();
    const title = `Written on the site ${unique('native')}`;
    const content = [
      '<!-- wp:paragraph -->\n<p>First <strong>bold</strong> words &amp; a <a href="https://example.org/x">link</a>.</p>\n<!-- /wp:paragraph -->',
      '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Background</h3>\n<!-- /wp:heading -->',
      '<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>One</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
      '<!-- wp:image {"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="https://example.org/a.jpg" alt=""/></figure>\n<!-- /wp:image -->',
    ].join('\n\n');
    const { data: created } = await admin.call<{ id: number }>('wp/v2/posts', {
      method: 'POST',
      json: { title, content, excerpt: 'Short', status: 'draft' },
    });

    const library = testLibrary(await tempFolder());
    const pulled = await pullPost({ client: admin, site: site(), postId: created.id, library });
    expect(pulled.document).toMatchObject({
      title,
      intendedStatus: 'draft',
      excerpt: 'Short',
      schedule: { local: null, timeZone: 'Europe/Istanbul' }, // a draft without a date of its own
      featuredImage: null,
      relatedPosts: [],
      categories: ['Uncategorized'],
    });
    expect(pulled.document.body.content?.map((node) => node.type)).toEqual([
      'paragraph',
      'heading',
      'bulletList',
    ]);
    expect(plainText(pulled.document.body)).toBe('First bold words & a link.\nBackground\nOne');
    expect(pulled.notes).toEqual([
      expect.stringMatching(/^An image in the post's text could not come into the draft/),
    ]);

    await expect(
      pullPost({ client: admin, site: site(), postId: 999_999_999, library }),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/There is no post 999999999/),
    });
  });
});
