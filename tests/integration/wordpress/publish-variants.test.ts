/**
 * Releases beyond the sample, published to the real WordPress and read back: an Arabic release
 * (right to left, ASCII slug), a release scheduled in New York on the day its clocks change, and a
 * release with images in its body.
 */
import { describe, expect, it } from 'vitest';
import { imageFingerprint } from '../../../electron/core/publishing/prepare-image.js';
import { publishRelease } from '../../../electron/core/publishing/publisher.js';
import type { DraftInit } from '../../../electron/core/drafts/draft-library.js';
import { cameraPhoto } from '../../support/images.js';
import { useTempFolder } from '../../support/temp-folder.js';
import { testLibrary } from '../../support/test-library.js';
import { adminClient, testSite, unique, testSiteRecord } from '../../support/wordpress/site-admin.js';

interface EditPost {
  slug: string;
  categories: number[];
  tags: number[];
  status: string;
  date_gmt: string;
  title: { raw: string };
  content: { raw: string };
}

describe('publishing releases of every kind', () => {
  const tempFolder = useTempFolder();
  const site = () => testSiteRecord();

  const publishNew = async (init: DraftInit) => {
    const library = testLibrary(await tempFolder());
    const photo = await cameraPhoto({ width: 1600, height: 1000 });
    const created = await library.create({
      featuredImage: {
        file: 'assets/featured.jpg',
        alt: 'Students at the meeting',
        caption: '',
        credit: '',
        width: 1600,
        height: 1000,
        sha256: imageFingerprint(photo),
      },
      ...init,
      assets: [{ file: 'assets/featured.jpg', bytes: photo }, ...(init.assets ?? [])],
    });
    const publish = () =>
      publishRelease({
        draftFolder: library.folderOf(created.document.id),
        document: created.document,
        site: site(),
        client: adminClient(),
        createTerms: true,
        now: () => new Date('2026-01-01T00:00:00Z'),
      });
    const outcome = await publish();
    if (outcome.kind !== 'published') throw new Error(`not published: ${JSON.stringify(outcome)}`);
    const { data } = await adminClient().call<EditPost>(`wp/v2/posts/${outcome.remoteId}`, {
      query: { context: 'edit' },
    });
    return Object.assign(data, { republish: publish });
  };

  const paragraphs = (...texts: string[]) => ({
    type: 'doc',
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  });

  it('publishes an Arabic release with a transliterated ASCII slug, its text intact', async () => {
    const marker = unique('ar');
    const post = await publishNew({
      title: `الأمين العام يلتقي قيادة منظمة التجديد الطلابي ${marker}`,
      body: paragraphs('عقد الأمين العام لقاءً مثمرًا مع قيادة منظمة التجديد الطلابي في المغرب.'),
      language: 'ar',
      direction: 'rtl',
      schedule: { local: '2025-03-01T12:00', timeZone: 'Africa/Casablanca' },
      intendedStatus: 'publish',
    });
    expect(post.slug).toMatch(/^[a-z0-9-]+$/);
    expect(post.slug).toContain('alamyn-aleam');
    expect(post.title.raw).toBe(`الأمين العام يلتقي قيادة منظمة التجديد الطلابي ${marker}`);
    expect(post.content.raw).toContain(
      '<p>عقد الأمين العام لقاءً مثمرًا مع قيادة منظمة التجديد الطلابي في المغرب.</p>',
    );
  });

  it('publishes and republishes a release with no categories or tags (WordPress files it under its default category)', async () => {
    const post = await publishNew({
      title: `Short notice ${unique('plain')}`,
      body: paragraphs('A short notice without categories.'),
      schedule: { local: '2025-06-01T09:00', timeZone: 'Europe/Istanbul' },
      intendedStatus: 'publish',
    });
    expect(post.status).toBe('publish');
    expect(post.tags).toEqual([]);
    // WordPress now reports its default category; that is not a refusal of what was sent.
    expect(await post.republish()).toMatchObject({ kind: 'published', bytesSent: 0 });
  });

  it('schedules a release in New York across the spring DST change at the right instant', async () => {
    // 14 March 2027: clocks in New York jump from 02:00 to 03:00 (EST → EDT). 09:00 that morning is EDT, UTC−4.
    const post = await publishNew({
      title: `New York forum ${unique('ny')}`,
      body: paragraphs('The forum opens on the morning the clocks change.'),
      schedule: { local: '2027-03-14T09:00', timeZone: 'America/New_York' },
      intendedStatus: 'schedule',
    });
    expect(post.status).toBe('future');
    expect(post.date_gmt).toBe('2027-03-14T13:00:00');
    // The day before, still EST (UTC−5): the same wall time is an hour later in UTC.
    const dayBefore = await publishNew({
      title: `New York forum, day one ${unique('ny')}`,
      body: paragraphs('The forum opens.'),
      schedule: { local: '2027-03-13T09:00', timeZone: 'America/New_York' },
      intendedStatus: 'schedule',
    });
    expect(dayBefore.date_gmt).toBe('2027-03-13T14:00:00');
  });

  it('uploads the images in the body and writes them as image blocks pointing at the site', async () => {
    const inline = await cameraPhoto({ width: 3000, height: 2000, gps: true });
    const post = await publishNew({
      title: `Exhibition opening ${unique('inline')}`,
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'The exhibition opened.' }] },
          { type: 'image', attrs: { src: 'assets/hall.jpg', alt: 'The exhibition hall' } },
          { type: 'paragraph', content: [{ type: 'text', text: 'Visitors came from twelve countries.' }] },
        ],
      },
      assets: [{ file: 'assets/hall.jpg', bytes: inline }],
      schedule: { local: '2025-05-01T10:00', timeZone: 'Europe/Istanbul' },
      intendedStatus: 'publish',
    });
    const image =
      /<!-- wp:image \{"id":(\d+),"sizeSlug":"full","linkDestination":"none"\} -->\n<figure class="wp-block-image size-full"><img src="([^"]+)" alt="The exhibition hall" class="wp-image-\1"\/><\/figure>/.exec(
        post.content.raw,
      );
    expect(image).not.toBeNull();
    const { data: media } = await adminClient().call<{ media_details: { width: number } }>(
      `wp/v2/media/${image![1]}`,
    );
    expect(media.media_details.width).toBe(2560);
    expect(image![2]).toMatch(new RegExp(`^${testSite().url}/wp-content/uploads/`));
  });
});
