/**
 * `--date` and `--timezone`: a wall-clock time in an IANA zone, checked with the same rules as
 * preflight (shared/release/release-date.ts) so a date the CLI accepts is one the app accepts.
 */
import { isKnownTimeZone, toUtc } from '../../../shared/release/release-date.js';
import type { Schedule } from '../../../shared/release/release-fields.js';
import { usageError } from '../cli-errors.js';
import { systemTimeZone } from '../drafts/cli-defaults.js';

export interface ScheduleInput {
  schedule: Schedule;
  /** A remark for stderr when the time is valid but worth knowing about (repeated by a DST change). */
  note: string | null;
}

/** The zone's usual spelling when only the letter case differs ("europe/istanbul"). */
const canonicalZone = (zone: string): string => {
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
};

export const readSchedule = (date: string | undefined, zone: string | undefined): ScheduleInput => {
  if (zone !== undefined && !isKnownTimeZone(zone)) {
    throw usageError(`unknown time zone "${zone}" for --timezone; use an IANA name such as Europe/Istanbul`);
  }
  const timeZone = zone === undefined ? systemTimeZone() : canonicalZone(zone);
  if (date === undefined) return { schedule: { local: null, timeZone }, note: null };

  const instant = toUtc(date, timeZone);
  if (!instant.ok) {
    const why = {
      'bad-format': 'must be YYYY-MM-DDTHH:MM, for example 2026-06-01T09:30',
      'unknown-zone': `uses a time zone Pressroom does not know (${timeZone})`,
      'no-such-date': 'does not exist in the calendar',
      'skipped-by-dst': `does not exist in ${timeZone}: the clocks skip it when daylight saving time starts`,
    }[instant.reason];
    throw usageError(`--date "${date}" ${why}`);
  }
  const note = instant.ambiguous
    ? `note: ${date} happens twice in ${timeZone} when the clocks go back; Pressroom uses the first (${instant.utc})`
    : null;
  return { schedule: { local: date, timeZone }, note };
};
