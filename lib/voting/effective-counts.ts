import "server-only";
import { db, type Tx } from "@/lib/server/db";

/** Up/down votes of one image. */
export type VoteCounts = { upvotes: number; downvotes: number };

/**
 * The day's tallies recounted from the Vote rows, leaving out every vote by a user who is banned
 * now (whenever they voted; unbanning counts their votes again). Used instead of the stored
 * counters when the excludeBannedVoters setting is on. Images left with no counted vote are
 * absent from the map: read them as 0/0. Pass a transaction to read inside it.
 */
export async function effectiveCounts(dayId: number, client: Pick<Tx, "$queryRaw"> = db): Promise<Map<number, VoteCounts>> {
  // COUNT (not SUM) so MariaDB returns integers rather than DECIMAL.
  const rows = await client.$queryRaw<{ imageId: number; up: bigint | number; down: bigint | number }[]>`
    SELECT v.imageId, COUNT(CASE WHEN v.value = 1 THEN 1 END) AS up, COUNT(CASE WHEN v.value = -1 THEN 1 END) AS down
    FROM Vote v
    JOIN Image i ON i.id = v.imageId
    JOIN User u ON u.id = v.userId
    WHERE i.dayId = ${dayId} AND u.bannedAt IS NULL
    GROUP BY v.imageId`;
  return new Map(rows.map((r) => [Number(r.imageId), { upvotes: Number(r.up), downvotes: Number(r.down) }]));
}
