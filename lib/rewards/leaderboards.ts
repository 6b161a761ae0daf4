import "server-only";
import { dateFromKey, todayKey } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rankImages, wilsonLowerBound } from "@/lib/voting/ranking";
import type { PersonName } from "@/i18n/person-name";
import { rankedCardFields } from "@/lib/images/card-fields";

export type CreatorRow = PersonName & { creatorId: number; images: number; upvotes: number; downvotes: number; score: number };

/**
 * Creators ranked by the Wilson lower bound of all the up- and down-votes their submissions
 * received: one image with a single up-vote cannot beat a body of well-liked work, since small
 * samples get wide intervals. Hidden images, banned creators and banned voters do not count.
 * `sinceDays`: only images of the last that many days (7 for "this week"); null for all time.
 * Only `worldId`'s images: each world has its own crowd, and its board names no one from another.
 */
export async function creatorsLeaderboard(opts: { worldId: number; sinceDays: number | null; take: number }): Promise<CreatorRow[]> {
  // Day dates are UTC midnights (lib/server/clock.ts), so whole days can be subtracted directly.
  const since = opts.sinceDays === null ? null : new Date(dateFromKey(todayKey()).getTime() - (opts.sinceDays - 1) * 86_400_000);
  const when = since ? Prisma.sql`AND d.date >= ${since}` : Prisma.empty;
  // The images' own counters, which every vote keeps equal to its Vote rows, so the all-time
  // board reads images, not a million votes. Banned voters' votes are then taken back out; there
  // are few banned accounts, and their votes are found through Vote's (userId, imageId) index;
  // STRAIGHT_JOIN keeps that order (left alone, the optimizer starts from the days and reads
  // every vote: 1.9 s instead of milliseconds at 1,000,000 votes).
  const [rows, banned] = await Promise.all([
    db.$queryRaw<
      (PersonName & { creatorId: number; images: bigint; upvotes: bigint | string | null; downvotes: bigint | string | null })[]
    >`
      SELECT i.creatorId, u.displayName, u.pseudonym, COUNT(*) AS images, SUM(i.upvotes) AS upvotes, SUM(i.downvotes) AS downvotes
      FROM Image i JOIN User u ON u.id = i.creatorId AND u.bannedAt IS NULL JOIN Day d ON d.id = i.dayId AND d.worldId = ${opts.worldId}
      WHERE i.status = 'SUBMITTED' AND i.hiddenAt IS NULL ${when}
      GROUP BY i.creatorId, u.displayName, u.pseudonym`,
    db.$queryRaw<{ creatorId: number; upvotes: bigint | string | null; downvotes: bigint | string | null }[]>`
      SELECT STRAIGHT_JOIN i.creatorId, SUM(v.value = 1) AS upvotes, SUM(v.value = -1) AS downvotes
      FROM User b JOIN Vote v ON v.userId = b.id JOIN Image i ON i.id = v.imageId JOIN Day d ON d.id = i.dayId AND d.worldId = ${opts.worldId}
      WHERE b.bannedAt IS NOT NULL AND i.status = 'SUBMITTED' AND i.hiddenAt IS NULL ${when}
      GROUP BY i.creatorId`,
  ]);
  const minus = new Map(banned.map((b) => [b.creatorId, { up: Number(b.upvotes ?? 0), down: Number(b.downvotes ?? 0) }]));
  return rows
    .map((r) => {
      const upvotes = Number(r.upvotes ?? 0) - (minus.get(r.creatorId)?.up ?? 0);
      const downvotes = Number(r.downvotes ?? 0) - (minus.get(r.creatorId)?.down ?? 0);
      return {
        creatorId: r.creatorId,
        displayName: r.displayName,
        pseudonym: r.pseudonym,
        images: Number(r.images),
        upvotes,
        downvotes,
        score: wilsonLowerBound(upvotes, downvotes),
      };
    })
    .sort((a, b) => b.score - a.score || b.upvotes - a.upvotes || a.creatorId - b.creatorId)
    .slice(0, opts.take);
}

/**
 * A voter's own ranking of a day's images beside the crowd's: the images they up-voted first (in
 * the order they did so), then those they have not voted on, then those they down-voted; and the
 * crowd's current order of the same visible submissions. Null until they have cast `afterVotes`.
 */
export async function personalRanking(userId: number, dayId: number, afterVotes: number) {
  const [images, votes] = await Promise.all([
    db.image.findMany({
      where: { dayId, status: "SUBMITTED", hiddenAt: null, creator: { is: { bannedAt: null } } },
      select: {
        ...rankedCardFields,
      },
    }),
    db.vote.findMany({
      where: { userId, image: { dayId } },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      select: { imageId: true, value: true },
    }),
  ]);
  if (votes.length < afterVotes) return { unlocked: false as const, votes: votes.length, needed: afterVotes };
  const crowd = rankImages(images);
  const value = new Map(votes.map((v) => [v.imageId, v.value]));
  const ups = votes.filter((v) => v.value > 0).map((v) => v.imageId);
  const byId = new Map(images.map((i) => [i.id, i]));
  const mine = [
    ...ups.map((id) => byId.get(id)).filter((i) => i !== undefined),
    ...crowd.filter((i) => !value.has(i.id)),
    ...crowd.filter((i) => value.get(i.id)! < 0),
  ];
  return { unlocked: true as const, votes: votes.length, mine, crowd };
}
