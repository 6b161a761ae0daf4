import "server-only";
import { isConnectionError } from "@/lib/server/db-errors";
import { db, type Tx } from "@/lib/server/db";

type Counter = "generations" | "submissions";

async function ensureRow(client: Tx | typeof db, userId: number, dayId: number) {
  await client.userDayUsage.upsert({ where: { userId_dayId: { userId, dayId } }, create: { userId, dayId }, update: {} });
}

/**
 * Takes one unit of a daily quota, or returns false when none is left. A single conditional
 * UPDATE does the check and the increment, so two parallel requests cannot both take the last.
 */
export async function takeQuota(
  userId: number,
  dayId: number,
  counter: Counter,
  limit: number,
  client: Tx | typeof db = db,
): Promise<boolean> {
  await ensureRow(client, userId, dayId);
  const { count } = await client.userDayUsage.updateMany({
    where: { userId, dayId, [counter]: { lt: limit } },
    data: { [counter]: { increment: 1 } },
  });
  return count === 1;
}

/** Gives one unit back after a failure part-way (never below zero). */
export async function refundQuota(userId: number, dayId: number, counter: Counter, client: Tx | typeof db = db): Promise<void> {
  await client.userDayUsage.updateMany({
    where: { userId, dayId, [counter]: { gt: 0 } },
    data: { [counter]: { decrement: 1 } },
  });
}

/**
 * refundQuota, retried with back-off for up to about six seconds when the database is briefly
 * unreachable (a restart mid-generation), so a failure on our side never costs the user a unit.
 */
export async function refundQuotaReliably(userId: number, dayId: number, counter: Counter): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await refundQuota(userId, dayId, counter);
    } catch (err) {
      if (attempt >= 6 || !isConnectionError(err)) throw err;
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

export async function getUsage(userId: number, dayId: number) {
  const row = await db.userDayUsage.findUnique({
    where: { userId_dayId: { userId, dayId } },
    select: { generations: true, submissions: true },
  });
  return row ?? { generations: 0, submissions: 0 };
}
