/**
 * When a save is refused because the draft changed on disk since it was opened (another computer, a
 * synced folder), the user chooses which version stays in the draft, and the other is kept as a new
 * draft, a conflict copy, so neither person's work is lost.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DraftDocument, RichTextNode } from '../../../shared/release/draft-document.js';
import type { DraftInit, DraftLibrary, OpenedDraft } from './draft-library.js';

export interface ConflictChoice {
  id: string;
  /** The user's version, as the editor holds it. */
  title: string;
  body: RichTextNode;
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

/** The files in a draft's assets/ folder (regular files only), to copy into the conflict copy. */
const readAssets = async (draftFolder: string): Promise<{ file: string; bytes: Uint8Array }[]> => {
  const folder = join(draftFolder, 'assets');
  const names = await readdir(folder).catch(() => [] as string[]);
  const assets: { file: string; bytes: Uint8Array }[] = [];
  for (const name of names) {
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
  const copyOf = (title: string, body: RichTextNode) =>
    library.create({
      ...fieldsOf(theirs.document),
      title: `${title} ${choice.copySuffix}`.trim(),
      body,
      assets,
    });

  if (choice.keep === 'mine') {
    const copy = await copyOf(theirs.document.title, theirs.document.body);
    await library.save({ id: choice.id, title: choice.title, body: choice.body, baseEtag: theirs.etag });
    return { draft: await library.open(choice.id), copyId: copy.document.id };
  }
  const copy = await copyOf(choice.title, choice.body);
  await library.forgetUnsaved(choice.id);
  return { draft: theirs, copyId: copy.document.id };
};
