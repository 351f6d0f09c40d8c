/**
 * When a save is refused because the draft changed on disk since it was opened (another computer, a
 * synced folder), the user chooses which version stays in the draft, and the other is kept as a new
 * draft, a conflict copy, so neither person's work is lost. "Mine" is the editor's whole version:
 * title, body and the details it changed; "theirs" is the file as it now is.
 *
 * Everything that could refuse the user's version is checked before the copy is made, so a refusal
 * leaves the library as it was.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import type { DraftDocument, RichTextNode } from '../../../shared/release/draft-document.js';
import type { ReleaseDetails } from '../../../shared/release/release-details.js';
import { isSafeAssetPath } from '../../../shared/release/release-fields.js';
import {
  checkDocument,
  type DraftInit,
  type DraftLibrary,
  FEATURED_IMAGE_MISSING,
  givenDetails,
  type OpenedDraft,
} from './draft-library.js';

export interface ConflictChoice {
  id: string;
  /** The user's version, as the editor holds it. */
  title: string;
  body: RichTextNode;
  /** The detail fields the user changed; those left out are taken from the draft as it is now. */
  details?: Partial<ReleaseDetails> | undefined;
  /** Which version stays in the draft: the user's, or the one now on disk. */
  keep: 'mine' | 'theirs';
  /** Appended to the copy's title, in the user's language (e.g. "(conflict copy)"). */
  copySuffix: string;
}

export interface ConflictResolution {
  draft: OpenedDraft;
  copyId: string;
}

/** The release fields of a document, without its identity and timestamps, for a new draft. */
const fieldsOf = (document: DraftDocument): DraftInit => {
  const { format: _f, schemaVersion: _v, id: _i, createdAt: _c, updatedAt: _u, ...fields } = document;
  return { ...fields, publishRecord: null };
};

/**
 * The files in a draft's assets/ folder (regular files with names a draft may hold, so a stray
 * file cannot make the copy fail), to copy into the conflict copy.
 */
const readAssets = async (draftFolder: string): Promise<{ file: string; bytes: Uint8Array }[]> => {
  const folder = join(draftFolder, 'assets');
  const names = await readdir(folder).catch(() => [] as string[]);
  const assets: { file: string; bytes: Uint8Array }[] = [];
  for (const name of names) {
    if (!isSafeAssetPath(`assets/${name}`)) continue;
    const info = await lstat(join(folder, name));
    if (info.isFile()) assets.push({ file: `assets/${name}`, bytes: await readFile(join(folder, name)) });
  }
  return assets;
};

export const resolveConflict = async (
  library: DraftLibrary,
  choice: ConflictChoice,
): Promise<ConflictResolution> => {
  const theirs = await library.open(choice.id);
  const assets = await readAssets(library.folderOf(choice.id));
  const details = givenDetails(choice.details);
  // My featured image is a file of this draft's folder (drafts.importImage put it there); both the
  // draft and a copy need it, and the copy gets the folder's files, so it must be one of them.
  const image = details.featuredImage;
  if (image && !assets.some((asset) => asset.file === image.file)) {
    throw new AppFailure('invalid-request', FEATURED_IMAGE_MISSING, { file: image.file });
  }
  if (choice.keep === 'mine') {
    checkDocument({ ...theirs.document, ...details, title: choice.title, body: choice.body });
  }
  const copyOf = (title: string, body: RichTextNode, changes: Partial<ReleaseDetails>) =>
    library.create({
      ...fieldsOf(theirs.document),
      ...changes,
      title: `${title} ${choice.copySuffix}`.trim(),
      body,
      assets,
    });

  if (choice.keep === 'mine') {
    const copy = await copyOf(theirs.document.title, theirs.document.body, {});
    await library.save({
      id: choice.id,
      title: choice.title,
      body: choice.body,
      details,
      baseEtag: theirs.etag,
    });
    return { draft: await library.open(choice.id), copyId: copy.document.id };
  }
  // Mine goes into the copy: their fields, with my title, body and changed details over them.
  const copy = await copyOf(choice.title, choice.body, details);
  await library.forgetUnsaved(choice.id);
  return { draft: theirs, copyId: copy.document.id };
};
