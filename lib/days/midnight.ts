// Pure time-zone arithmetic for "time left in the day" (no database, no environment): a day ends
// at the next local midnight of APP_TIME_ZONE, which is 23 or 25 hours away on a DST change day.
import { dateKeyIn, keyFromDate } from "@/lib/server/clock";

const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in `timeZone` at instant `ms`, written as if it were a UTC instant. */
function wallClock(ms: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const millis = ((ms % 1000) + 1000) % 1000;
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) + millis;
}

/**
 * The first instant (epoch ms) of calendar date `key` (YYYY-MM-DD) in `timeZone`: normally its
 * local midnight. Where the clocks skip midnight (Chile springs forward from 24:00 to 01:00), the
 * day begins at the jump; where midnight happens twice, at the first one.
 */
export function startOfLocalDay(key: string, timeZone: string): number {
  const wall = Date.parse(`${key}T00:00:00.000Z`);
  // Local midnight is `wall` minus the offset in force then. Offsets lie within -12..+14 h and
  // change at most once in such a window, so the offsets 15 h either side are the only candidates.
  const candidates = [wall - 15 * HOUR, wall + 15 * HOUR]
    .map((probe) => wall - (wallClock(probe, timeZone) - probe))
    .filter((t) => wallClock(t, timeZone) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // Midnight was skipped: search for the first instant whose local reading is on `key`. `lo` is
  // before that day in every zone, `hi` inside or after it.
  let lo = wall - 15 * HOUR;
  let hi = wall + 15 * HOUR;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClock(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The date key after `key`. */
export function nextDateKey(key: string): string {
  return keyFromDate(new Date(Date.parse(`${key}T00:00:00.000Z`) + 24 * HOUR));
}

/** Milliseconds from `now` until the next local midnight in `timeZone` (when the open day ends). */
export function msUntilNextMidnight(now: Date, timeZone: string): number {
  return startOfLocalDay(nextDateKey(dateKeyIn(now, timeZone)), timeZone) - now.getTime();
}
