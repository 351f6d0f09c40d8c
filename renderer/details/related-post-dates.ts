/** Dates of related posts: stored as the calendar day the site shows ("YYYY-MM-DD"), shown in the user's language. */

/** The calendar day of a UTC instant in `timeZone` (the site's), or in UTC when the zone is unknown. */
export const calendarDayIn = (instant: string, timeZone: string | null): string | undefined => {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return undefined;
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone ?? 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(date);
  } catch {
    return date.toISOString().slice(0, 10); // a zone this browser does not know
  }
};

/** "2025-10-01" as the user reads dates, with no time zone shift. */
export const showCalendarDay = (day: string, language: string): string => {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? day
    : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
};
