import { vi } from 'vitest';
import type { Handlers } from '../../electron/core/ipc/dispatcher.js';

/** A handler table whose every method records its calls, for tests of the transport layers. */
export const recordingHandlers = () => {
  const calls: { method: string; request: unknown }[] = [];
  const record =
    (method: string, answer: unknown = null) =>
    async (request: unknown) => {
      calls.push({ method, request });
      return answer;
    };
  const handlers = {
    'app.info': record('app.info', {
      name: 'Pressroom',
      version: '0',
      shell: 'web',
      canPickFolders: false,
      platform: 'linux',
    }),
    'settings.get': record('settings.get'),
    'settings.setLanguage': record('settings.setLanguage'),
    'settings.setReleaseDefaults': record('settings.setReleaseDefaults'),
    'settings.setLibraryFolder': record('settings.setLibraryFolder'),
    'settings.chooseLibraryFolder': record('settings.chooseLibraryFolder'),
    'drafts.list': record('drafts.list', { folder: '/x', drafts: [], unreadable: [] }),
    'drafts.create': record('drafts.create'),
    'drafts.open': record('drafts.open'),
    'drafts.recovered': record('drafts.recovered', []),
    'drafts.restoreRecovered': record('drafts.restoreRecovered'),
    'drafts.reveal': record('drafts.reveal'),
    'drafts.resolveConflict': record('drafts.resolveConflict'),
    'drafts.save': record('drafts.save', { etag: 'e2', updatedAt: '2026-11-25T00:00:00.000Z' }),
  } as unknown as Handlers;
  return { handlers, calls, spy: vi.fn() };
};
