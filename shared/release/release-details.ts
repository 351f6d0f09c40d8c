/**
 * A release's details beyond its title and body, as the editor's details panel edits them (the
 * WordPress editor's "Post" sidebar): when and how it goes out, the featured image and its texts,
 * excerpt, slug, categories, tags, related posts and the site it is meant for.
 *
 * They travel with the title and body in the same save (`drafts.save`), so one fingerprint guards
 * the whole file and the autosave never writes half of a change.
 */
import { type z } from 'zod';
import { draftDocumentSchema } from './draft-document.js';
import { featuredImageSchema } from './release-fields.js';

export const releaseDetailsSchema = draftDocumentSchema
  .pick({
    slug: true,
    schedule: true,
    intendedStatus: true,
    featuredImage: true,
    excerpt: true,
    categories: true,
    tags: true,
    relatedPosts: true,
    targetSite: true,
  })
  .strict();

export type ReleaseDetails = z.infer<typeof releaseDetailsSchema>;

/** The details fields, in the order the panel shows them. */
export const releaseDetailKeys = Object.keys(releaseDetailsSchema.shape) as (keyof ReleaseDetails)[];

/** The details of a draft document (everything else left out). */
export const detailsOf = (document: ReleaseDetails): ReleaseDetails =>
  Object.fromEntries(releaseDetailKeys.map((key) => [key, document[key]])) as ReleaseDetails;

/**
 * A picture added to a draft's own assets folder (see `drafts.importImage`): what the featured image
 * field records about the file. Alt text, caption and credit are the user's to write.
 */
export const importedImageSchema = featuredImageSchema.pick({
  file: true,
  width: true,
  height: true,
  sha256: true,
});

export type ImportedImage = z.infer<typeof importedImageSchema>;

/** Far above a camera original, far below what would exhaust memory (the CLI's limit is higher: no copy in transit). */
export const MAX_IMPORTED_IMAGE_BYTES = 50 * 1024 * 1024;
/** The same limit once the bytes are base64 text, as they cross IPC. */
export const MAX_IMPORTED_IMAGE_BASE64 = Math.ceil(MAX_IMPORTED_IMAGE_BYTES / 3) * 4;
