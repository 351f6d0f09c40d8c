/**
 * Duplicating a draft: a new draft folder with a new id, the same release fields and a copy of its
 * images, titled "<title> <suffix>" (the suffix comes from the UI, translated), never published
 * (the publish record is not copied), created and updated now.
 *
 * Like DraftLibrary.create, the copy is assembled in a hidden `.<id>.creating` folder and renamed
 * into place in one step, so it appears whole or not at all. The source is only read.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import { type DraftDocument, TITLE_MAX_LENGTH } from '../../../shared/release/draft-document.js';
import type { MigrationDefaults } from '../../../shared/release/migrations.js';
import { isSafeAssetPath } from '../../../shared/release/release-fields.js';
import type { EventSink } from '../events.js';
import { fingerprint, writeFileAtomically } from '../fs/atomic-file.js';
import { DOCUMENT_FILE, draftFolderName, readDraftFolder, serialiseDraft } from './draft-files.js';

export interface DuplicateOptions {
  /** The library folder. */
  folder: string;
  defaults: MigrationDefaults;
  events?: EventSink;
  now?: () => Date;
  newId?: () => string;
}

export interface DuplicatedDraft {
  document: DraftDocument;
  etag: string;
}

/** "Title (copy)", shortened at the end of the title if the whole would be too long. */
export const copyTitle = (title: string, suffix: string): string => {
  const tail = suffix.trim();
  if (tail === '') return title;
  const room = Math.max(0, TITLE_MAX_LENGTH - tail.length - 1);
  return `${Array.from(title).slice(0, room).join('').trimEnd()} ${tail}`.trim().slice(0, TITLE_MAX_LENGTH);
};

export const duplicateDraft = async (
  sourceId: string,
  copySuffix: string,
  options: DuplicateOptions,
): Promise<DuplicatedDraft> => {
  const { folder, defaults } = options;
  const source = join(folder, draftFolderName(sourceId));
  const read = await readDraftFolder(source, defaults);
  if (!read.ok) {
    if (read.reason === 'The draft folder is missing.') {
      throw new AppFailure('not-found', 'This draft is no longer in the library folder.');
    }
    throw new AppFailure('unreadable', `This draft can't be duplicated: ${read.reason}`);
  }
  if (read.document.id !== sourceId) {
    throw new AppFailure('unreadable', "This draft can't be duplicated: its folder and its id disagree.");
  }

  const id = (options.newId ?? randomUUID)();
  const stamp = (options.now ?? (() => new Date()))().toISOString();
  // Spread the source first so fields from a newer Pressroom are kept, not dropped.
  const document: DraftDocument = {
    ...read.document,
    id,
    title: copyTitle(read.document.title, copySuffix),
    publishRecord: null,
    createdAt: stamp,
    updatedAt: stamp,
  };
  const content = serialiseDraft(document);
  const target = join(folder, draftFolderName(id));
  if (await lstat(target).catch(() => null)) {
    throw new AppFailure('conflict', 'A draft with the new id already exists; try again.');
  }

  const staging = join(folder, `.${id}.creating`);
  try {
    await mkdir(join(staging, 'assets'), { recursive: true });
    await copyAssets(join(source, 'assets'), join(staging, 'assets'));
    await writeFileAtomically(join(staging, DOCUMENT_FILE), content);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
    throw new AppFailure(
      'storage',
      'Pressroom could not duplicate the draft. Check that the library folder is available and has free space, then try again.',
      { folder, code: String((error as NodeJS.ErrnoException | undefined)?.code ?? '') },
    );
  }
  options.events?.emit('library.changed', { reason: 'created' });
  return { document, etag: fingerprint(content) };
};

/** Copies the regular files directly inside `assets/`; links and folders are not followed. */
const copyAssets = async (from: string, to: string): Promise<void> => {
  const names = await readdir(from).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  for (const name of names) {
    if (!isSafeAssetPath(`assets/${name}`)) continue;
    const info = await lstat(join(from, name));
    if (!info.isFile()) continue;
    // A copy-on-write clone where the file system offers one, a plain copy otherwise.
    await copyFile(join(from, name), join(to, name), constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
  }
};
