import { LibraryCatalog } from '../../electron/core/catalog/library-catalog.js';
import { DraftLibrary, type DraftLibraryOptions } from '../../electron/core/drafts/draft-library.js';
import { EventHub } from '../../electron/core/events.js';

/** The newsroom defaults the unit tests use: Istanbul, English. */
export const istanbul = () => ({ timeZone: 'Europe/Istanbul', language: 'en' });

/** A real DraftLibrary on `folder`, with test defaults that `overrides` may replace. */
export const testLibrary = (folder: string, overrides: Partial<DraftLibraryOptions> = {}): DraftLibrary =>
  new DraftLibrary({ folder: () => folder, events: new EventHub(), releaseDefaults: istanbul, ...overrides });

/** A TipTap document of one paragraph. */
export const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** The library listing as the app shows it (the catalog), for `folder`. */
export const listLibrary = (folder: string) => new LibraryCatalog(() => folder, istanbul).query();
