/**
 * The draft library: a folder of self-contained draft folders (`<id>.pressroom/release.json`).
 *
 * Guarantees: a new draft appears whole or not at all (it is assembled in a hidden folder and renamed
 * into place); a save is atomic; a save whose base fingerprint no longer matches the file (someone
 * else changed it, e.g. through a synced folder) is refused instead of overwriting their work; a save
 * never writes a document that would not read back (every field is checked, and a featured image
 * must be a real file in the draft's own folder).
 */
import { randomUUID } from 'node:crypto';
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import {
  DRAFT_FORMAT,
  DRAFT_SCHEMA_VERSION,
  type DraftDocument,
  draftDocumentSchema,
  emptyBody,
  type RichTextNode,
} from '../../../shared/release/draft-document.js';
import { type MigrationDefaults, releaseDefaults } from '../../../shared/release/migrations.js';
import type { ReleaseDetails } from '../../../shared/release/release-details.js';
import { isSafeAssetPath } from '../../../shared/release/release-fields.js';
import type { EventSink } from '../events.js';
import type { RecoveryJournal } from './recovery-journal.js';
import { type Logger, silentLogger } from '../logger.js';
import { fingerprint, writeFileAtomically } from '../fs/atomic-file.js';
import { DOCUMENT_FILE, draftFolderName, readDraftFolder, serialiseDraft } from './draft-files.js';
import { duplicateDraft } from './duplicate-draft.js';

export interface OpenedDraft {
  document: DraftDocument;
  etag: string;
}

/** What a new draft may start with: any release fields, and the files its fields refer to. */
export type DraftInit = Partial<
  Omit<DraftDocument, 'format' | 'schemaVersion' | 'id' | 'createdAt' | 'updatedAt'>
> & {
  /** Files to place in the draft's folder, e.g. `{ file: 'assets/featured.jpg', bytes }`. */
  assets?: { file: string; bytes: Uint8Array }[];
};

/** One save from the editor: its title and body, and the details panel's fields it changed. */
export interface DraftChange {
  id: string;
  title: string;
  body: RichTextNode;
  /** Detail fields to set; those left out (or undefined) keep their stored values. */
  details?: Partial<ReleaseDetails> | undefined;
  /** The fingerprint of the file the editor started from (see `OpenedDraft.etag`). */
  baseEtag: string;
}

/** Shown when a save or conflict resolution names a featured image the draft's folder does not hold. */
export const FEATURED_IMAGE_MISSING =
  "The featured image file is missing from the draft's folder; choose the picture again.";

/** The detail fields actually given: an undefined value means "unchanged", never "remove". */
export const givenDetails = (details: Partial<ReleaseDetails> | undefined): Partial<ReleaseDetails> =>
  Object.fromEntries(
    Object.entries(details ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<ReleaseDetails>;

/** Refuses a document that would not read back, naming the fields (never their values). */
export const checkDocument = (document: DraftDocument): void => {
  const parsed = draftDocumentSchema.safeParse(document);
  if (parsed.success) return;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
  throw new AppFailure(
    'invalid-request',
    `The draft was not saved: some of its details are not valid (${fields}). Correct them and try again.`,
    { fields },
  );
};

export interface DraftLibraryOptions {
  /** The library folder; read on every call because the user can move it in settings. */
  folder: () => string;
  /** The newsroom's zone and language, for new drafts and for migrating old ones. */
  releaseDefaults: () => MigrationDefaults;
  events: EventSink;
  logger?: Logger;
  /** Where edits that could not be saved are kept until they can be (see recovery-journal.ts). */
  journal?: RecoveryJournal | null;
  /** The atomic write; replaceable so tests can make the disk fail. */
  write?: (path: string, content: string) => Promise<void>;
  now?: () => Date;
  newId?: () => string;
}

export class DraftLibrary {
  private readonly options: Required<DraftLibraryOptions>;
  /** One save at a time per draft, so a check-then-write cannot interleave with another. */
  private readonly saving = new Map<string, Promise<unknown>>();

  constructor(options: DraftLibraryOptions) {
    this.options = {
      now: () => new Date(),
      newId: () => randomUUID(),
      logger: silentLogger,
      journal: null,
      write: (path, content) => writeFileAtomically(path, content),
      ...options,
    };
  }

  async create(init: DraftInit = {}): Promise<OpenedDraft> {
    const folder = this.options.folder();
    const id = this.options.newId();
    const stamp = this.options.now().toISOString();
    const { assets = [], ...fields } = init;
    const candidate = {
      format: DRAFT_FORMAT,
      schemaVersion: DRAFT_SCHEMA_VERSION,
      id,
      title: '',
      ...releaseDefaults(this.options.releaseDefaults()),
      body: emptyBody(),
      ...fields,
      createdAt: stamp,
      updatedAt: stamp,
    };
    const parsed = draftDocumentSchema.safeParse(candidate);
    if (!parsed.success) {
      const fieldNames = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
      throw new AppFailure('invalid-request', `The new draft has invalid fields: ${fieldNames}.`, {
        fields: fieldNames,
      });
    }
    if (assets.some((asset) => !isSafeAssetPath(asset.file))) {
      throw new AppFailure('invalid-request', 'A file of the new draft would lie outside its folder.');
    }
    const document = parsed.data;
    const content = serialiseDraft(document);
    await this.ensureFolder(folder);
    // Assemble the draft in a hidden folder, then rename it into place in one step: it appears whole
    // or not at all.
    const staging = join(folder, `.${id}.creating`);
    try {
      await mkdir(join(staging, 'assets'), { recursive: true });
      for (const asset of assets) await writeFileAtomically(join(staging, asset.file), asset.bytes);
      await writeFileAtomically(join(staging, DOCUMENT_FILE), content);
      await rename(staging, join(folder, draftFolderName(id)));
    } catch (error) {
      await rm(staging, { recursive: true, force: true }).catch(() => {});
      throw this.storageFailure('create the draft', folder, error);
    }
    this.options.events.emit('library.changed', { reason: 'created' });
    return { document, etag: fingerprint(content) };
  }

  async open(id: string): Promise<OpenedDraft> {
    const read = await readDraftFolder(this.folderOf(id), this.options.releaseDefaults());
    if (!read.ok) {
      if (read.reason === 'The draft folder is missing.') {
        throw new AppFailure('not-found', 'This draft is no longer in the library folder.');
      }
      throw new AppFailure('unreadable', `This draft can't be opened: ${read.reason}`);
    }
    if (read.document.id !== id) {
      throw new AppFailure('unreadable', "This draft can't be opened: its folder and its id disagree.");
    }
    return { document: read.document, etag: read.etag };
  }

  save(change: DraftChange): Promise<{ etag: string; updatedAt: string }> {
    const previous = this.saving.get(change.id) ?? Promise.resolve();
    const next = previous
      .catch(() => {})
      .then(() => this.saveNow(change))
      .then(
        async (saved) => {
          await this.options.journal?.forget(change.id).catch(() => {});
          return saved;
        },
        async (error: unknown) => {
          await this.keepUnsaved(change, error);
          throw error;
        },
      );
    this.saving.set(change.id, next);
    const forget = () => {
      if (this.saving.get(change.id) === next) this.saving.delete(change.id);
    };
    next.then(forget, forget);
    return next;
  }

  private async saveNow(change: DraftChange): Promise<{ etag: string; updatedAt: string }> {
    const current = await this.open(change.id);
    const updatedAt = this.options.now().toISOString();
    const details = givenDetails(change.details);
    // Spread the stored document first so fields from a newer Pressroom are kept, not dropped.
    const document: DraftDocument = {
      ...current.document,
      ...details,
      title: change.title,
      body: change.body,
      updatedAt,
    };
    // Checked before anything else: a change that could never be saved is not reported as a conflict.
    checkDocument(document);
    if (details.featuredImage) await this.checkFeaturedImage(change.id, details.featuredImage.file);
    if (current.etag !== change.baseEtag) {
      throw new AppFailure(
        'conflict',
        'This draft was changed outside Pressroom since you opened it. Your edits were not saved over it; copy them, then reopen the draft.',
      );
    }
    const content = serialiseDraft(document);
    try {
      await this.options.write(join(this.folderOf(change.id), DOCUMENT_FILE), content);
    } catch (error) {
      throw this.storageFailure('save the draft', this.options.folder(), error);
    }
    this.options.events.emit('library.changed', { reason: 'saved' });
    return { etag: fingerprint(content), updatedAt };
  }

  /** A copy of a readable draft, with its images and without its publish record (duplicate-draft.ts). */
  duplicate(id: string, copySuffix: string): Promise<OpenedDraft> {
    const { folder, releaseDefaults, events, now, newId } = this.options;
    return duplicateDraft(id, copySuffix, {
      folder: folder(),
      defaults: releaseDefaults(),
      events,
      now,
      newId,
    });
  }

  /** The journal's copy of a draft's unsaved edits is no longer needed (they are in a draft now). */
  async forgetUnsaved(id: string): Promise<void> {
    await this.options.journal?.forget(id);
  }

  /**
   * A new featured image must be a file of the draft's own folder, as reading the draft requires
   * (draft-files.ts): a plain file, not a link, or the saved draft could no longer be opened.
   */
  private async checkFeaturedImage(id: string, file: string): Promise<void> {
    const info = isSafeAssetPath(file) ? await lstat(join(this.folderOf(id), file)).catch(() => null) : null;
    if (!info?.isFile()) throw new AppFailure('invalid-request', FEATURED_IMAGE_MISSING, { file });
  }

  /** A refused save leaves the edits only in the editor: keep a copy where a restart can find it. */
  private async keepUnsaved(change: DraftChange, error: unknown) {
    const journal = this.options.journal;
    if (!journal || !(error instanceof AppFailure) || !['storage', 'conflict'].includes(error.code)) return;
    try {
      const { id, title, body } = change;
      const details = givenDetails(change.details);
      await journal.keep({
        id,
        title,
        body,
        ...(Object.keys(details).length > 0 ? { details } : {}),
        keptAt: this.options.now().toISOString(),
        reason: error.code,
      });
    } catch (journalError) {
      this.options.logger.error('drafts: could not keep unsaved work in the recovery journal', {
        error: journalError,
      });
    }
  }

  /** Logs the system's own error (for support) and turns it into advice for the user. */
  private storageFailure(action: string, folder: string, error: unknown): AppFailure {
    this.options.logger.error(`drafts: could not ${action}`, { folder, error });
    return storageFailure(action, folder, error);
  }

  /** The folder of a draft (which may not exist). */
  folderOf(id: string): string {
    return join(this.options.folder(), draftFolderName(id));
  }

  private async ensureFolder(folder: string): Promise<void> {
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw this.storageFailure('create the library folder', folder, error);
    }
  }
}

const storageFailure = (action: string, folder: string, error: unknown): AppFailure => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const hint =
    code === 'ENOSPC'
      ? 'The disk is full; free some space and try again.'
      : code === 'EACCES' || code === 'EPERM'
        ? 'Pressroom is not allowed to write there; check the folder permissions or choose another library folder in Settings.'
        : 'Check that the folder is available (for example that a network or synced drive is connected) and try again.';
  return new AppFailure('storage', `Pressroom could not ${action}. ${hint}`, { folder });
};
