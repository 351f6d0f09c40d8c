/**
 * The file extension a draft's image asset gets, for the formats web pages can show; null for the
 * rest. Shared by `pressroom new --featured-image` and posts opened from a site.
 */
import type { Metadata } from 'sharp';

export const webImageExtension = (metadata: Metadata): string | null => {
  switch (metadata.format) {
    case 'jpeg':
      return 'jpg';
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
      return metadata.format;
    case 'heif':
      // AVIF and HEIC share the HEIF container; only AVIF (AV1) is shown by browsers.
      return metadata.compression === 'av1' ? 'avif' : null;
    default:
      return null;
  }
};
