/**
 * Builds the core services from the few facts a shell knows (where settings live, where the user's
 * Documents folder is). The Electron wiring, the browser-mode bridge and tests all call this.
 */
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import { type FileManager, systemFileManager } from './file-manager.js';
import type { Logger } from './logger.js';
import { DraftLibrary } from './drafts/draft-library.js';
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
  const drafts = new DraftLibrary({
    folder: () => settings.get().libraryFolder,
    releaseDefaults: () => {
      const { timeZone, releaseLanguage } = settings.get();
      return { timeZone, language: releaseLanguage };
    },
    events,
    logger: env.logger,
  });
  return {
    core: {
      info: env.info,
      settings,
      drafts,
      folderPicker: env.folderPicker,
      fileManager: env.fileManager ?? systemFileManager(),
    },
    events,
  };
};
