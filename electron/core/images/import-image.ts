/**
 * `drafts.importImage`: a picture the user chose in the editor, copied into the draft's own assets
 * folder so the draft stays self-contained. The editor then makes it the featured image through the
 * next `drafts.save`; release.json is not touched here.
 *
 * Guarantees: only a web picture that decodes completely is kept (a decompression bomb is refused
 * from its header, before anything is decoded); the file is named after its content
 * (`assets/featured-<first 12 hex of its SHA-256>.<ext>`), so the same picture chosen twice is one
 * file; it is written atomically; and nothing already in the folder is ever overwritten.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import { type ImportedImage, MAX_IMPORTED_IMAGE_BYTES } from '../../../shared/release/release-details.js';
import type { DraftLibrary } from '../drafts/draft-library.js';
import { writeFileAtomically } from '../fs/atomic-file.js';
import {
  corrupt,
  heicUnreadable,
  notAnImage,
  shown,
  svgRefused,
  tooManyPixels,
  unsupportedFormat,
} from '../publishing/images/image-rejected.js';
import { DEFAULT_MAX_INPUT_PIXELS } from '../publishing/prepare-image.js';
import { inspectWebImage, type WebImageInspection } from './web-image.js';

export interface ImportImageRequest {
  /** The draft whose assets folder receives the picture. */
  id: string;
  /** The chosen file's name, only for messages. */
  fileName: string;
  /** The file's bytes, base64. */
  data: string;
}

export interface ImportImageOptions {
  /** The same limit publishing applies: a picture it would refuse later is refused now. */
  maxPixels?: number;
}

/** Another file may already hold the natural name (a planted one; a real clash of 48 bits is unheard of). */
const MAX_NAME_TRIES = 20;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const importImage = async (
  library: Pick<DraftLibrary, 'open' | 'folderOf'>,
  request: ImportImageRequest,
  options: ImportImageOptions = {},
): Promise<ImportedImage> => {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  await library.open(request.id); // a clear "not found" or "can't be opened" before any work
  const bytes = decodeBase64(request.data, request.fileName);
  const inspected = await inspectWebImage(bytes, { maxPixels });
  if (!inspected.ok) throw refusal(inspected, request.fileName, maxPixels);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = await placeInAssets(
    library.folderOf(request.id),
    `featured-${sha256.slice(0, 12)}`,
    inspected.extension,
    bytes,
    sha256,
  );
  return { file: `assets/${name}`, width: inspected.width, height: inspected.height, sha256 };
};

/** Strict base64: Node's decoder skips characters it does not know, which would hide a damaged transfer. */
const decodeBase64 = (data: string, fileName: string): Buffer => {
  if (data.length % 4 !== 0 || !BASE64.test(data)) {
    throw new AppFailure(
      'invalid-request',
      'The picture did not arrive whole, so it was not added. Choose it again.',
      { fileName },
    );
  }
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  // Measured before decoding, so an oversized file is refused without holding a second copy.
  if ((data.length / 4) * 3 - padding > MAX_IMPORTED_IMAGE_BYTES) {
    const limit = Math.round(MAX_IMPORTED_IMAGE_BYTES / (1024 * 1024));
    throw new AppFailure(
      'invalid-request',
      `“${shown(fileName)}” is larger than ${limit} MB, too large to add. Export it smaller and try again.`,
      { fileName, limit: String(limit) },
    );
  }
  return Buffer.from(data, 'base64');
};

/** The same words publishing uses for the same problem (publishing/images/image-rejected.ts). */
const refusal = (
  inspected: Exclude<WebImageInspection, { ok: true }>,
  fileName: string,
  maxPixels: number,
): AppFailure => {
  const rejected = (() => {
    if (inspected.problem === 'not-an-image') return notAnImage(fileName);
    const { format, compression, width, height } = inspected.metadata;
    switch (inspected.problem) {
      case 'too-many-pixels':
        return tooManyPixels(fileName, { width, height, frames: 1 }, maxPixels);
      case 'undecodable':
        // The bundled libvips reads AVIF but has no HEVC decoder for the iPhone's HEIC.
        return format === 'heif' && compression === 'hevc' ? heicUnreadable(fileName) : corrupt(fileName);
      case 'not-web':
        return format === 'svg' ? svgRefused(fileName) : unsupportedFormat(fileName, format);
    }
  })();
  return new AppFailure('invalid-request', rejected.message, { fileName, problem: rejected.reason });
};

/**
 * Writes the picture as `<base>.<ext>` in the draft's assets folder, or reuses that file when it
 * already holds these very bytes. A different file of that name is left alone and the next free
 * name (`<base>-2.<ext>`, …) is taken instead. Answers the file's name.
 */
const placeInAssets = async (
  draftFolder: string,
  base: string,
  extension: string,
  bytes: Buffer,
  sha256: string,
): Promise<string> => {
  const assets = join(draftFolder, 'assets');
  try {
    const folder = await lstatOrNull(assets);
    if (folder === null) await mkdir(assets);
    else if (!folder.isDirectory()) {
      // A link would send the picture to another place: the same refusal reading a draft gives.
      throw new AppFailure(
        'unreadable',
        "The draft's assets folder is a link or not a folder, which Pressroom does not follow. The picture was not added.",
      );
    }
    for (let attempt = 1; attempt <= MAX_NAME_TRIES; attempt++) {
      const name = `${base}${attempt === 1 ? '' : `-${attempt}`}.${extension}`;
      const path = join(assets, name);
      const existing = await lstatOrNull(path);
      if (existing === null) {
        await writeFileAtomically(path, bytes);
        return name;
      }
      if (existing.isFile() && existing.size === bytes.length && (await sameContent(path, sha256))) {
        return name;
      }
    }
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure(
      'storage',
      "Pressroom could not add the picture to the draft's folder. Check that the library folder is available and has free space, then try again.",
      { code: String((error as NodeJS.ErrnoException | undefined)?.code ?? '') },
    );
  }
  throw new AppFailure(
    'conflict',
    "The draft's assets folder already holds other files under this picture's names. The picture was not added.",
  );
};

const lstatOrNull = (path: string) =>
  lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });

const sameContent = async (path: string, sha256: string): Promise<boolean> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex') === sha256;
