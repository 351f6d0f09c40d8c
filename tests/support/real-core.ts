/**
 * The real core as the renderer reaches it (compose.ts and the handler table), on a fresh temporary
 * folder: the library under `<root>/Documents/Pressroom`, the app's data under `<root>/user-data`.
 * Calling a handler directly skips only the contract's request check, which dispatcher.test.ts covers.
 */
import { join } from 'node:path';
import Conf from 'conf';
import { composeCore } from '../../electron/core/compose.js';
import { createHandlers } from '../../electron/core/handlers.js';
import { silentLogger } from '../../electron/core/logger.js';
import { memorySecrets } from '../../electron/core/sites/secret-store.js';

export const realCore = (root: string) => {
  const userData = join(root, 'user-data');
  const { core } = composeCore({
    store: new Conf<Record<string, unknown>>({ projectName: 'pressroom-test', cwd: userData }),
    documentsFolder: join(root, 'Documents'),
    userDataFolder: userData,
    folderPicker: null,
    logger: silentLogger,
    info: { name: 'Pressroom', version: 'test', shell: 'web', canPickFolders: false, platform: 'linux' },
    secrets: memorySecrets(),
    trash: { moveToTrash: async () => {} },
    undoWindowMs: 60_000,
  });
  return {
    core,
    handlers: createHandlers(core),
    userData,
    /** A draft's folder in the library. */
    folderOf: (id: string) => core.drafts.folderOf(id),
  };
};
