import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/server/db";
import { z } from "@/lib/validations/zod";

/** A submission the sample may choose: its id and who made it. */
export type SampleCandidate = { id: number; creatorId: number | null };

const storedSchema = z.array(z.number().int().positive());

/** A 32-bit integer hash (murmur3's finaliser): cheap enough for 20,000 ids per draw. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Each image's tie-break rank for one voter and day: random-looking, different for every voter,
 * and the same on every draw, so equal views never favour older or lower ids.
 */
export function tieRank(dayId: number, userId: number): (imageId: number) => number {
  const seed = createHash("sha256").update(`sample:${dayId}:${userId}`).digest().readUInt32LE(0);
  return (imageId) => mix(seed ^ mix(imageId));
}

/** Views per image on the day: the voters each one has been shown to (Exposure rows). */
async function viewsOn(dayId: number): Promise<Map<number, number>> {
  // COUNT is a BIGINT; MariaDB's driver hands it back as a bigint or a number.
  const rows = await db.$queryRaw<{ imageId: number; n: bigint | number }[]>`
    SELECT imageId, COUNT(*) AS n FROM Exposure WHERE dayId = ${dayId} GROUP BY imageId`;
  return new Map(rows.map((r) => [Number(r.imageId), Number(r.n)]));
}

/**
 * The `count` candidates a voter should be shown next: fewest views first, ties in the voter's
 * own stable random order.
 */
export function leastShown(
  candidates: readonly SampleCandidate[],
  views: ReadonlyMap<number, number>,
  rank: (imageId: number) => number,
  count: number,
): number[] {
  return candidates
    .map((c) => ({ id: c.id, views: views.get(c.id) ?? 0, tie: rank(c.id) }))
    .sort((a, b) => a.views - b.views || a.tie - b.tie || a.id - b.id)
    .slice(0, count)
    .map((c) => c.id);
}

function parseStored(text: string | undefined): number[] {
  if (!text) return [];
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * The ids of one voter's exposure-balanced sample of a day, at most `size` of them, among the
 * `candidates` (the day's visible submissions). The sample is drawn once and stored (VoteSample),
 * so it is the same on every page and reload; a draw takes the least-shown submissions first,
 * the voter's own only when self-voting is allowed. With `topUp` (a first page, never a later
 * page: those continue the order their cursor pinned), a sample short of `size` (the setting
 * grew, images were hidden, or the day had too few when it was drawn) takes more of the
 * least-shown. Two first pages at once store one draw: the loser reads the winner's.
 */
export async function voterSample(opts: {
  dayId: number;
  userId: number;
  size: number;
  candidates: readonly SampleCandidate[];
  allowSelf: boolean;
  topUp: boolean;
}): Promise<Set<number>> {
  const { dayId, userId, size, candidates } = opts;
  const where = { userId_dayId: { userId, dayId } };
  const row = await db.voteSample.findUnique({ where, select: { id: true, imageIds: true } });
  const stored = parseStored(row?.imageIds);
  const visible = new Set(candidates.map((c) => c.id));
  const chosen = (ids: number[]) => new Set(ids.filter((id) => visible.has(id)).slice(0, size));
  const kept = stored.filter((id) => visible.has(id));
  if (!opts.topUp || kept.length >= size) return chosen(stored);

  const taken = new Set(stored);
  const pool = candidates.filter((c) => !taken.has(c.id) && (opts.allowSelf || c.creatorId !== userId));
  if (pool.length === 0) return chosen(stored);
  const added = leastShown(pool, await viewsOn(dayId), tieRank(dayId, userId), size - kept.length);
  const drawn = [...stored, ...added];
  const next = JSON.stringify(drawn);
  const { count } = !row
    ? await db.voteSample.createMany({ data: [{ userId, dayId, imageIds: next }], skipDuplicates: true })
    : // Only over the draw this request read: a concurrent top-up that got there first is kept.
      await db.voteSample.updateMany({ where: { id: row.id, imageIds: row.imageIds }, data: { imageIds: next } });
  if (count === 1) return chosen(drawn);
  // Another request stored its draw first: theirs is the sample.
  const now = await db.voteSample.findUnique({ where, select: { imageIds: true } });
  return chosen(parseStored(now?.imageIds));
}
