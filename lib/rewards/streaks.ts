// Streaks over calendar days, as plain functions of date keys (YYYY-MM-DD). Days are the app's
// days (Day.date, in APP_TIME_ZONE), and activity belongs to the day of the image it concerns,
// never to a timestamp, so a vote cast at 23:59 and one at 00:01 fall where the app's days say.

import { dateFromKey, keyFromDate } from "@/lib/server/clock";

const DAY_MS = 86_400_000;
const toNumber = (key: string) => Math.round(dateFromKey(key).getTime() / DAY_MS);
const toKey = (n: number) => keyFromDate(new Date(n * DAY_MS));

export type Streaks = {
  /** Consecutive active days ending today, or yesterday while today is still open. */
  current: number;
  best: number;
  /** The day a run first reached `length` days, for each length asked about (null: never). */
  reached: Record<number, string | null>;
};

/** Streaks of the given active days (any order, duplicates allowed) as of `today`. */
export function computeStreaks(activeDays: string[], today: string, lengths: number[] = [7]): Streaks {
  const days = [...new Set(activeDays.map(toNumber))].sort((a, b) => a - b);
  const reached: Record<number, string | null> = Object.fromEntries(lengths.map((l) => [l, null]));
  let best = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i] === days[i - 1]! + 1 ? run + 1 : 1;
    best = Math.max(best, run);
    for (const l of lengths) if (run === l && reached[l] === null) reached[l] = toKey(days[i]!);
  }
  const t = toNumber(today);
  const last = days.at(-1);
  // Today is not over: a run that ended yesterday is still alive until today ends without activity.
  const current = last !== undefined && (last === t || last === t - 1) ? run : 0;
  return { current, best, reached };
}
