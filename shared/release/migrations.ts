/**
 * Bringing a stored document of an older major version up to the current one, one step at a time.
 * Each step is pure and only adds or reshapes fields; nothing a user wrote is dropped.
 */
import { DRAFT_SCHEMA_VERSION } from './draft-document.js';

type Stored = Record<string, unknown>;

export interface MigrationDefaults {
  /** The newsroom's time zone from settings, for documents written before releases had one. */
  timeZone: string;
  language: string;
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'dv', 'yi']);

/** The writing direction of a language tag. */
export const directionOf = (language: string): 'ltr' | 'rtl' =>
  RTL_LANGUAGES.has(language.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';

/** The fields a release has beyond title and body, as a new draft gets them. */
export const releaseDefaults = (defaults: MigrationDefaults) => ({
  slug: '',
  schedule: { local: null, timeZone: defaults.timeZone },
  datelineCity: '',
  intendedStatus: 'draft' as const,
  featuredImage: null,
  excerpt: '',
  categories: [] as string[],
  tags: [] as string[],
  relatedPosts: [],
  language: defaults.language,
  direction: directionOf(defaults.language),
  targetSite: null,
  publishRecord: null,
});

const steps: Record<number, (document: Stored, defaults: MigrationDefaults) => Stored> = {
  // 1 → 2: the full release model; version 1 held only id, title and body.
  1: (document, defaults) => ({ ...releaseDefaults(defaults), ...document, schemaVersion: 2 }),
};

/** The document at the current major version; unknown or newer versions are returned unchanged. */
export const migrateToCurrent = (document: Stored, defaults: MigrationDefaults): Stored => {
  let current = document;
  while (typeof current.schemaVersion === 'number' && current.schemaVersion < DRAFT_SCHEMA_VERSION) {
    const step = steps[current.schemaVersion];
    if (!step) break;
    current = step(current, defaults);
  }
  return current;
};

