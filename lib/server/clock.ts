// One clock for the whole app. Tests replace it with setClockForTests; nothing a request sends
// can move it, so production time can't be forged.
import { getEnv } from "@/lib/server/env";

let nowFn: () => Date = () => new Date();

export function now(): Date {
  return nowFn();
}

/** Tests only: make `now()` return what `fn` returns (pass null to restore the real clock). */
export function setClockForTests(fn: (() => Date) | null): void {
  nowFn = fn ?? (() => new Date());
}

/** The calendar date (YYYY-MM-DD) of an instant in the given IANA time zone. */
export function dateKeyIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Today's date key in the app's configured zone (APP_TIME_ZONE). */
export function todayKey(instant: Date = now()): string {
  return dateKeyIn(instant, getEnv().APP_TIME_ZONE);
}

/** A date key as the UTC-midnight Date that MySQL DATE columns round-trip through Prisma. */
export function dateFromKey(key: string): Date {
  return new Date(`${key}T00:00:00.000Z`);
}

export function keyFromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
