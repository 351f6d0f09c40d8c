/**
 * Opening a post of a site as a new draft ("pull"): every field the publisher sends is read back
 * (context=edit, so the raw text rather than what the theme renders), and the draft is created
 * already linked to the post, with the publish state the publisher would have written had it just
 * published this draft:
 *  - the record (post id, link, `modified_gmt`): a later publish updates this post, and stops on a
 *    change made on the site since the pull, as for any published release;
 *  - a hash of each field as this draft would send it: publishing again without edits sends
 *    nothing, and an edit sends only the fields it changed, so the parts of the post the editor
 *    cannot hold (an image block in the text, say) stay as they are on the site until the text is
 *    edited;
 *  - the featured image as already uploaded: it is never sent back.
 */
import { rm } from 'node:fs/promises';
import { AppFailure } from '../../../shared/contract/result.js';
import type { DraftDocument } from '../../../shared/release/draft-document.js';
import { directionOf } from '../../../shared/release/migrations.js';
import { toLocal } from '../../../shared/release/release-date.js';
import {
  type FeaturedImage,
  type IntendedStatus,
  relatedPostSchema,
} from '../../../shared/release/release-fields.js';
import { isValidSlug } from '../../../shared/release/slug.js';
import type { Site } from '../../../shared/sites/site.js';
import { publishedContentHash } from '../catalog/draft-status.js';
import { htmlToBody } from '../content/html-to-body.js';
import type { DraftInit, DraftLibrary, OpenedDraft } from '../drafts/draft-library.js';
import {
  emptyPublishState,
  type PublishState,
  type RemoteMedia,
  writePublishState,
} from '../drafts/publish-state.js';
import { SiteFailure, type WpClient } from '../wordpress/wp-client.js';
import { fieldHashes, postFields } from './post-fields.js';
import { imageFingerprint } from './prepare-image.js';
import { termKey } from './site-terms.js';
import {
  captionAndCredit,
  downloadImage,
  htmlToPlainText,
  type RestIndex,
  siteTimeZone,
  type SplitContent,
  splitRelatedSection,
} from './pulled-content.js';

/** Far above any photo a site serves, far below what would exhaust memory. */
export const MAX_PULLED_IMAGE_BYTES = 50 * 1024 * 1024;

export type PullProgress = { step: 'post' } | { step: 'terms' } | { step: 'image' } | { step: 'creating' };

export interface PullRequest {
  client: WpClient;
  site: Site;
  postId: number;
  library: DraftLibrary;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  now?: () => Date;
  /** For the featured image's file (a plain download, never with the site's password). */
  fetch?: typeof fetch;
}

export interface PulledDraft extends OpenedDraft {
  /** What could not come along, in plain words (an image block the editor cannot hold, …). */
  notes: string[];
}

interface EditPost {
  id: number;
  link: string;
  slug: string;
  status: string;
  date: string | null;
  date_gmt: string | null;
  modified: string;
  modified_gmt: string;
  title: { raw: string };
  content: { raw: string };
  excerpt: { raw: string };
  featured_media: number;
  categories?: number[];
  tags?: number[];
  meta?: Record<string, unknown>;
}

interface EditMedia {
  id: number;
  source_url: string;
  alt_text: string;
  caption: { raw: string };
  description: { raw: string };
}

interface Term {
  id: number;
  name: string;
}

const intentOfStatus: Record<string, IntendedStatus> = {
  publish: 'publish',
  future: 'schedule',
  draft: 'draft',
  pending: 'review',
};

/** Term names as WordPress stores them, with `&` and quotes as entities: decoded for the draft. */
const termName = (name: string): string => htmlToPlainText(name);

export const pullPost = async (request: PullRequest): Promise<PulledDraft> => {
  const { client, site, postId, library } = request;
  const options = request.signal ? { signal: request.signal } : {};
  const progress = request.onProgress ?? (() => {});
  const notes: string[] = [];

  progress({ step: 'post' });
  const post = await client
    .call<EditPost>(`wp/v2/posts/${postId}`, { query: { context: 'edit' }, ...options })
    .then(({ data }) => data)
    .catch((error: unknown) => {
      if (error instanceof SiteFailure && error.problem === 'not-found') {
        throw new AppFailure('not-found', `There is no post ${postId} on "${site.name}" (${site.url}).`);
      }
      throw error;
    });
  // Only the two fields: the whole index describes every route of the site.
  const index = await client.call<RestIndex>('', {
    query: { _fields: 'timezone_string,gmt_offset' },
    ...options,
  });
  const timeZone = siteTimeZone(index.data);

  progress({ step: 'terms' });
  const categories = await termsOf(client, 'categories', post.categories ?? [], options);
  const tags = await termsOf(client, 'tags', post.tags ?? [], options);

  // The related posts: the section at the end of the text, or the post meta field the site uses.
  const split: SplitContent =
    site.relatedPosts.to === 'body'
      ? splitRelatedSection(post.content.raw)
      : {
          body: post.content.raw,
          relatedPosts: relatedFromMeta(post.meta?.[site.relatedPosts.key]),
          language: null,
        };
  const { body, relatedPosts } = split;
  const images = (body.match(/<img[\s>]/gi) ?? []).length;
  if (images > 0) {
    notes.push(
      `${images === 1 ? 'An image' : `${images} images`} in the post's text could not come into the draft (the editor's text holds no images); the site keeps ${images === 1 ? 'it' : 'them'} until the text is published again.`,
    );
  }

  progress({ step: 'image' });
  const featured = post.featured_media ? await featuredImageOf(request, post.featured_media, notes) : null;

  // A draft or pending post that was never given a date has a "floating" one, which WordPress moves
  // to the time of each save (and answers as if it were set): the block editor's own test for it.
  const floating = ['draft', 'pending'].includes(post.status) && post.date === post.modified;
  const local = post.date_gmt && !floating ? toLocal(`${post.date_gmt}Z`, timeZone) : null;
  const init: DraftInit = {
    title: post.title.raw,
    // A slug the draft format does not allow (WordPress keeps non-Latin ones percent-encoded) is left
    // for publishing to derive; the post keeps its own, since an unchanged slug is never sent.
    slug: isValidSlug(post.slug) ? post.slug : '',
    schedule: { local, timeZone },
    intendedStatus: intentOfStatus[post.status] ?? 'draft',
    featuredImage: featured?.image ?? null,
    body: htmlToBody(body),
    excerpt: post.excerpt.raw,
    categories: categories.map((term) => term.name),
    tags: tags.map((term) => term.name),
    relatedPosts,
    targetSite: site.id,
    ...(split.language ? { language: split.language, direction: directionOf(split.language) } : {}),
    assets: featured ? [featured.asset] : [],
  };

  progress({ step: 'creating' });
  const created = await library.create(init);
  const folder = library.folderOf(created.document.id);
  const termIds = { categories: categories.map((term) => term.id), tags: tags.map((term) => term.id) };
  try {
    await writePublishState(
      folder,
      publishStateOf(created.document, post, { site, featured, termIds, request }),
    );
  } catch (error) {
    // Without its record the draft would publish as a second post: it must not stay half made.
    await rm(folder, { recursive: true, force: true }).catch(() => {});
    throw error;
  }
  return { ...created, notes };
};

/** The post's terms with their names, in the post's order. */
const termsOf = async (
  client: WpClient,
  taxonomy: 'categories' | 'tags',
  ids: readonly number[],
  options: { signal?: AbortSignal },
): Promise<Term[]> => {
  if (ids.length === 0) return [];
  const found = await client.all<Term>(`wp/v2/${taxonomy}`, {
    query: { include: ids.join(','), _fields: 'id,name' },
    ...options,
  });
  const byId = new Map(found.map((term) => [term.id, { id: term.id, name: termName(term.name) }]));
  // Once per name as publishing matches names (site-terms.ts), so both find the same terms.
  const seen = new Set<string>();
  return ids.flatMap((id) => {
    const term = byId.get(id);
    const key = term ? termKey(term.name) : '';
    if (!term || !key || seen.has(key)) return [];
    seen.add(key);
    return [term];
  });
};

const relatedFromMeta = (value: unknown): DraftDocument['relatedPosts'] => {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = relatedPostSchema.array().max(50).safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
};

interface PulledImage {
  image: FeaturedImage;
  asset: { file: string; bytes: Uint8Array };
  media: RemoteMedia;
}

/** The featured image, downloaded into the draft; a note instead when it cannot be. */
const featuredImageOf = async (
  request: PullRequest,
  mediaId: number,
  notes: string[],
): Promise<PulledImage | null> => {
  const { client, site } = request;
  const options = request.signal ? { signal: request.signal } : {};
  let media: EditMedia;
  try {
    media = (
      await client.call<EditMedia>(`wp/v2/media/${mediaId}`, { query: { context: 'edit' }, ...options })
    ).data;
  } catch (error) {
    if (!(error instanceof SiteFailure && error.problem === 'not-found')) throw error;
    notes.push(
      `The featured image (media ${mediaId}) is no longer in the site's media library; the draft has none.`,
    );
    return null;
  }
  let file;
  try {
    file = await downloadImage(media.source_url, {
      maxBytes: MAX_PULLED_IMAGE_BYTES,
      ...options,
      ...(request.fetch ? { fetch: request.fetch } : {}),
    });
  } catch (error) {
    if (!(error instanceof AppFailure) || request.signal?.aborted) throw error;
    notes.push(`The featured image was left out: ${error.message}.`);
    return null;
  }
  const sha256 = imageFingerprint(file.bytes);
  const assetFile = `assets/featured.${file.extension}`;
  const { caption, credit } = captionAndCredit(
    htmlToPlainText(media.caption.raw),
    htmlToPlainText(media.description.raw),
  );
  // Cut to what the draft format holds, rather than refusing the whole post for a long caption.
  return {
    image: {
      file: assetFile,
      alt: media.alt_text.trim().slice(0, 1000),
      caption: caption.slice(0, 2000),
      credit: credit.slice(0, 500),
      width: file.width,
      height: file.height,
      sha256,
    },
    asset: { file: assetFile, bytes: file.bytes },
    // What uploadImageOnce looks for: this very file, already on the site for this size limit.
    media: {
      site: site.id,
      sourceSha256: sha256,
      maxEdge: site.maxImageEdge,
      remoteId: media.id,
      url: media.source_url,
    },
  };
};

/** The state publisher.ts writes after publishing `document` as `post`, field hashes and all. */
const publishStateOf = (
  document: DraftDocument,
  post: EditPost,
  context: {
    site: Site;
    featured: PulledImage | null;
    /** The ids publishing will find for the draft's names: the post's own, in the draft's order. */
    termIds: { categories: number[]; tags: number[] };
    request: PullRequest;
  },
): PublishState => {
  const { site, featured, termIds, request } = context;
  const fields = postFields(document, {
    site,
    featuredMediaId: featured ? featured.media.remoteId : null,
    categoryIds: termIds.categories,
    tagIds: termIds.tags,
    // The pulled text has no images of its own (the editor's text cannot hold them).
    images: () => null,
  });
  return {
    ...emptyPublishState(),
    record: {
      site: site.id,
      remoteId: post.id,
      link: post.link,
      remoteModifiedGmt: post.modified_gmt,
      contentHash: publishedContentHash(document),
      publishedAt: (request.now ?? (() => new Date()))().toISOString(),
    },
    media: featured ? [featured.media] : [],
    sentFields: fieldHashes(fields),
  };
};
