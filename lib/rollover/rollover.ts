import { pruneRateLimits } from "@/lib/server/rate-limit";
import "server-only";
import { keyFromDate, now, todayKey } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { closeDay, type ClosedDay } from "@/lib/rollover/close-day";
import { log } from "@/lib/server/log";
import { ensureVariants } from "@/lib/images/variants";
import { dayEndsAt } from "@/lib/days/days";
import { getRunningStudy } from "@/lib/worlds/studies";

export type { ClosedDay } from "@/lib/rollover/close-day";

/**
 * Why a run closed nothing. NOT_DUE: the latest open day (`openDay`) has not ended; it is due at
 * `dueAt`, its end in APP_TIME_ZONE. NO_OPEN_DAY: no day is open yet (the first visit opens one).
 * OUT_OF_ORDER: the latest open day is not after the day before it, a state only a hand edit
 * makes; the run stops rather than walk back through history (and logs it).
 */
export type RolloverIdle = { reason: "NOT_DUE"; openDay: string; dueAt: string } | { reason: "NO_OPEN_DAY" } | { reason: "OUT_OF_ORDER" };

/**
 * What one run did: the date it took as today, the days it closed (oldest first) and, when it
 * closed none, why (`idle`; null when it closed any).
 */
export type RolloverResult = { today: string; closed: ClosedDay[]; idle: RolloverIdle | null };

/**
 * A run catches up at most this many missed days; the next run carries on from there. Keeps a
 * run far inside a serverless time limit even after a long outage.
 */
const MAX_DAYS_PER_RUN = 366;

/**
 * The daily rollover, shared by the cron route, `npm run rollover` and the admin dashboard. For
 * every world of the running study, one after another: while the world's latest open day is
 * before today (APP_TIME_ZONE), it is closed and the calendar day after it is opened, seeded by
 * its winner; missed days are thus caught up one by one, in order, and today's day is left open.
 * Each day closes in its own transaction, so one world's trouble never holds back another's.
 * Running it early, twice or many times at once is harmless: each close re-checks the day under
 * a row lock, so every day closes exactly once. Only a world's latest open day is considered; an
 * older one left open by hand stays as it is. `idle` is the first world's reason when no world
 * closed anything.
 */
export async function runRollover(): Promise<RolloverResult> {
  // Read once, so a run that straddles midnight still stops at a single, consistent today.
  const today = todayKey(now());
  const study = await getRunningStudy();
  const closed: ClosedDay[] = [];
  let idle: RolloverIdle | null = null;
  for (const world of study.worlds) {
    const run = await rollWorld(world.id, today);
    closed.push(...run.closed);
    idle ??= run.idle;
    // Today's seed is shown large on the landing page: its smaller copies are made now, once, so
    // no participant waits for them. A failure only means the page serves the full picture.
    const seed = run.closed.at(-1)?.nextSeedImageId;
    if (seed) await ensureVariants(seed);
  }
  // Counters of windows long past are of no use to any limit; the daily run keeps the table small.
  await pruneRateLimits().catch((err: unknown) => log.error("rate-limit prune failed", err));
  return { today, closed, idle: closed.length === 0 ? idle : null };
}

/** One world's catch-up: its days closed this run, oldest first, and why it stopped. */
async function rollWorld(worldId: number, today: string): Promise<{ closed: ClosedDay[]; idle: RolloverIdle | null }> {
  const closed: ClosedDay[] = [];
  let last: string | null = null;
  for (let i = 0; i < MAX_DAYS_PER_RUN; i++) {
    const day = await db.day.findFirst({
      where: { status: "OPEN", worldId },
      orderBy: { date: "desc" },
      select: { id: true, worldId: true, date: true, seedImageId: true },
    });
    if (!day) return { closed, idle: { reason: "NO_OPEN_DAY" } };
    const date = keyFromDate(day.date);
    if (date >= today) return { closed, idle: { reason: "NOT_DUE", openDay: date, dueAt: dayEndsAt(date).toISOString() } };
    // Each pass must move forward. If the next day already existed and was closed by hand, the
    // latest open day would be an older one: stop rather than walk back through history.
    if (last !== null && date <= last) {
      log.warn("rollover stopped: latest open day is not after the one just closed", { worldId, date, last });
      return { closed, idle: { reason: "OUT_OF_ORDER" } };
    }
    last = date;
    const started = performance.now();
    const result = await closeDay(day);
    if (!result) continue; // another run closed it (and opened the next day) first
    closed.push(result);
    log.info("day closed", { ...result, ms: Math.round(performance.now() - started) });
  }
  return { closed, idle: null };
}
