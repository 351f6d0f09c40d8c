/**
 * Builds the core services from the few facts a shell knows (where settings live, where the user's
 * Documents folder is). The Electron wiring, the browser-mode bridge and tests all call this.
 */
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import { type FileManager, systemFileManager } from './file-manager.js';
import type { Logger } from './logger.js';
import { join } from 'node:path';
import { fileSnapshots } from './catalog/catalog-snapshot.js';
import { LibraryCatalog } from './catalog/library-catalog.js';
import { DraftLibrary } from './drafts/draft-library.js';
import { nodeTrash, type OsTrash, PendingDeletes } from './drafts/pending-deletes.js';
import { RecentDrafts } from './drafts/recent-drafts.js';
import { RecoveryJournal } from './drafts/recovery-journal.js';
import { Thumbnails } from './images/thumbnails.js';
import { PublishService } from './publishing/publish-service.js';
import { Outbox } from './publishing/outbox.js';
import { noSecretStore, type SecretStore } from './sites/secret-store.js';
import { SiteRegistry } from './sites/site-registry.js';
import { SiteService } from './sites/site-service.js';
import { SiteConnections } from './sites/site-connections.js';
import { SiteCache } from './sites/site-cache.js';
import { SitePosts } from './sites/site-posts.js';
import { SiteThumbnails } from './sites/site-thumbnails.js';
import { EventHub } from './events.js';
import type { CoreServices, FolderPicker } from './handlers.js';
import { defaultLibraryFolder, type KeyValueStore, SettingsService } from './settings/settings-service.js';

export interface CoreEnvironment {
  store: KeyValueStore;
  documentsFolder: string;
  info: ResponseOf<'app.info'>;
  folderPicker: FolderPicker | null;
  /** Electron's shell in the desktop app; the OS command elsewhere. */
  fileManager?: FileManager;
  logger: Logger;
  /** The app's own data folder (settings live there); unsaved work is journalled in it. */
  userDataFolder: string;
  /** For tests; otherwise the OS zone. */
  systemTimeZone?: string;
  /** Electron's shell.trashItem in the desktop app; the `trash` package elsewhere. */
  trash?: OsTrash;
  /** How long a delete can be undone before the draft goes to the OS trash. */
  undoWindowMs?: number;
  /** Where site passwords are kept (safeStorage in the desktop app); none by default. */
  secrets?: SecretStore;
  /** Where WordPress's approval screen sends the browser back (read when a connection starts). */
  connectCallbackUrl?: () => string;
}

export const NO_SECRETS_HERE =
  'Pressroom cannot keep passwords safely here. Use the desktop app, or set PRESSROOM_APP_PASSWORD.';

export const composeCore = (env: CoreEnvironment): { core: CoreServices; events: EventHub } => {
  const events = new EventHub();
  const settings = new SettingsService(
    env.store,
    {
      libraryFolder: defaultLibraryFolder(env.documentsFolder),
      language: 'system',
      timeZone: env.systemTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
      releaseLanguage: 'en',
    },
    events,
  );
  const releaseDefaults = () => {
    const { timeZone, releaseLanguage } = settings.get();
    return { timeZone, language: releaseLanguage };
  };
  const journal = new RecoveryJournal(join(env.userDataFolder, 'recovery'));
  const drafts = new DraftLibrary({
    journal,
    folder: () => settings.get().libraryFolder,
    releaseDefaults,
    events,
    logger: env.logger,
  });
  const siteCacheFolder = join(env.userDataFolder, 'site-cache');
  const siteCache = new SiteCache({ folder: siteCacheFolder, logger: env.logger });
  const sites = new SiteService({
    registry: new SiteRegistry(env.store),
    secrets: env.secrets ?? noSecretStore(NO_SECRETS_HERE),
    // Called only later, when a site is removed: by then siteThumbnails exists.
    onRemoved: (site): Promise<void> => siteThumbnails.forget(site.id),
  });
  const siteThumbnails = new SiteThumbnails({
    folder: join(siteCacheFolder, 'thumbnails'),
    sites,
    cache: siteCache,
    logger: env.logger,
  });
  const publisher = new PublishService(drafts, sites, events);
  const outbox = new Outbox({
    file: join(env.userDataFolder, 'outbox.json'),
    send: (item, signal) => publisher.sendQueued(item, signal),
    onChange: (items) => events.emit('outbox.changed', { items }),
    logger: env.logger,
  });
  const outboxReady = outbox.load().catch((error: unknown) => {
    env.logger.error('outbox: could not read the queue; publishing goes on without it', { error });
  });
  publisher.useOutbox(outbox, outboxReady);
  const connections = new SiteConnections(sites, env.connectCallbackUrl ?? (() => 'pressroom://connect'));
  const recent = new RecentDrafts(env.store, () => settings.get().libraryFolder);
  // Read before the delete is final: the title names the draft in a "could not move" message.
  const titles = new Map<string, string>();
  const deletes = new PendingDeletes({
    trash: env.trash ?? nodeTrash(),
    folderOf: (id) => drafts.folderOf(id),
    logger: env.logger,
    ...(env.undoWindowMs === undefined ? {} : { undoWindowMs: env.undoWindowMs }),
    onChange: (change) => {
      if (change.change === 'hidden') events.emit('library.changed', { reason: 'deleted' });
      if (change.change === 'restored') events.emit('library.changed', { reason: 'restored' });
      if (change.change === 'trashed') {
        recent.forget(change.id);
        events.emit('library.changed', { reason: 'trashed' });
      }
      if (change.change === 'failed') {
        events.emit('drafts.trashFailed', { id: change.id, title: titles.get(change.id) ?? '' });
        events.emit('library.changed', { reason: 'restored' });
      }
      if (change.change !== 'hidden') titles.delete(change.id);
    },
  });
  const snapshots = fileSnapshots(join(env.userDataFolder, 'catalog-cache.json'), env.logger);
  const catalog = new LibraryCatalog(() => settings.get().libraryFolder, releaseDefaults, {
    isHidden: (id) => deletes.isPending(id),
    // Changes from elsewhere (a synced folder, the CLI) show within this; this app's own at once.
    rescanAfterMs: 2_000,
    snapshots,
    onExternalChange: () => events.emit('library.changed', { reason: 'external' }),
  });
  events.subscribe((event, payload) => {
    // This app changed the library: the next listing must show it. (An external change was just read.)
    if (event === 'library.changed' && (payload as { reason: string }).reason !== 'external') {
      catalog.invalidate();
    }
  });
  return {
    core: {
      info: env.info,
      settings,
      drafts,
      catalog,
      journal,
      recent,
      deletes,
      deletedTitles: titles,
      thumbnails: new Thumbnails(env.logger),
      sites,
      publisher,
      outbox,
      sitePosts: new SitePosts(sites, siteCache, drafts, events),
      siteThumbnails,
      connections,
      // The approval's callback (pressroom://connect, or browser mode's loopback address).
      completeConnection: async (query: URLSearchParams) => {
        const result = await connections.complete(query);
        events.emit(
          'sites.connection',
          result.ok
            ? { ok: true, site: result.site, check: result.check, message: null }
            : { ok: false, site: null, check: null, message: result.message },
        );
        return result.ok ? { ok: true, message: null } : { ok: false, message: result.message };
      },
      // Deletes still inside their undo window go to the trash, as the user asked; the catalog is kept.
      beforeQuit: async () => {
        await outbox.stop();
        await deletes.flush();
        await snapshots.flush();
      },
      folderPicker: env.folderPicker,
      fileManager: env.fileManager ?? systemFileManager(),
    },
    events,
  };
};
