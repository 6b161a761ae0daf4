import "server-only";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { listDayHistory } from "@/lib/research/stats";

/** One histogram bar: how many images have exactly `value`. */
export type Bin = { value: number; count: number };

// Histograms are over SUBMITTED images (hidden ones included: they were in the vote until
// hidden), from the stored counters, which votes keep equal to the Vote rows. Only values that
// occur are returned, in increasing order; a chart fills the gaps with zeros if it wants them.
async function histogram(expression: Prisma.Sql, dayId: number | null, locale?: string): Promise<Bin[]> {
  const day = dayId === null ? Prisma.empty : Prisma.sql`AND dayId = ${dayId}`;
  const language = locale ? Prisma.sql`AND locale = ${locale}` : Prisma.empty;
  const rows = await db.$queryRaw<{ value: bigint | number; count: bigint | number }[]>`
    SELECT ${expression} AS value, COUNT(*) AS count FROM Image
    WHERE status = 'SUBMITTED' ${day} ${language}
    GROUP BY value ORDER BY value`;
  return rows.map((r) => ({ value: Number(r.value), count: Number(r.count) }));
}

/**
 * Votes received per submitted image (up + down), for one day or, with null, all days; with a
 * `locale`, only images made in that interface language.
 */
export function votesPerImage(dayId: number | null, locale?: string): Promise<Bin[]> {
  return histogram(Prisma.sql`upvotes + downvotes`, dayId, locale);
}

/** Net score per submitted image (up - down), for one day or, with null, all days; `locale` as above. */
export function netScores(dayId: number | null, locale?: string): Promise<Bin[]> {
  return histogram(Prisma.sql`upvotes - downvotes`, dayId, locale);
}

/**
 * Votes and submissions per day for the latest `take` days, oldest first (a time series). With a
 * `locale`: only votes cast and images made in that interface language, counted from the rows.
 */
export async function perDaySeries(take: number, locale?: string): Promise<{ date: string; votes: number; submissions: number }[]> {
  const days = await listDayHistory(take);
  if (!locale || days.length === 0) return days.reverse().map((d) => ({ date: d.date, votes: d.votes, submissions: d.submissions }));
  const ids = days.map((d) => d.dayId);
  const [submissions, votes] = await Promise.all([
    db.$queryRaw<{ dayId: number; n: bigint }[]>`
      SELECT dayId, COUNT(*) AS n FROM Image WHERE status = 'SUBMITTED' AND locale = ${locale} AND dayId IN (${Prisma.join(ids)}) GROUP BY dayId`,
    db.$queryRaw<{ dayId: number; n: bigint }[]>`
      SELECT i.dayId, COUNT(*) AS n FROM Vote v JOIN Image i ON i.id = v.imageId
      WHERE v.locale = ${locale} AND i.status = 'SUBMITTED' AND i.dayId IN (${Prisma.join(ids)}) GROUP BY i.dayId`,
  ]);
  const count = (rows: { dayId: number; n: bigint }[]) => new Map(rows.map((r) => [r.dayId, Number(r.n)]));
  const [s, v] = [count(submissions), count(votes)];
  return days.reverse().map((d) => ({ date: d.date, votes: v.get(d.dayId) ?? 0, submissions: s.get(d.dayId) ?? 0 }));
}
