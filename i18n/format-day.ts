// Days are keyed YYYY-MM-DD: the calendar day in APP_TIME_ZONE, stored as that date's UTC
// midnight (lib/server/clock.ts). Shown in UTC, the key's own date appears in every language,
// whatever zone the reader or the server is in.

const formats = new Map<string, Intl.DateTimeFormat>();

/** A day key as a date in the reader's language: "Dec 10, 2026", "10 dic 2026", "10‏/12‏/2026". */
export function formatDay(dayKey: string, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
    formats.set(locale, format);
  }
  return format.format(new Date(`${dayKey}T00:00:00.000Z`));
}
