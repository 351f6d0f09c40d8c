/**
 * The handler table: one line per contract method, each calling into a core service. Electron's
 * main process and the browser-mode bridge both register exactly this table.
 */
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import { AppFailure } from '../../shared/contract/result.js';
import type { FileManager } from './file-manager.js';
import type { LibraryCatalog } from './catalog/library-catalog.js';
import type { RecoveryJournal } from './drafts/recovery-journal.js';
import type { Handlers } from './ipc/dispatcher.js';
import type { DraftLibrary } from './drafts/draft-library.js';
import { resolveConflict } from './drafts/resolve-conflict.js';
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
  'drafts.list': (query) => core.catalog.query(query),
  'drafts.create': ({ title }) => core.drafts.create(title === undefined ? {} : { title }),
  'drafts.open': ({ id }) => core.drafts.open(id),
  'drafts.save': (change) => core.drafts.save(change),
  'drafts.recovered': async () =>
    (await core.journal.list()).map(({ id, title, keptAt, reason }) => ({ id, title, keptAt, reason })),
  'drafts.restoreRecovered': async ({ id, copySuffix }) => {
    const work = await core.journal.get(id);
    if (!work) throw new AppFailure('not-found', 'That unsaved work was already restored.');
    const restored = await core.drafts.create({
      title: `${work.title} ${copySuffix}`.trim(),
      body: work.body,
    });
    await core.journal.forget(id);
    return restored;
  },
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
});
