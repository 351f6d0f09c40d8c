/**
 * `drafts.restoreRecovered`: work kept in the recovery journal becomes a new draft (the original may
 * have changed since, or be gone), titled with the user's suffix, with the title, body and details
 * the refused save carried over the original's other fields. The journal entry is forgotten only once the new draft exists.
 *
 * A featured image lives in the original draft's folder: it is copied into the new draft when that
 * file is still there and still holds the same picture. Otherwise the new draft has no featured
 * image (the user chooses it again) rather than the work staying unrestorable.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import { detailsOf, MAX_IMPORTED_IMAGE_BYTES } from '../../../shared/release/release-details.js';
import { type FeaturedImage, isSafeAssetPath } from '../../../shared/release/release-fields.js';
import type { DraftLibrary, OpenedDraft } from './draft-library.js';
import { givenDetails } from './draft-library.js';
import { copyTitle } from './duplicate-draft.js';
import type { RecoveryJournal } from './recovery-journal.js';

export const restoreRecovered = async (
  library: DraftLibrary,
  journal: RecoveryJournal,
  { id, copySuffix }: { id: string; copySuffix: string },
): Promise<OpenedDraft> => {
  const work = await journal.get(id);
  if (!work) throw new AppFailure('not-found', 'That unsaved work was already restored.');
  // The editor sends only the details it changed: the rest come from the original draft while it can
  // still be read (its language too), so the restored draft is the whole release, not a partial one.
  const original = await library.open(id).catch(() => null);
  const details = {
    ...(original ? detailsOf(original.document) : {}),
    ...givenDetails(work.details),
  };
  const kept = original
    ? {
        language: original.document.language,
        direction: original.document.direction,
        datelineCity: original.document.datelineCity,
      }
    : {};
  const image = details.featuredImage ? await readImage(library.folderOf(id), details.featuredImage) : null;
  const restored = await library.create({
    ...kept,
    ...details,
    ...(details.featuredImage ? { featuredImage: image ? details.featuredImage : null } : {}),
    title: copyTitle(work.title, copySuffix),
    body: work.body,
    assets: image ? [image] : [],
  });
  await journal.forget(id);
  return restored;
};

/** The original draft's file of the image, if it is still a plain file holding the same bytes. */
const readImage = async (
  draftFolder: string,
  image: FeaturedImage,
): Promise<{ file: string; bytes: Uint8Array } | null> => {
  if (!isSafeAssetPath(image.file)) return null;
  const path = join(draftFolder, image.file);
  const info = await lstat(path).catch(() => null);
  // The CLI accepts larger pictures than the editor does; twice the editor's limit covers them.
  if (!info?.isFile() || info.size > 2 * MAX_IMPORTED_IMAGE_BYTES) return null;
  const bytes = await readFile(path).catch(() => null);
  if (!bytes || createHash('sha256').update(bytes).digest('hex') !== image.sha256) return null;
  return { file: image.file, bytes };
};
