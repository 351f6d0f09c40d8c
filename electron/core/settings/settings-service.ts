/**
 * The user's settings: where the library lives and which language the UI speaks.
 *
 * Storage sits behind `KeyValueStore`, which both `conf` (browser mode, CLI) and `electron-store`
 * (the desktop app; it is built on conf) satisfy, so the same file format serves every shell.
 */
import { access, constants, mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { AppFailure } from '../../../shared/contract/result.js';
import { isKnownTimeZone } from '../../../shared/release/release-date.js';
import { type Settings, settingsSchema } from '../../../shared/settings/settings-schema.js';
import type { EventSink } from '../events.js';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const SETTINGS_KEY = 'settings';

export const defaultLibraryFolder = (documentsFolder: string): string => join(documentsFolder, 'Pressroom');

export class SettingsService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly defaults: Settings,
    private readonly events: EventSink,
  ) {}

  get(): Settings {
    // A settings file edited by hand or by an older build must not stop the app from starting.
    // Defaults first, so a file from an older build (without newer fields) keeps its values.
    const stored = this.store.get(SETTINGS_KEY);
    const merged =
      typeof stored === 'object' && stored !== null ? { ...this.defaults, ...stored } : this.defaults;
    const parsed = settingsSchema.safeParse(merged);
    return parsed.success ? parsed.data : this.defaults;
  }

  setLanguage(language: Settings['language']): Settings {
    const next: Settings = { ...this.get(), language };
    this.store.set(SETTINGS_KEY, next);
    return next;
  }

  setReleaseDefaults(defaults: Pick<Settings, 'timeZone' | 'releaseLanguage'>): Settings {
    if (!isKnownTimeZone(defaults.timeZone)) {
      throw new AppFailure(
        'invalid-request',
        `“${defaults.timeZone}” is not a time zone Pressroom knows. Choose one from the list.`,
      );
    }
    const next: Settings = { ...this.get(), ...defaults };
    this.store.set(SETTINGS_KEY, next);
    return next;
  }

  async setLibraryFolder(requested: string): Promise<Settings> {
    if (!isAbsolute(requested)) {
      throw new AppFailure(
        'invalid-request',
        'Enter the full path of a folder, for example /Users/you/Documents/Pressroom.',
      );
    }
    const folder = resolve(requested);
    try {
      await mkdir(folder, { recursive: true });
      const info = await stat(folder);
      if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      await access(folder, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOTDIR' || code === 'EEXIST'
          ? 'That path is a file, not a folder.'
          : code === 'EACCES' || code === 'EPERM'
            ? 'Pressroom is not allowed to write in that folder.'
            : 'That folder could not be created or opened.';
      throw new AppFailure('storage', `${reason} Choose another folder.`, { folder });
    }
    const next: Settings = { ...this.get(), libraryFolder: folder };
    this.store.set(SETTINGS_KEY, next);
    this.events.emit('library.changed', { reason: 'folder-changed' });
    return next;
  }
}
