/**
 * Uploading one image of a release to the site's media library, at most once per content:
 * - the draft remembers each upload (site, source sha256, size limit → media id), reused while the
 *   media item still exists on the site;
 * - the upload's file name carries the first characters of the source's hash, so its media slug is
 *   a marker: after a lost answer, the retry finds the item by slug instead of uploading it again.
 * Alt text, caption and credit are then set on the media item (WordPress has no credit field: it
 * goes into the caption after the text, and into the description).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import type { RemoteMedia } from '../drafts/publish-state.js';
import { SiteFailure, type WpClient } from '../wordpress/wp-client.js';
import { ImageRejected, imageFingerprint, prepareImage } from './prepare-image.js';

export interface ImageToUpload {
  /** The draft's own file, assets/… */
  file: string;
  alt: string;
  caption: string;
  credit: string;
}

interface WpMedia {
  id: number;
  source_url: string;
  slug: string;
}

export interface UploadContext {
  client: WpClient;
  siteId: string;
  draftFolder: string;
  /** The release's slug: image file names are made from it. */
  baseName: string;
  /** The draft's id: part of each upload's marker. */
  releaseId: string;
  maxEdge: number;
  known: readonly RemoteMedia[];
  index?: number;
  signal?: AbortSignal;
  /** Bytes sent, for progress. */
  onBytes?: (sent: number, total: number) => void;
  /**
   * Upload markers (media slugs) an earlier attempt may have sent without seeing the answer: only
   * those are looked for on the site before uploading, which spares a request on a first publish.
   */
  attempted?: (slug: string) => boolean;
  /** Records a marker as attempted, durably, before its upload starts. */
  beforeUpload?: (slug: string) => Promise<void>;
}

export interface UploadOutcome {
  media: RemoteMedia;
  /** Bytes sent for this image (0 when reused). */
  bytesSent: number;
}

export const uploadImageOnce = async (
  image: ImageToUpload,
  context: UploadContext,
): Promise<UploadOutcome> => {
  const { client, siteId, maxEdge, signal } = context;
  const options = signal ? { signal } : {};
  let source: Uint8Array;
  try {
    source = await readFile(join(context.draftFolder, image.file));
  } catch {
    throw new AppFailure('unreadable', `The image ${image.file} could not be read from the draft folder.`);
  }
  const sourceSha256 = imageFingerprint(source);
  const remembered = context.known.find(
    (media) => media.site === siteId && media.sourceSha256 === sourceSha256 && media.maxEdge === maxEdge,
  );
  let media = remembered ? await stillThere(client, remembered, options) : null;
  let bytesSent = 0;
  if (!media) {
    let prepared;
    try {
      prepared = await prepareImage(
        { bytes: source, sourceName: image.file },
        {
          // The marker must survive the file name's length limit. It is per release and per image, so
          // two releases using the same photo each get their own media item (own alt text, caption).
          baseName: `${shortSlug(context.baseName)}-${imageFingerprint(new TextEncoder().encode(`${context.releaseId}:${sourceSha256}`)).slice(0, 8)}`,
          maxEdge,
          ...(context.index ? { index: context.index } : {}),
        },
      );
    } catch (error) {
      if (error instanceof ImageRejected) throw new AppFailure('invalid-request', error.message);
      throw error;
    }
    const slug = prepared.fileName.replace(/\.[a-z]+$/, '');
    const mayExist = context.attempted ? context.attempted(slug) : true;
    const found = mayExist ? await findBySlug(client, slug, options) : null;
    if (found) {
      media = { site: siteId, sourceSha256, maxEdge, remoteId: found.id, url: found.source_url };
    } else {
      await context.beforeUpload?.(slug);
      context.onBytes?.(0, prepared.bytes.byteLength);
      const onBytes = context.onBytes;
      const { data } = await client.call<WpMedia>('wp/v2/media', {
        method: 'POST',
        body: prepared.bytes,
        // Alt text, caption and credit in the same request (WordPress reads them from the query).
        query: describe(image),
        headers: {
          'Content-Type': prepared.mimeType,
          // A plain ASCII filename: WordPress refuses filename*=UTF-8'' (the name is ASCII by construction).
          'Content-Disposition': `attachment; filename="${prepared.fileName}"`,
        },
        timeoutMs: client.uploadTimeoutMs,
        ...(onBytes ? { onUploadProgress: onBytes } : {}),
        ...options,
      });
      bytesSent = prepared.bytes.byteLength;
      media = { site: siteId, sourceSha256, maxEdge, remoteId: data.id, url: data.source_url };
      return { media, bytesSent };
    }
  }
  // A reused or recovered item: its alt text, caption or credit may have changed since.
  await client.call(`wp/v2/media/${media.remoteId}`, { method: 'POST', json: describe(image), ...options });
  return { media, bytesSent };
};

/** What WordPress shows with the image; it has no credit field, so the credit follows the caption. */
const describe = (image: ImageToUpload) => ({
  alt_text: image.alt,
  caption: [image.caption.trim(), image.credit.trim()].filter(Boolean).join(' — '),
  description: image.credit.trim(),
});

const stillThere = async (
  client: WpClient,
  media: RemoteMedia,
  options: { signal?: AbortSignal },
): Promise<RemoteMedia | null> => {
  try {
    await client.call(`wp/v2/media/${media.remoteId}`, {
      query: { context: 'edit', _fields: 'id' },
      ...options,
    });
    return media;
  } catch (error) {
    if (error instanceof SiteFailure && error.problem === 'not-found') return null; // deleted on the site
    throw error;
  }
};

const findBySlug = async (
  client: WpClient,
  slug: string,
  options: { signal?: AbortSignal },
): Promise<WpMedia | null> => {
  const { data } = await client.call<WpMedia[]>('wp/v2/media', {
    query: { slug, context: 'edit', _fields: 'id,source_url,slug' },
    ...options,
  });
  return data.find((media) => media.slug === slug) ?? null;
};

/** At most 44 characters of the release slug, cut at a dash, leaving room for "-<hash>" and an index. */
const shortSlug = (slug: string): string => {
  if (slug.length <= 44) return slug;
  const cut = slug.slice(0, 44);
  return cut.lastIndexOf('-') > 20 ? cut.slice(0, cut.lastIndexOf('-')) : cut;
};
