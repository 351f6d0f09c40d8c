/**
 * Reading one draft folder from disk, defensively: the library may hold files that are corrupt,
 * truncated, huge, written by a newer Pressroom, or planted (symlinks). Every such case becomes a
 * plain-language reason, and nothing here ever modifies, moves or deletes what it reads.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DRAFT_FORMAT,
  DRAFT_SCHEMA_VERSION,
  type DraftDocument,
  draftDocumentSchema,
} from '../../../shared/release/draft-document.js';
import { migrateToCurrent, type MigrationDefaults } from '../../../shared/release/migrations.js';
import { isSafeAssetPath } from '../../../shared/release/release-fields.js';
import { fingerprint } from '../fs/atomic-file.js';
import { readPublishState } from './publish-state.js';

export const DRAFT_FOLDER_SUFFIX = '.pressroom';
export const DOCUMENT_FILE = 'release.json';
/** Far above any real release (text only; images live beside it), far below what hurts memory. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export type DraftRead = { ok: true; document: DraftDocument; etag: string } | { ok: false; reason: string };

const unreadable = (reason: string): DraftRead => ({ ok: false, reason });

export const draftFolderName = (id: string): string => `${id}${DRAFT_FOLDER_SUFFIX}`;

export const readDraftFolder = async (
  folderPath: string,
  defaults: MigrationDefaults,
): Promise<DraftRead> => {
  const folderStat = await lstat(folderPath).catch(() => null);
  if (!folderStat) return unreadable('The draft folder is missing.');
  if (folderStat.isSymbolicLink()) {
    return unreadable('The draft is a link to another place, which Pressroom does not follow.');
  }
  if (!folderStat.isDirectory()) return unreadable('This is a file, not a draft folder.');

  const filePath = join(folderPath, DOCUMENT_FILE);
  const fileStat = await lstat(filePath).catch(() => null);
  if (!fileStat) return unreadable(`The folder has no ${DOCUMENT_FILE}; the draft is incomplete.`);
  if (fileStat.isSymbolicLink()) {
    return unreadable('The draft file is a link to another place, which Pressroom does not follow.');
  }
  if (fileStat.size > MAX_DOCUMENT_BYTES) {
    return unreadable('The draft file is far too large to be a press release.');
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch {
    return unreadable('The draft file could not be read (check its permissions).');
  }
  const read = parseDraftBytes(bytes, defaults);
  if (!read.ok) return read;
  const missing = await missingAsset(folderPath, read.document);
  if (missing) return unreadable(missing);
  // Where it was published is kept beside the release (publish-state.ts) and wins over release.json.
  const { record } = await readPublishState(folderPath);
  return record ? { ...read, document: { ...read.document, publishRecord: record } } : read;
};

/** Every file the document names must be a real file inside the draft folder. */
const missingAsset = async (folderPath: string, document: DraftDocument): Promise<string | null> => {
  const files = document.featuredImage ? [document.featuredImage.file] : [];
  for (const file of files) {
    const info = await lstat(join(folderPath, file)).catch(() => null);
    if (!info) return `The image ${file} is missing from the draft folder.`;
    if (info.isSymbolicLink() || !info.isFile()) {
      return `The image ${file} is a link or not a file, which Pressroom does not follow.`;
    }
  }
  return null;
};

export const parseDraftBytes = (bytes: Buffer, defaults: MigrationDefaults): DraftRead => {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return unreadable('The draft file is damaged or incomplete (it is not valid JSON).');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== DRAFT_FORMAT) {
    return unreadable('This file is not a Pressroom draft.');
  }
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > DRAFT_SCHEMA_VERSION) {
    return unreadable('This draft was made by a newer version of Pressroom. Update Pressroom to open it.');
  }
  const image = (json as { featuredImage?: { file?: unknown } | null }).featuredImage;
  if (image && !isSafeAssetPath(image.file)) {
    return unreadable('The draft refers to a file outside its own folder, which Pressroom refuses to read.');
  }
  const parsed = draftDocumentSchema.safeParse(migrateToCurrent(json as Record<string, unknown>, defaults));
  if (!parsed.success) return unreadable('The draft file is damaged: some of its fields are invalid.');
  return { ok: true, document: parsed.data, etag: fingerprint(bytes) };
};

export const serialiseDraft = (document: DraftDocument): string => `${JSON.stringify(document, null, 2)}\n`;
