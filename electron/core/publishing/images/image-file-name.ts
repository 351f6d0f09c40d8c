/**
 * The name an image is uploaded under. WordPress keeps it in the image's URL and shows it in the
 * media library, so it comes from the release ("orema-youth-delegation-visit-2.jpg"), never from the
 * source file: "IMG_1234.jpg" says nothing, and "Artboard 2 (9).png" or a name in Arabic script would
 * be percent-encoded into an unreadable URL.
 */
import { slugFromTitle } from '../../../../shared/release/slug.js';

/** Long enough for a headline's first words; URLs and media-library columns stay readable. */
export const IMAGE_NAME_MAX_LENGTH = 60;
/** When nothing of the base name can be written in ASCII (a title of emoji, say). */
const FALLBACK_NAME = 'image';

const shorten = (slug: string): string => {
  if (slug.length <= IMAGE_NAME_MAX_LENGTH) return slug;
  const cut = slug.slice(0, IMAGE_NAME_MAX_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  // Whole words when the cut leaves a fair part of the name; otherwise the plain cut.
  return (lastDash > IMAGE_NAME_MAX_LENGTH / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
};

/**
 * `baseName` slugged (it may already be a slug), shortened, with `-index` for the inline images of a
 * release (the featured image has none) and the extension of the prepared file.
 */
export const imageFileName = (baseName: string, extension: string, index?: number): string => {
  if (index !== undefined && (!Number.isSafeInteger(index) || index < 1)) {
    throw new RangeError(`An image index is a whole number from 1, not ${index}.`);
  }
  const stem = shorten(slugFromTitle(baseName)) || FALLBACK_NAME;
  return `${stem}${index === undefined ? '' : `-${index}`}.${extension}`;
};
