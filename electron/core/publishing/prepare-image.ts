/**
 * The image step of publishing: the featured image and every inline image go through sharp once
 * before upload. Each comes out turned the way the camera was held, no larger than the site's limit,
 * without EXIF, GPS, XMP or IPTC (a press photo must not tell where the photographer lives) but with
 * its colour profile (an iPhone's Display P3 photo would otherwise look dull), and named after the
 * release. Files that are not pictures, SVGs, decompression bombs and damaged files are refused
 * with an `ImageRejected` whose message tells the user what to do.
 *
 * `sourceSha256` hashes the original bytes, which is what a draft stores (`featuredImage.sha256`):
 * publishing keys "already uploaded" on it, so an unchanged image is neither prepared nor uploaded
 * twice.
 *
 * Runs in the main process: sharp decodes and encodes on libuv's worker threads, so the event loop
 * only parses the header and hashes.
 */
import { createHash } from 'node:crypto';
import type { Metadata, OutputInfo, Sharp, SharpConstructor } from 'sharp';
import { imageFileName } from './images/image-file-name.js';
import {
  corrupt,
  heicUnreadable,
  type ImageRejected,
  notAnImage,
  svgRefused,
  tooManyPixels,
  unsupportedFormat,
} from './images/image-rejected.js';

export { ImageRejected, type ImageRejectionReason } from './images/image-rejected.js';

/** WordPress's own "big image" threshold: larger uploads are scaled to this anyway. */
export const DEFAULT_MAX_EDGE = 2560;
/** 100 megapixels: above any camera a press office uses (24–61 MP), far below a decompression bomb. */
export const DEFAULT_MAX_INPUT_PIXELS = 100_000_000;

/** Lossy settings chosen for photos: visually clean, about a megabyte at 2560 px. */
const JPEG_QUALITY = 82;
const WEBP_QUALITY = 82;

export type PreparedMimeType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

export interface PrepareImageInput {
  bytes: Uint8Array;
  /** The user's file name: only for messages, never for the uploaded name. */
  sourceName: string;
}

export interface PrepareImageOptions {
  /** What the file is named after, usually the release's slug or title; slugged here. */
  baseName: string;
  /** Longest side of the prepared image, in pixels. */
  maxEdge?: number;
  /** For inline images, 2, 3…: appended to the name ("…-2.jpg"); none for the featured image. */
  index?: number;
  /** Images with more pixels (all frames together) are refused before decoding. */
  maxInputPixels?: number;
}

export interface PreparedImage {
  /** The upload; for a GIF within the limit, the input's own bytes. */
  bytes: Uint8Array;
  /** ASCII, from `baseName`, with the extension of the prepared format. */
  fileName: string;
  mimeType: PreparedMimeType;
  /** Of the prepared image (one frame of an animation). */
  width: number;
  height: number;
  /** Of the original bytes: the key for "uploaded once". */
  sourceSha256: string;
  /** Of the prepared bytes. */
  sha256: string;
  /** Of the original as readers see it, that is after its EXIF orientation. */
  originalWidth: number;
  originalHeight: number;
  resized: boolean;
}

type OutputFormat = 'jpeg' | 'png' | 'webp' | 'gif';

const outputs: Record<OutputFormat, { extension: string; mimeType: PreparedMimeType }> = {
  jpeg: { extension: 'jpg', mimeType: 'image/jpeg' },
  png: { extension: 'png', mimeType: 'image/png' },
  webp: { extension: 'webp', mimeType: 'image/webp' },
  gif: { extension: 'gif', mimeType: 'image/gif' },
};

/** SHA-256 of `bytes` in hex: how publishing recognises an image it has already uploaded. */
export const imageFingerprint = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const positiveInteger = (name: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a whole number from 1.`);
  return value;
};

const loadSharp = async (): Promise<SharpConstructor> => {
  try {
    // Loaded on first use, as for thumbnails: a missing native module breaks publishing images, not
    // the start of the app.
    return (await import('sharp')).default;
  } catch (error) {
    throw new Error('The image library (sharp) could not be loaded, so images cannot be prepared.', {
      cause: error,
    });
  }
};

/**
 * An SVG is recognised here, before any parser sees it; one whose `<svg` comes after a long preamble
 * is still refused once sharp names its format. Other text starting with "<" is left to sharp, which
 * reports it as not an image.
 */
const looksLikeSvg = (bytes: Uint8Array): boolean => {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096))
    .toString('latin1')
    .replace(/^\u00ef\u00bb\u00bf/, '') // UTF-8 byte-order mark
    .trimStart();
  return head.startsWith('<') && head.toLowerCase().includes('<svg');
};

const readHeader = async (sharp: SharpConstructor, bytes: Uint8Array, sourceName: string) => {
  if (bytes.byteLength === 0) throw notAnImage(sourceName);
  if (looksLikeSvg(bytes)) throw svgRefused(sourceName);
  try {
    // Only the header is parsed here, so no pixel limit yet: it is checked next with the image's
    // dimensions in hand, which the user's message needs.
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    const message = messageOf(error);
    throw /unsupported image format|empty/i.test(message)
      ? notAnImage(sourceName, error)
      : corrupt(sourceName, error);
  }
};

/**
 * What the image becomes. Web formats stay what they are; TIFF and HEIF (AVIF, HEIC), which many
 * WordPress sites cannot show, become JPEG, or PNG when they have transparency, which JPEG would
 * fill with black.
 */
const outputFormatOf = (metadata: Metadata): OutputFormat | null => {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return metadata.format;
    case 'tiff':
    case 'heif':
      return metadata.hasAlpha ? 'png' : 'jpeg';
    default:
      return null;
  }
};

/**
 * Whether the embedded profile describes RGB pixels. Only those are kept as they are: sharp turns
 * grey and CMYK pictures into RGB, and their profile would then mislabel the colours, so for those
 * sharp converts through the embedded profile to sRGB instead (its default, and colour-true).
 */
const hasRgbProfile = (metadata: Metadata): boolean =>
  metadata.icc !== undefined && metadata.icc.subarray(16, 20).toString('latin1') === 'RGB ';

/**
 * Whether a WebP is lossless (a VP8L bitstream, directly or in the first frame of an animation):
 * logos and screenshots are saved that way, and a lossy re-encode would smear their edges.
 */
const isLosslessWebp = (bytes: Uint8Array): boolean => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fourCc = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  let at = 12; // after "RIFF", the size and "WEBP"
  while (at + 8 <= bytes.byteLength) {
    const type = fourCc(at);
    if (type === 'VP8L') return true;
    if (type === 'VP8 ') return false;
    if (type === 'ANMF') {
      at += 8 + 16; // into the frame: its own chunks follow 16 bytes of position and timing
      continue;
    }
    const size = view.getUint32(at + 4, true);
    at += 8 + size + (size % 2); // chunks are padded to an even length
  }
  return false;
};

const encode = (image: Sharp, format: OutputFormat, metadata: Metadata, bytes: Uint8Array): Sharp => {
  switch (format) {
    case 'jpeg':
      // Plain progressive rather than mozjpeg: a fifth smaller, but twice the time on a 24 MP photo.
      return image.jpeg({ quality: JPEG_QUALITY, progressive: true });
    case 'png':
      // A palette PNG (a logo, a chart) stays one; a truecolour re-encode could double its size.
      return image.png({ palette: metadata.isPalette === true });
    case 'webp':
      return isLosslessWebp(bytes) ? image.webp({ lossless: true }) : image.webp({ quality: WEBP_QUALITY });
    case 'gif':
      return image.gif();
  }
};

/** Refused, with the reason the pipeline's error points to. */
const pipelineFailure = (
  error: unknown,
  sourceName: string,
  metadata: Metadata,
  size: { width: number; height: number; frames: number },
  maxInputPixels: number,
): ImageRejected => {
  if (/pixel limit/i.test(messageOf(error))) return tooManyPixels(sourceName, size, maxInputPixels);
  // The bundled libvips reads AVIF but has no HEVC decoder for HEIC.
  if (metadata.format === 'heif' && metadata.compression === 'hevc') return heicUnreadable(sourceName, error);
  return corrupt(sourceName, error);
};

/** The image ready for upload, or an `ImageRejected` explaining why it cannot be published. */
export const prepareImage = async (
  input: PrepareImageInput,
  options: PrepareImageOptions,
): Promise<PreparedImage> => {
  const { bytes, sourceName } = input;
  const maxEdge = positiveInteger('maxEdge', options.maxEdge ?? DEFAULT_MAX_EDGE);
  const maxInputPixels = positiveInteger(
    'maxInputPixels',
    options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS,
  );
  const sharp = await loadSharp();

  const metadata = await readHeader(sharp, bytes, sourceName);
  if (metadata.format === 'svg') throw svgRefused(sourceName);
  const format = outputFormatOf(metadata);
  if (!format) throw unsupportedFormat(sourceName, metadata.format);

  // Without the `animated` option the header describes the first frame; `pages` counts them all.
  const frames =
    format === metadata.format && (format === 'gif' || format === 'webp') ? (metadata.pages ?? 1) : 1;
  const animated = frames > 1;
  // Animations carry no EXIF orientation worth applying; stills are measured as readers see them.
  const original = animated ? { width: metadata.width, height: metadata.height } : metadata.autoOrient;
  const size = { ...original, frames };
  if (original.width * original.height * frames > maxInputPixels) {
    throw tooManyPixels(sourceName, size, maxInputPixels);
  }

  const { extension, mimeType } = outputs[format];
  const fileName = imageFileName(options.baseName, extension, options.index);
  const sourceSha256 = imageFingerprint(bytes);

  // A GIF within the limit is uploaded as it is: GIF has no EXIF (no camera or GPS data) to strip,
  // and re-quantising its palette would only lose colours and often grow the file.
  if (format === 'gif' && Math.max(original.width, original.height) <= maxEdge) {
    const { width, height } = original;
    return {
      bytes,
      fileName,
      mimeType,
      width,
      height,
      sourceSha256,
      sha256: sourceSha256,
      originalWidth: width,
      originalHeight: height,
      resized: false,
    };
  }

  // One pipeline, one decode. `failOn: 'error'` refuses truncated and broken data but tolerates the
  // harmless warnings some cameras' files raise; the pixel limit is sharp's own backstop to the check above.
  let image = sharp(bytes, { failOn: 'error', limitInputPixels: maxInputPixels, animated });
  if (!animated) image = image.autoOrient();
  image = image.resize({ width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true });
  // sharp strips all metadata unless told otherwise; the ICC profile is the one part readers need.
  if (hasRgbProfile(metadata)) image = image.keepIccProfile();
  image = encode(image, format, metadata, bytes);

  let result: { data: Buffer; info: OutputInfo };
  try {
    result = await image.toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw pipelineFailure(error, sourceName, metadata, size, maxInputPixels);
  }
  const { data, info } = result;
  const width = info.width;
  const height = animated ? (info.pageHeight ?? info.height / frames) : info.height;
  return {
    bytes: data,
    fileName,
    mimeType,
    width,
    height,
    sourceSha256,
    sha256: imageFingerprint(data),
    originalWidth: original.width,
    originalHeight: original.height,
    resized: width !== original.width || height !== original.height,
  };
};
