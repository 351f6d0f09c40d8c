/**
 * A release's date: a wall-clock time in a named IANA time zone ("2026-03-08T02:30" in
 * America/New_York), as staff think of it, converted to UTC only when needed (luxon, on the
 * runtime's own time-zone database). Times that do not exist (skipped by a DST change) or are
 * ambiguous (repeated by one) are reported, never silently shifted.
 */
import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

const WALL_FORMAT = "yyyy-MM-dd'T'HH:mm";

export const LOCAL_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export type ReleaseInstant =
  | { ok: true; utc: string; ambiguous: boolean }
  | { ok: false; reason: 'bad-format' | 'unknown-zone' | 'no-such-date' | 'skipped-by-dst' };

export const isKnownTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/** The UTC instant (ISO, minute precision, `Z`) of a local date-time in `zone`. */
export const toUtc = (local: string, zone: string): ReleaseInstant => {
  if (!LOCAL_DATE_TIME_PATTERN.test(local)) return { ok: false, reason: 'bad-format' };
  if (!isKnownTimeZone(zone)) return { ok: false, reason: 'unknown-zone' };
  const [datePart = '', timePart = ''] = local.split('T');
  const [year, month, day] = datePart.split('-').map(Number);
  const [hour, minute] = timePart.split(':').map(Number);
  const wanted = { year, month, day, hour, minute };
  const when = DateTime.fromObject(wanted, { zone });
  if (!when.isValid) return { ok: false, reason: 'no-such-date' };
  // luxon moves a wall time that a DST change skips; if the fields moved, the time does not exist.
  if (when.year !== year || when.month !== month || when.day !== day || when.hour !== hour || when.minute !== minute) {
    return { ok: false, reason: 'skipped-by-dst' };
  }
  // A wall time repeated when clocks go back has two instants. Try the zone's offsets from a few
  // hours before and after: if both give this wall time, it is ambiguous; keep the earlier instant.
  const offsets = new Set([when.minus({ hours: 3 }).offset, when.plus({ hours: 3 }).offset]);
  const instants = [...offsets]
    .map((offset) => DateTime.fromObject(wanted, { zone: FixedOffsetZone.instance(offset) }))
    .filter((candidate) => candidate.setZone(zone).toFormat(WALL_FORMAT) === local)
    .map((candidate) => candidate.toMillis());
  const earliest = Math.min(when.toMillis(), ...instants);
  const utc = DateTime.fromMillis(earliest, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '';
  return { ok: true, utc, ambiguous: new Set(instants).size > 1 };
};

/** The local wall-clock time of a UTC instant in `zone`, as "YYYY-MM-DDTHH:MM". */
export const toLocal = (utc: string, zone: string): string | null => {
  const when = DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone);
  return when.isValid ? when.toFormat(WALL_FORMAT) : null;
};
