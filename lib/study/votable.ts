import "server-only";
import { db } from "@/lib/server/db";
import type { Settings } from "@/lib/settings/schema";

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);

/**
 * How many more of today's images this participant can vote on: their world's open day's submitted,
 * visible images they have not voted on, their own left out unless self-voting is on. In sample
 * mode (voteSampleSize > 0) a voter is only ever shown `voteSampleSize` of the day's images
 * (lib/voting/vote-sample.ts tops the sample up to that size), so at most that many minus the
 * ones they already voted on. A completion requirement counts against this, so a day with fewer
 * images than the requirement does not leave participants unable to finish.
 */
export async function votableLeft(
  userId: number,
  worldId: number,
  settings: Pick<Settings, "allowSelfVoting" | "voteSampleSize">,
): Promise<number> {
  const day = await db.day.findFirst({ where: { status: "OPEN", worldId }, orderBy: { date: "desc" }, select: { id: true } });
  if (!day) return 0;
  const self = settings.allowSelfVoting ? 1 : 0;
  const [row] = await db.$queryRaw<{ open: bigint | number; voted: bigint | number }[]>`
    SELECT SUM(v.userId IS NULL) AS open, SUM(v.userId IS NOT NULL) AS voted
    FROM Image i LEFT JOIN Vote v ON v.imageId = i.id AND v.userId = ${userId}
    WHERE i.dayId = ${day.id} AND i.status = 'SUBMITTED' AND i.hiddenAt IS NULL
      AND (${self} = 1 OR i.creatorId IS NULL OR i.creatorId <> ${userId})`;
  const open = n(row?.open);
  if (settings.voteSampleSize === 0) return open;
  return Math.max(0, Math.min(open, settings.voteSampleSize - n(row?.voted)));
}
