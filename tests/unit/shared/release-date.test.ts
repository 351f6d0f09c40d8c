import { describe, expect, it } from 'vitest';
import { toLocal, toUtc } from '../../../shared/release/release-date.js';

describe('release dates in a named time zone', () => {
  it('converts Istanbul wall time to UTC (+3, no DST)', () => {
    expect(toUtc('2023-07-12T10:00', 'Europe/Istanbul')).toEqual({
      ok: true,
      utc: '2023-07-12T07:00:00Z',
      ambiguous: false,
    });
  });

  it('follows New York across the spring DST change', () => {
    expect(toUtc('2026-03-07T09:00', 'America/New_York')).toMatchObject({ utc: '2026-03-07T14:00:00Z' });
    expect(toUtc('2026-03-09T09:00', 'America/New_York')).toMatchObject({ utc: '2026-03-09T13:00:00Z' });
  });

  it('refuses a time that the DST change skips', () => {
    expect(toUtc('2026-03-08T02:30', 'America/New_York')).toEqual({ ok: false, reason: 'skipped-by-dst' });
  });

  it('flags a time that the autumn change repeats, and takes the first of the two', () => {
    expect(toUtc('2026-11-01T01:30', 'America/New_York')).toEqual({
      ok: true,
      utc: '2026-11-01T05:30:00Z',
      ambiguous: true,
    });
  });

  it.each([
    ['2026-02-30T10:00', 'Europe/Istanbul', 'no-such-date'],
    ['2026-13-01T10:00', 'Europe/Istanbul', 'no-such-date'],
    ['12/07/2023 10:00', 'Europe/Istanbul', 'bad-format'],
    ['2026-01-01T10:00', 'Mars/Olympus_Mons', 'unknown-zone'],
  ])('refuses %s in %s (%s)', (local, zone, reason) => {
    expect(toUtc(local, zone)).toEqual({ ok: false, reason });
  });

  it('shows a UTC instant as wall time in a zone', () => {
    expect(toLocal('2023-07-12T07:00:00Z', 'Europe/Istanbul')).toBe('2023-07-12T10:00');
  });
});
