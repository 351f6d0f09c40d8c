/**
 * Publishing one release to one site, safe to repeat:
 *  1. preflight: blocking problems stop here;
 *  2. the post's id is made durable before anything else: a new release is first created as a
 *     remote *draft* under a marker slug (`<slug>-pr-<token>`) recorded in publish.json, so a
 *     retry after a lost answer finds it by that slug instead of creating a second post;
 *  3. images are uploaded once (media-upload.ts), terms matched or created (site-terms.ts);
 *  4. the post is updated with every field (on a republish, only the fields that changed), and
 *     the record (id, link, modified_gmt, content hash) is written atomically beside the release.
 * Before updating a post already published, its `modified_gmt` is compared with the record: a
 * change made on the site stops the publish (the user chooses), a post deleted there is reported.
 * Transient failures (no network, timeout, 5xx, garbled answer) are retried with backoff (p-retry);
 * the caller queues the release in the outbox when they persist.
 */
import { randomBytes } from 'node:crypto';
import pRetry, { AbortError } from 'p-retry';
import { AppFailure } from '../../../shared/contract/result.js';
import type { PublishOutcome, PublishProgress } from '../../../shared/publishing/publish-outcome.js';
import { hasBlockingProblems, preflight } from '../../../shared/preflight/preflight.js';
import type { DraftDocument, RichTextNode } from '../../../shared/release/draft-document.js';
import { isSafeAssetPath } from '../../../shared/release/release-fields.js';
import type { UploadedImage } from '../../../shared/publishing/gutenberg-blocks.js';
import type { Site } from '../../../shared/sites/site.js';
import { isTransient } from '../../../shared/sites/site-problems.js';
import { publishedContentHash } from '../catalog/draft-status.js';
import { type PublishState, readPublishState, writePublishState } from '../drafts/publish-state.js';
import { SiteFailure, type WpClient } from '../wordpress/wp-client.js';
import { uploadImageOnce } from './media-upload.js';
import { fieldHashes, postFields, releaseSlug, type WpStatus } from './post-fields.js';
import { resolveTerms } from './site-terms.js';

export type { PublishOutcome, PublishProgress } from '../../../shared/publishing/publish-outcome.js';

export interface PublishRequest {
  draftFolder: string;
  document: DraftDocument;
  site: Site;
  client: WpClient;
  status?: WpStatus;
  createTerms?: boolean;
  /** Overwrite a post changed on the site since the last publish (after the user chose so). */
  overwrite?: boolean;
  /** Publish as a new post, forgetting the old one (after it was deleted on the site). */
  asNew?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: PublishProgress) => void;
  now?: () => Date;
  /** Attempts for a transient failure, and the first wait; the default suits a real network. */
  retries?: number;
  minRetryMs?: number;
}

interface WpPost {
  id: number;
  link: string;
  status: string;
  slug: string;
  modified_gmt: string;
  featured_media: number;
  categories: number[];
  tags: number[];
}

export const publishRelease = async (request: PublishRequest): Promise<PublishOutcome> => {
  const { document, site, client, draftFolder } = request;
  // Steps run side by side below; when one fails, the others stop too, and report nothing more.
  const inner = new AbortController();
  const progress = (step: PublishProgress) => {
    if (!inner.signal.aborted) request.onProgress?.(step);
  };
  request.signal?.addEventListener('abort', () => inner.abort(request.signal?.reason), { once: true });
  if (request.signal?.aborted) inner.abort(request.signal.reason);
  const options = { signal: inner.signal };
  const retrying = <T>(work: () => Promise<T>) => withRetries(work, { ...request, signal: inner.signal });

  progress({ step: 'preflight' });
  const problems = preflight(document, { now: (request.now ?? (() => new Date()))() });
  if (hasBlockingProblems(problems)) return { kind: 'preflight', problems };

  let state = await readPublishState(draftFolder);
  // The steps running side by side each change their own part of the state: every change applies
  // to the latest state, and the writes follow one another, so the file always ends up current.
  let writing: Promise<void> = Promise.resolve();
  const update = (change: (current: PublishState) => PublishState): Promise<void> => {
    state = change(state);
    const snapshot = state;
    writing = writing.then(() => writePublishState(draftFolder, snapshot));
    return writing;
  };
  if (request.asNew && (state.record || state.pending)) {
    await update((current) => ({ ...current, record: null, pending: null, sentFields: {} }));
  }
  const record = state.record?.site === site.id ? state.record : null;

  // A post already published: stop on a change made on the site, or a post deleted there.
  if (record && !request.overwrite) {
    const remote = await retrying(() => currentPost(client, record.remoteId, options));
    if (!remote || remote.status === 'trash') return { kind: 'deleted', remoteId: record.remoteId };
    if (remote.modified_gmt !== record.remoteModifiedGmt) {
      return {
        kind: 'conflict',
        remoteId: remote.id,
        link: remote.link,
        remoteModifiedGmt: remote.modified_gmt,
      };
    }
  }

  // The post's id, durable before the post's content is sent.
  const ensurePost = async (): Promise<number> => {
    if (record) return record.remoteId;
    const pending =
      state.pending?.site === site.id
        ? state.pending
        : {
            site: site.id,
            marker: `${releaseSlug(document).slice(0, 150)}-pr-${randomBytes(4).toString('hex')}`,
            remoteId: null,
          };
    if (pending !== state.pending) await update((current) => ({ ...current, pending }));
    if (pending.remoteId !== null) return pending.remoteId;
    progress({ step: 'post', action: 'creating' });
    const id = await retrying(async () => {
      const found = await postBySlug(client, pending.marker, options);
      if (found) return found.id;
      const { data } = await client.call<WpPost>('wp/v2/posts', {
        method: 'POST',
        json: { title: document.title, slug: pending.marker, status: 'draft' },
        ...options,
      });
      return data.id;
    });
    await update((current) => ({ ...current, pending: { ...pending, remoteId: id } }));
    return id;
  };

  // Images, once each: the featured image, then every image in the body (by its asset path).
  const uploadImages = async () => {
    let bytesSent = 0;
    let featuredMediaId: number | null = null;
    const inline = new Map<string, UploadedImage>();
    const images = [
      ...(document.featuredImage ? [{ ...document.featuredImage, featured: true }] : []),
      ...inlineImages(document.body).map((image) => ({ ...image, caption: '', credit: '', featured: false })),
    ];
    for (const [index, image] of images.entries()) {
      progress({ step: 'images', done: index, total: images.length });
      const uploaded = await retrying(() =>
        uploadImageOnce(image, {
          client,
          siteId: site.id,
          draftFolder,
          baseName: releaseSlug(document),
          releaseId: document.id,
          maxEdge: site.maxImageEdge,
          known: state.media,
          ...(image.featured ? {} : { index: index + 1 }),
          ...options,
          onBytes: (sent, total) => progress({ step: 'uploading', sent, total }),
          attempted: (slug) => (state.uploading ?? []).includes(slug),
          beforeUpload: (slug) =>
            update((current) => ({ ...current, uploading: [...(current.uploading ?? []), slug] })),
        }),
      );
      bytesSent += uploaded.bytesSent;
      if (image.featured) featuredMediaId = uploaded.media.remoteId;
      else inline.set(image.file, { id: uploaded.media.remoteId, url: uploaded.media.url, sizeSlug: 'full' });
      await update((current) => ({
        ...current,
        media: [
          ...current.media.filter((known) => known.remoteId !== uploaded.media.remoteId),
          uploaded.media,
        ],
      }));
    }
    if (images.length > 0) progress({ step: 'images', done: images.length, total: images.length });
    return { bytesSent, featuredMediaId, inline };
  };

  const resolveAllTerms = async () => {
    progress({ step: 'terms' });
    const create = request.createTerms ?? false;
    const [categories, tags] = await Promise.all([
      retrying(() => resolveTerms(client, 'categories', document.categories, { create, ...options })),
      retrying(() => resolveTerms(client, 'tags', document.tags, { create, ...options })),
    ]);
    return { categories, tags };
  };

  // Terms first: a category the site lacks (and may not be created) stops the publish before
  // anything is written there. Then the image work (mostly sharp, off the main thread) overlaps
  // the request that makes the post.
  const { categories, tags } = await resolveAllTerms();
  const [remoteId, { bytesSent, featuredMediaId, inline }] = await Promise.all([
    ensurePost(),
    uploadImages(),
  ]).catch((error: unknown) => {
    inner.abort();
    throw error;
  });

  // The post itself: on a republish, only the fields that changed since the last one.
  const fields = postFields(document, {
    site,
    ...(request.status ? { status: request.status } : {}),
    featuredMediaId,
    categoryIds: categories.ids,
    tagIds: tags.ids,
    images: (src) => inline.get(src) ?? null,
  });
  const hashes = fieldHashes(fields);
  // Overwriting a post changed on the site: what it holds is no longer what was sent, so send all.
  const sent = record && !request.overwrite ? state.sentFields : {};
  const changed = Object.fromEntries(Object.entries(fields).filter(([name]) => sent[name] !== hashes[name]));
  progress({ step: 'post', action: 'updating' });
  const post = await retrying(async () => {
    const { data } = await client.call<WpPost>(`wp/v2/posts/${remoteId}`, {
      method: 'POST',
      json: changed,
      query: { context: 'edit' },
      ...options,
    });
    return data;
  }).catch((error: unknown) => {
    if (error instanceof SiteFailure && error.problem === 'not-found') return null;
    throw error;
  });
  if (!post) return { kind: 'deleted', remoteId };
  checkEcho(post, fields);

  await update((current) => ({
    ...current,
    pending: null,
    uploading: [],
    sentFields: hashes,
    record: {
      site: site.id,
      remoteId: post.id,
      link: post.link,
      remoteModifiedGmt: post.modified_gmt,
      contentHash: publishedContentHash(document),
      publishedAt: (request.now ?? (() => new Date()))().toISOString(),
    },
  }));
  progress({ step: 'done' });
  return {
    kind: 'published',
    remoteId: post.id,
    link: post.link,
    status: post.status,
    site: site.id,
    bytesSent,
  };
};

/** The post as the site has it now, or null when it is gone. */
const currentPost = async (
  client: WpClient,
  id: number,
  options: { signal?: AbortSignal },
): Promise<WpPost | null> => {
  try {
    return (await client.call<WpPost>(`wp/v2/posts/${id}`, { query: { context: 'edit' }, ...options })).data;
  } catch (error) {
    if (error instanceof SiteFailure && error.problem === 'not-found') return null;
    throw error;
  }
};

const postBySlug = async (
  client: WpClient,
  slug: string,
  options: { signal?: AbortSignal },
): Promise<WpPost | null> => {
  const { data } = await client.call<WpPost[]>('wp/v2/posts', {
    query: { slug, status: 'any', context: 'edit' },
    ...options,
  });
  return data.find((post) => post.slug === slug) ?? null;
};

/** WordPress silently drops a missing featured image or unknown term ids: check what it kept. */
const checkEcho = (post: WpPost, fields: Record<string, unknown>): void => {
  const sameIds = (a: unknown, b: number[]) =>
    Array.isArray(a) && [...a].sort().join(',') === [...b].sort().join(',');
  if ((fields.featured_media ?? 0) !== post.featured_media) {
    throw new AppFailure(
      'site',
      'The site did not keep the featured image. Publish again; if it persists, check the media library.',
      {
        problem: 'rejected',
      },
    );
  }
  // No category sent: WordPress files the post under the site's default one ("Uncategorized").
  const categoriesKept =
    !Array.isArray(fields.categories) ||
    fields.categories.length === 0 ||
    sameIds(fields.categories, post.categories);
  if (!categoriesKept || !sameIds(fields.tags, post.tags)) {
    throw new AppFailure('site', 'The site did not keep all categories and tags. Publish again to retry.', {
      problem: 'rejected',
    });
  }
};

/** Retries what may pass (no network, timeout, 5xx, garbled answer); stops at once on anything else. */
const withRetries = <T>(work: () => Promise<T>, request: PublishRequest): Promise<T> =>
  pRetry(
    async () => {
      try {
        return await work();
      } catch (error) {
        if (error instanceof SiteFailure && isTransient(error.problem)) throw error;
        throw new AbortError(error instanceof Error ? error : new Error(String(error)));
      }
    },
    {
      retries: request.retries ?? 3,
      minTimeout: request.minRetryMs ?? 1_000,
      factor: 2,
      ...(request.signal ? { signal: request.signal } : {}),
    },
  );

/** The body's images that live in the draft's folder, each once, in reading order. */
const inlineImages = (body: RichTextNode): { file: string; alt: string }[] => {
  const found = new Map<string, string>();
  const visit = (node: RichTextNode): void => {
    const src = node.attrs?.src;
    if (node.type === 'image' && typeof src === 'string' && isSafeAssetPath(src) && !found.has(src)) {
      found.set(src, typeof node.attrs?.alt === 'string' ? node.attrs.alt : '');
    }
    node.content?.forEach(visit);
  };
  visit(body);
  return [...found].map(([file, alt]) => ({ file, alt }));
};
