/**
 * `--featured-image FILE --alt TEXT [--caption] [--credit]`: the file is checked with sharp (it must
 * be a picture the web can show, fully decodable) and copied unchanged into the draft as
 * `assets/featured.<ext>`, with its size and SHA-256 as the draft format requires.
 */
import { createHash } from 'node:crypto';
import type { FeaturedImage } from '../../../shared/release/release-fields.js';
import { usageError } from '../cli-errors.js';
import { readInputFile } from './input-file.js';
import { inspectWebImage } from '../../core/images/web-image.js';

/** Far above a camera original, far below what would exhaust memory. */
const MAX_IMAGE_BYTES = 100 * 1024 * 1024;

export interface FeaturedImageFlags {
  file: string | undefined;
  alt: string | undefined;
  caption: string | undefined;
  credit: string | undefined;
}

export interface FeaturedImageInput {
  image: FeaturedImage;
  asset: { file: string; bytes: Uint8Array };
}

const limitLength = (flag: string, value: string, max: number): string => {
  if (value.length > max) throw usageError(`${flag} is longer than ${max} characters`);
  return value;
};

/** The picture's size as readers see it and its extension, or the CLI's one-line usage error. */
const readWebImage = async (
  flag: string,
  file: string,
  bytes: Buffer,
): Promise<{ extension: string; width: number; height: number }> => {
  const inspected = await inspectWebImage(bytes);
  if (inspected.ok) return inspected;
  if (inspected.problem === 'not-web') {
    throw usageError(
      `${flag} ${file}: ${inspected.metadata.format} images cannot be shown on the web (use JPEG, PNG, WebP, GIF, AVIF or TIFF)`,
    );
  }
  throw usageError(
    `${flag} ${file}: this is not an image Pressroom can read (use JPEG, PNG, WebP, GIF, AVIF or TIFF)`,
  );
};

export const readFeaturedImage = async (
  flags: FeaturedImageFlags,
  cwd: string,
): Promise<FeaturedImageInput | null> => {
  const { file, alt, caption, credit } = flags;
  if (file === undefined) {
    const stray = Object.entries({ '--alt': alt, '--caption': caption, '--credit': credit }).find(
      ([, value]) => value !== undefined,
    )?.[0];
    if (stray) throw usageError(`${stray} describes the featured image; give --featured-image FILE too`);
    return null;
  }
  if (alt === undefined || alt.trim() === '') {
    throw usageError(
      '--featured-image needs --alt TEXT: describe what the picture shows for readers who cannot see it',
    );
  }
  const bytes = await readInputFile('--featured-image', file, cwd, MAX_IMAGE_BYTES);
  const { extension, width, height } = await readWebImage('--featured-image', file, bytes);
  const assetFile = `assets/featured.${extension}`;
  return {
    image: {
      file: assetFile,
      alt: limitLength('--alt', alt.trim(), 1000),
      caption: limitLength('--caption', (caption ?? '').trim(), 2000),
      credit: limitLength('--credit', (credit ?? '').trim(), 500),
      // As readers see it: a photo turned by its EXIF orientation has its sides swapped.
      width,
      height,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    asset: { file: assetFile, bytes },
  };
};
