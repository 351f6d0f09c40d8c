/**
 * Builds the core services from the few facts a shell knows (where settings live, where the user's
 * Documents folder is). The Electron wiring, the browser-mode bridge and tests all call this.
 */
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import { type FileManager, systemFileManager } from './file-manager.js';
import type { Logger } from './logger.js';
import { join } from 'node:path';
import { LibraryCatalog } from './catalog/library-catalog.js';
import { DraftLibrary } from './drafts/draft-library.js';
import { RecoveryJournal } from './drafts/recovery-journal.js';
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
}

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
  const catalog = new LibraryCatalog(() => settings.get().libraryFolder, releaseDefaults);
  const journal = new RecoveryJournal(join(env.userDataFolder, 'recovery'));
  const drafts = new DraftLibrary({
    journal,
    folder: () => settings.get().libraryFolder,
    releaseDefaults,
    events,
    logger: env.logger,
  });
  return {
    core: {
      info: env.info,
      settings,
      drafts,
      catalog,
      journal,
      folderPicker: env.folderPicker,
      fileManager: env.fileManager ?? systemFileManager(),
    },
    events,
  };
};
