/**
 * What the command line assumes where the desktop app would read its settings: the CLI runs on
 * servers and in scripts without the app's settings store, so the machine's own time zone and
 * English stand in for the newsroom's (docs/cli.md says so).
 */
import type { MigrationDefaults } from '../../../shared/release/migrations.js';

export const DEFAULT_LANGUAGE = 'en';

/** The zone of this machine (honours TZ), as compose.ts does for a first start of the app. */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** For reading drafts written before releases had a zone or a language. */
export const cliDefaults = (): MigrationDefaults => ({
  timeZone: systemTimeZone(),
  language: DEFAULT_LANGUAGE,
});
