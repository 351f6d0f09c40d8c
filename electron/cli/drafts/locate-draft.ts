/**
 * The DRAFT argument of `show` and `check`: a draft folder's path (or its release.json), or a
 * draft's id together with `--library`. The draft is read with the app's own defensive reader
 * (electron/core/drafts/draft-files.ts), which never changes what it reads.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { draftIdSchema, type DraftDocument } from '../../../shared/release/draft-document.js';
import { DOCUMENT_FILE, draftFolderName, readDraftFolder } from '../../core/drafts/draft-files.js';
import { invalidDraftError, usageError } from '../cli-errors.js';
import { cliDefaults } from './cli-defaults.js';
import { resolveLibrary } from './library-folder.js';

export interface LocatedDraft {
  folder: string;
  document: DraftDocument;
}

const looksLikeId = (value: string): boolean =>
  draftIdSchema.safeParse(value).success && !value.includes('/') && !value.includes('\\');

export const locateDraft = async (
  argument: string,
  library: string | undefined,
  cwd: string,
): Promise<LocatedDraft> => {
  // An id names a draft only with --library; anything else is a path (even with --library).
  const libraryFolder =
    library !== undefined && looksLikeId(argument)
      ? await resolveLibrary(library, cwd, { mustExist: true })
      : null;
  let folder: string;
  if (libraryFolder !== null) {
    folder = join(libraryFolder, draftFolderName(argument));
  } else {
    const path = resolve(cwd, argument);
    folder = basename(path) === DOCUMENT_FILE ? dirname(path) : path;
  }

  const read = await readDraftFolder(folder, cliDefaults());
  if (!read.ok) {
    if (read.reason === 'The draft folder is missing.') {
      throw usageError(
        libraryFolder !== null
          ? `there is no draft ${argument} in ${libraryFolder}`
          : `${argument}: there is no draft there${looksLikeId(argument) ? ' (to name a draft by its id, add --library DIR)' : ''}`,
      );
    }
    throw invalidDraftError(`${argument}: this draft cannot be read: ${read.reason}`);
  }
  if (libraryFolder !== null && read.document.id !== argument) {
    throw invalidDraftError(`${argument}: this draft cannot be read: its folder and its id disagree`);
  }
  return { folder, document: read.document };
};
