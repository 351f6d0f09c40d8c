/**
 * Thumbnails for the library list: the featured image of a draft scaled down (sharp) to a small WebP
 * and handed to the renderer as a data: URL, so the renderer never reads files and needs no extra
 * protocol route. Cached in memory by the image file's identity (inode, size, time), so a list of
 * thousands scrolls without re-decoding and a replaced image gets a new thumbnail.
 *
 * The image is only read: never a symlink (it could point anywhere), never a huge file, and sharp's
 * pixel limit refuses decompression bombs. Any problem yields "no thumbnail", never an error: a list
 * must show even when one picture is broken.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSafeAssetPath } from '../../../shared/release/release-fields.js';
import { type Logger, silentLogger } from '../logger.js';

/** Twice the list's 48 px box, for high-density screens. */
export const THUMBNAIL_SIZE = 96;
const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
/** 100 megapixels: larger than any camera a press office uses, far below a decompression bomb. */
const MAX_SOURCE_PIXELS = 100_000_000;
const CACHE_LIMIT = 2_000;

export class Thumbnails {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly logger: Logger = silentLogger) {}

  /** The thumbnail of `assetFile` inside `draftFolder` as a data: URL, or null. */
  async of(draftFolder: string, assetFile: string): Promise<string | null> {
    if (!isSafeAssetPath(assetFile)) return null;
    const path = join(draftFolder, assetFile);
    const info = await lstat(path).catch(() => null);
    if (!info || !info.isFile() || info.size > MAX_SOURCE_BYTES) return null;
    const key = `${path}\0${info.ino}:${info.size}:${info.mtimeMs}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const made = await this.make(path);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value ?? '');
    this.cache.set(key, made);
    return made;
  }

  private async make(path: string): Promise<string | null> {
    try {
      const bytes = await readFile(path);
      // Loaded on first use: if the native module is missing, only thumbnails are lost, not the app.
      const { default: sharp } = await import('sharp');
      const small = await sharp(bytes, { limitInputPixels: MAX_SOURCE_PIXELS, failOn: 'error' })
        .rotate() // camera orientation, so portraits are not shown lying down
        .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'cover', withoutEnlargement: true })
        .webp({ quality: 70 })
        .toBuffer();
      return `data:image/webp;base64,${small.toString('base64')}`;
    } catch (error) {
      this.logger.warn('library: no thumbnail for a featured image', { path, error });
      return null;
    }
  }
}
