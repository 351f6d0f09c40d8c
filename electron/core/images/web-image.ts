/**
 * Whether some bytes are a picture a draft may hold as its featured image: one sharp can read, that
 * decodes to the end (a picture cut off by an unfinished download has a fine header and a broken
 * body), and in a format web pages show. Shared by `pressroom new --featured-image` and the
 * editor's "choose a picture" (import-image.ts), which each word the answer their own way.
 */
import type { Metadata } from 'sharp';
import { webImageExtension } from './image-extension.js';

export type WebImageInspection =
  | {
      ok: true;
      /** The extension the asset gets (jpg, png, webp, gif, tiff, avif). */
      extension: string;
      /** As readers see it: a photo turned by its EXIF orientation has its sides swapped. */
      width: number;
      height: number;
      metadata: Metadata;
    }
  /** sharp cannot even read a header: not a picture at all (a text file, a PDF). */
  | { ok: false; problem: 'not-an-image' }
  /** More pixels than `maxPixels`, refused before anything is decoded (a decompression bomb). */
  | { ok: false; problem: 'too-many-pixels'; metadata: Metadata }
  /** The header reads but the picture does not decode: damaged, cut off, or a codec not built in (HEIC). */
  | { ok: false; problem: 'undecodable'; metadata: Metadata }
  /** A picture, but in a format browsers do not show (SVG, HEIC, JPEG 2000…). */
  | { ok: false; problem: 'not-web'; metadata: Metadata };

export interface InspectOptions {
  /** Pictures with more pixels are refused unread; left out, sharp's own limit (about 268 MP) applies. */
  maxPixels?: number;
}

export const inspectWebImage = async (
  bytes: Buffer,
  { maxPixels }: InspectOptions = {},
): Promise<WebImageInspection> => {
  // Loaded only here: the CLI's other commands should not pay for starting a native image library.
  const { default: sharp } = await import('sharp');
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    return { ok: false, problem: 'not-an-image' };
  }
  // The header alone tells the size: a bomb is refused without allocating what it claims.
  if (maxPixels !== undefined && metadata.width * metadata.height > maxPixels) {
    return { ok: false, problem: 'too-many-pixels', metadata };
  }
  try {
    // Decoding a small copy reads the whole picture, so a truncated or corrupt one fails here.
    const limit = maxPixels === undefined ? {} : { limitInputPixels: maxPixels };
    await sharp(bytes, { failOn: 'error', ...limit })
      .resize(32, 32, { fit: 'inside' })
      .toBuffer();
  } catch {
    return { ok: false, problem: 'undecodable', metadata };
  }
  const extension = webImageExtension(metadata);
  if (!extension) return { ok: false, problem: 'not-web', metadata };
  return {
    ok: true,
    extension,
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    metadata,
  };
};
