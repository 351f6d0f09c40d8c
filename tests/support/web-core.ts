import Conf from 'conf';
import { join } from 'node:path';
import { composeCore } from '../../electron/core/compose.js';
import type { FileManager } from '../../electron/core/file-manager.js';
import { createHandlers } from '../../electron/core/handlers.js';
import { silentLogger } from '../../electron/core/logger.js';

/** The real core as browser mode composes it, with settings and documents in `folder`. */
export const realCore = (folder: string, fileManager?: FileManager) => {
  const store = new Conf<Record<string, unknown>>({
    projectName: 'pressroom-test',
    cwd: join(folder, 'user-data'),
  });
  const { core, events } = composeCore({
    store,
    documentsFolder: join(folder, 'Documents'),
    folderPicker: null,
    userDataFolder: join(folder, 'user-data'),
    ...(fileManager ? { fileManager } : {}),
    logger: silentLogger,
    info: {
      name: 'Pressroom',
      version: 'test',
      shell: 'web',
      canPickFolders: false,
      platform: process.platform,
    },
  });
  return { core, events, handlers: createHandlers(core) };
};
