import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { listDayHistory } from "@/lib/admin/stats";

/** One histogram bar: how many images have exactly `value`. */
export type Bin = { value: number; count: number };

// Histograms are over SUBMITTED images (hidden ones included: they were in the vote until
// hidden), from the stored counters, which votes keep equal to the Vote rows. Only values that
// occur are returned, in increasing order; a chart fills the gaps with zeros if it wants them.
async function histogram(expression: Prisma.Sql, dayId: number | null): Promise<Bin[]> {
  const day = dayId === null ? Prisma.empty : Prisma.sql`AND dayId = ${dayId}`;
  const rows = await db.$queryRaw<{ value: bigint | number; count: bigint | number }[]>`
    SELECT ${expression} AS value, COUNT(*) AS count FROM Image
    WHERE status = 'SUBMITTED' ${day}
    GROUP BY value ORDER BY value`;
  return rows.map((r) => ({ value: Number(r.value), count: Number(r.count) }));
}

/** Votes received per submitted image (up + down), for one day or, with null, all days. */
export function votesPerImage(dayId: number | null): Promise<Bin[]> {
  return histogram(Prisma.sql`upvotes + downvotes`, dayId);
}

/** Net score per submitted image (up - down), for one day or, with null, all days. */
export function netScores(dayId: number | null): Promise<Bin[]> {
  return histogram(Prisma.sql`upvotes - downvotes`, dayId);
}

/** Votes and submissions per day for the latest `take` days, oldest first (a time series). */
export async function perDaySeries(take: number): Promise<{ date: string; votes: number; submissions: number }[]> {
  const days = await listDayHistory(take);
  return days.reverse().map((d) => ({ date: d.date, votes: d.votes, submissions: d.submissions }));
}
