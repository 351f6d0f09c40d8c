/**
 * The handler table: one line per contract method, each calling into a core service. Electron's
 * main process and the browser-mode bridge both register exactly this table.
 */
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import { AppFailure } from '../../shared/contract/result.js';
import type { FileManager } from './file-manager.js';
import type { LibraryCatalog } from './catalog/library-catalog.js';
import type { PendingDeletes } from './drafts/pending-deletes.js';
import type { RecentDrafts } from './drafts/recent-drafts.js';
import type { RecoveryJournal } from './drafts/recovery-journal.js';
import type { Thumbnails } from './images/thumbnails.js';
import type { SiteService } from './sites/site-service.js';
import type { SiteConnections } from './sites/site-connections.js';
import type { SitePosts } from './sites/site-posts.js';
import type { SiteThumbnails } from './sites/site-thumbnails.js';
import type { PublishService } from './publishing/publish-service.js';
import type { Outbox } from './publishing/outbox.js';
import type { Handlers } from './ipc/dispatcher.js';
import type { DraftLibrary } from './drafts/draft-library.js';
import { resolveConflict } from './drafts/resolve-conflict.js';
import { restoreRecovered } from './drafts/restore-recovered.js';
import { importImage } from './images/import-image.js';
import type { SettingsService } from './settings/settings-service.js';

/** The OS folder picker, which only the desktop shell has. */
export interface FolderPicker {
  chooseFolder(current: string): Promise<string | null>;
}

export interface CoreServices {
  catalog: LibraryCatalog;
  journal: RecoveryJournal;
  fileManager: FileManager;
  info: ResponseOf<'app.info'>;
  settings: SettingsService;
  drafts: DraftLibrary;
  folderPicker: FolderPicker | null;
  recent: RecentDrafts;
  deletes: PendingDeletes;
  /** Titles of drafts whose delete is pending, for the message if the move to the trash fails. */
  deletedTitles: Map<string, string>;
  thumbnails: Thumbnails;
  sites: SiteService;
  publisher: PublishService;
  outbox: Outbox;
  connections: SiteConnections;
  sitePosts: SitePosts;
  siteThumbnails: SiteThumbnails;
  completeConnection(query: URLSearchParams): Promise<{ ok: boolean; message: string | null }>;
  /** Finishes what must not be lost when the app quits (pending deletes, the catalog snapshot). */
  beforeQuit(): Promise<void>;
}

export const createHandlers = (core: CoreServices): Handlers => ({
  'app.info': async () => core.info,
  'settings.get': async () => core.settings.get(),
  'settings.setLibraryFolder': ({ path }) => core.settings.setLibraryFolder(path),
  'settings.setLanguage': async ({ language }) => core.settings.setLanguage(language),
  'settings.setReleaseDefaults': async (defaults) => core.settings.setReleaseDefaults(defaults),
  'settings.chooseLibraryFolder': async () => {
    if (!core.folderPicker) {
      throw new AppFailure(
        'not-supported',
        'Choosing a folder is not available here; type its path instead.',
      );
    }
    const chosen = await core.folderPicker.chooseFolder(core.settings.get().libraryFolder);
    return chosen === null ? null : core.settings.setLibraryFolder(chosen);
  },
  'drafts.list': async (query) => {
    const listing = await core.catalog.query(query);
    // The library shows releases waiting in the outbox, or failed there, beside their status.
    const pending = new Map(
      core.outbox
        .list()
        .filter((item) => ['queued', 'sending', 'waiting', 'failed'].includes(item.state))
        .reverse()
        .map((item) => [
          item.draftId,
          { state: item.state as 'queued' | 'sending' | 'waiting' | 'failed', message: item.lastError },
        ]),
    );
    return {
      ...listing,
      drafts: listing.drafts.map((draft) =>
        pending.has(draft.id) ? { ...draft, outbox: pending.get(draft.id)! } : draft,
      ),
    };
  },
  'drafts.create': ({ title }) => core.drafts.create(title === undefined ? {} : { title }),
  'drafts.open': async ({ id }) => {
    if (core.deletes.isPending(id)) throw new AppFailure('not-found', 'This draft was deleted.');
    const opened = await core.drafts.open(id);
    core.recent.opened(id);
    return opened;
  },
  'drafts.duplicate': ({ id, copySuffix }) => core.drafts.duplicate(id, copySuffix),
  'drafts.delete': async ({ id }) => {
    // Only a draft Pressroom can read is deleted: a damaged or foreign one is never touched.
    const { document } = await core.drafts.open(id);
    core.deletedTitles.set(id, document.title);
    return core.deletes.delete(id);
  },
  'drafts.undoDelete': async ({ id }) => ({ restored: core.deletes.undo(id) }),
  'drafts.recent': async () => {
    const { drafts } = await core.catalog.query();
    const byId = new Map(drafts.map((draft) => [draft.id, draft]));
    return core.recent.list((id) => byId.has(id)).flatMap((id) => byId.get(id) ?? []);
  },
  'drafts.thumbnail': async ({ id }) => {
    // The list asks right after listing, so the catalog normally knows the draft already.
    if (!core.catalog.cachedSummary(id)) await core.catalog.query();
    const file = core.catalog.cachedSummary(id)?.thumbnail;
    if (!file) return null;
    const dataUrl = await core.thumbnails.of(core.drafts.folderOf(id), file);
    return dataUrl === null ? null : { dataUrl };
  },
  'drafts.save': (change) => core.drafts.save(change),
  'drafts.importImage': async (request) => {
    if (core.deletes.isPending(request.id)) throw new AppFailure('not-found', 'This draft was deleted.');
    return importImage(core.drafts, request);
  },
  'drafts.recovered': async () =>
    (await core.journal.list()).map(({ id, title, keptAt, reason }) => ({ id, title, keptAt, reason })),
  'drafts.restoreRecovered': (request) => restoreRecovered(core.drafts, core.journal, request),
  'drafts.reveal': async ({ id }) => {
    const folder = core.drafts.folderOf(id);
    await core.drafts.open(id); // a clear "not found" rather than a file manager error
    try {
      await core.fileManager.reveal(folder);
    } catch {
      throw new AppFailure(
        'not-supported',
        `No file manager could be opened here. The draft is in ${folder}.`,
        { folder },
      );
    }
    return null;
  },
  'drafts.resolveConflict': (choice) => resolveConflict(core.drafts, choice),
  'sites.list': async () => core.sites.list(),
  'sites.passwordStorage': async () => {
    const availability = await core.sites.passwordStorage();
    return availability.available
      ? { available: true, reason: null }
      : { available: false, reason: availability.reason };
  },
  'sites.add': async ({ password, ...fields }) => {
    const { site } = await core.sites.add({ ...fields, password }, { requireSecretStore: true });
    return { site, check: (await core.sites.test(site.id)).check };
  },
  'sites.update': ({ id, ...changes }) =>
    core.sites.update(
      id,
      Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
    ),
  'sites.remove': async ({ id }) => {
    await core.sites.remove(id);
    await core.sitePosts.forget(id);
    return null;
  },
  'sites.test': async ({ id }) => (await core.sites.test(id)).check,
  'sites.connect': async (request) => core.connections.start(request),
  'sites.posts': ({ siteId, search, status }) =>
    core.sitePosts.list(siteId, { ...(search ? { search } : {}), ...(status ? { status } : {}) }),
  'sites.refresh': ({ siteId }) => core.sitePosts.refresh(siteId),
  'sites.openPost': ({ siteId, postId }) => core.sitePosts.open(siteId, postId),
  'sites.postThumbnail': ({ siteId, postId }) => core.siteThumbnails.of(siteId, postId),
  'sites.terms': ({ siteId }) => core.sitePosts.terms(siteId),
  'publish.release': (command) =>
    core.publisher.publish(
      Object.fromEntries(
        Object.entries(command).filter(([, value]) => value !== undefined),
      ) as typeof command,
    ),
  'publish.cancel': async ({ draftId }) => core.publisher.cancel(draftId),
  'outbox.list': async () => core.outbox.list(),
  'outbox.cancel': ({ id }) => core.outbox.cancel(id),
  'outbox.retry': ({ id }) => core.outbox.retryNow(id),
  'outbox.networkChanged': async ({ online }) => {
    core.outbox.networkChanged(online);
    return null;
  },
});
