import "server-only";
import { keyFromDate, now } from "@/lib/server/clock";
import { lockImageThenDay, onTransaction } from "@/lib/days/lock";
import { db, type Tx } from "@/lib/server/db";
import { jitteredBackoff, retry } from "@/lib/server/retry";
import { Prisma } from "@/lib/generated/prisma/client";
import { rankEligible } from "@/lib/voting/eligible-ranking";
import { conditionLabel, getWorldSettings } from "@/lib/worlds/conditions";

/** One day the rollover closed, and the day it opened after it. */
export type ClosedDay = {
  /** The world whose timeline the day belongs to. */
  worldId: number;
  date: string;
  winnerImageId: number | null;
  nextDate: string;
  /** The next day's seed: the winner, or the closed day's own seed when nobody was eligible. */
  nextSeedImageId: number;
  totalSubmissions: number;
  totalVotes: number;
  totalParticipants: number;
};

export type OpenDayRow = { id: number; worldId: number; date: Date; seedImageId: number };

const MAX_ATTEMPTS = 6;

/** Thrown inside the transaction to roll it back when the winner changed after it was locked. */
class WinnerMoved extends Error {
  constructor() {
    super("The day's winner changed while the rollover was locking it; try again.");
  }
}

/**
 * The best eligible image of a day: submitted, not hidden, creator not banned; Wilson order, on
 * tallies without banned voters when the excludeBannedVoters setting is on (lib/voting/eligible-ranking.ts).
 */
async function pickWinner(client: Pick<Tx, "image" | "$queryRaw">, dayId: number, excludeBannedVoters: boolean): Promise<number | null> {
  return (await rankEligible(client, dayId, excludeBannedVoters))[0]?.id ?? null;
}

/**
 * The day's figures, read under the Day row lock so no vote or submission can still land. Also
 * the admin dashboard's live figures for a day still open (lib/research/stats.ts), so the two agree.
 */
export async function dayStats(tx: Pick<Tx, "image" | "vote" | "$queryRaw">, dayId: number) {
  const totalSubmissions = await tx.image.count({ where: { dayId, status: "SUBMITTED" } });
  const totalVotes = await tx.vote.count({ where: { image: { dayId } } });
  // Anyone who made an image of the day (drafts included) or voted on one; UNION de-duplicates.
  const [people] = await tx.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS n FROM (
      SELECT creatorId AS userId FROM Image WHERE dayId = ${dayId} AND creatorId IS NOT NULL
      UNION
      SELECT v.userId FROM Vote v JOIN Image i ON i.id = v.imageId WHERE i.dayId = ${dayId}
    ) AS people`;
  return { totalSubmissions, totalVotes, totalParticipants: Number(people?.n ?? 0) };
}

/**
 * One attempt at closing `day`, in the one lock order (lib/days/lock.ts): the expected next seed's
 * Image row in share mode, then the Day row for update. The winner is re-ranked under the Day
 * lock; if it moved meanwhile, the attempt rolls back and starts over.
 */
async function closeOnce(
  day: OpenDayRow,
  candidate: number | null,
  { excludeBannedVoters, condition }: { excludeBannedVoters: boolean; condition: string },
): Promise<ClosedDay | null> {
  const nextSeed = candidate ?? day.seedImageId;
  // DATE columns come back as UTC midnight, so one day later is the next calendar date.
  const nextDate = new Date(day.date.getTime() + 86_400_000);
  return db.$transaction(
    async (tx) => {
      const { dayStatus } = await lockImageThenDay(
        onTransaction(tx),
        { id: nextSeed, mode: "LOCK IN SHARE MODE" },
        { id: day.id, mode: "FOR UPDATE" },
      );
      // Another run closed it while we waited for the lock; it opened the next day too.
      if (dayStatus !== "OPEN") return null;
      const winnerImageId = await pickWinner(tx, day.id, excludeBannedVoters);
      if (winnerImageId !== candidate) throw new WinnerMoved();
      const stats = await dayStats(tx, day.id);
      await tx.day.update({ where: { id: day.id }, data: { status: "CLOSED", closedAt: now(), winnerImageId, condition, ...stats } });
      // Only a non-rollover path (ensureFirstDay, manual repair) can have made it: keep that one.
      // A race on the unique (world, date) index rolls everything back and the retry finds the row.
      const existing = await tx.day.findUnique({
        where: { worldId_date: { worldId: day.worldId, date: nextDate } },
        select: { seedImageId: true },
      });
      const next =
        existing ??
        (await tx.day.create({
          data: { worldId: day.worldId, date: nextDate, seedImageId: nextSeed, openedAt: now() },
          select: { seedImageId: true },
        }));
      return {
        worldId: day.worldId,
        date: keyFromDate(day.date),
        winnerImageId,
        nextDate: keyFromDate(nextDate),
        nextSeedImageId: next.seedImageId,
        ...stats,
      };
    },
    // READ COMMITTED: every read after the lock sees what committed before it, with no gap locks.
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 10_000, timeout: 30_000 },
  );
}

/** Prisma codes for a duplicate key, a transaction that could not start or ran out, a deadlock. */
const RETRY_CODES = new Set(["P2002", "P2028", "P2034"]);
/** MariaDB errors Prisma passes through untranslated: lock wait timeout, deadlock. */
const RETRY_DRIVER_CODES = new Set(["1205", "1213"]);

/** Deadlocks, lock-wait timeouts, a busy pool, a duplicate next day, a moved winner: all safe to redo. */
function isRetryable(err: unknown): boolean {
  if (err instanceof WinnerMoved) return true;
  if (!(err instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const meta = err.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined;
  const driverCode = meta?.driverAdapterError?.cause?.originalCode;
  return RETRY_CODES.has(err.code) || (typeof driverCode === "string" && RETRY_DRIVER_CODES.has(driverCode));
}

/**
 * Closes an open day and opens the calendar day after it, in one transaction: records the
 * winner (or null), the day's figures and the condition its world played under, and seeds the next day with the winner or, with no
 * eligible submission, the same seed again. Returns null when another run had already closed it.
 * Every attempt is all-or-nothing, so the bounded retries cannot close a day twice.
 */
export async function closeDay(day: OpenDayRow): Promise<ClosedDay | null> {
  const settings = await getWorldSettings(day.worldId);
  const { excludeBannedVoters } = settings;
  const condition = conditionLabel(settings);
  // Ranked outside the transaction so the lock order can be kept; checked again inside.
  return retry(async () => closeOnce(day, await pickWinner(db, day.id, excludeBannedVoters), { excludeBannedVoters, condition }), {
    attempts: MAX_ATTEMPTS,
    retryable: isRetryable,
    delayMs: jitteredBackoff,
  });
}
