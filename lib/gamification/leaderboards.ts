import "server-only";
import { dateFromKey, keyFromDate, todayKey } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rankImages, wilsonLowerBound } from "@/lib/ranking";

export type CreatorRow = { creatorId: number; displayName: string; images: number; upvotes: number; downvotes: number; score: number };

/**
 * Creators ranked by the Wilson lower bound of all the up- and down-votes their submissions
 * received: one image with a single up-vote cannot beat a body of well-liked work, since small
 * samples get wide intervals. Hidden images, banned creators and banned voters do not count.
 * `sinceDays`: only images of the last that many days (7 for "this week"); null for all time.
 */
export async function creatorsLeaderboard(opts: { sinceDays: number | null; take: number }): Promise<CreatorRow[]> {
  const since = opts.sinceDays === null ? null : dateFromKey(keyFromDate(new Date(dateFromKey(todayKey()).getTime() - (opts.sinceDays - 1) * 86_400_000)));
  const rows = await db.$queryRaw<{ creatorId: number; displayName: string; images: bigint; upvotes: bigint | null; downvotes: bigint | null }[]>`
    SELECT i.creatorId, u.displayName, COUNT(DISTINCT i.id) AS images,
           SUM(v.value = 1 AND voter.bannedAt IS NULL) AS upvotes, SUM(v.value = -1 AND voter.bannedAt IS NULL) AS downvotes
    FROM Image i
    JOIN User u ON u.id = i.creatorId AND u.bannedAt IS NULL
    JOIN Day d ON d.id = i.dayId
    LEFT JOIN Vote v ON v.imageId = i.id
    LEFT JOIN User voter ON voter.id = v.userId
    WHERE i.status = 'SUBMITTED' AND i.hiddenAt IS NULL ${since ? Prisma.sql`AND d.date >= ${since}` : Prisma.empty}
    GROUP BY i.creatorId, u.displayName`;
  return rows
    .map((r) => {
      const upvotes = Number(r.upvotes ?? 0);
      const downvotes = Number(r.downvotes ?? 0);
      return { creatorId: r.creatorId, displayName: r.displayName, images: Number(r.images), upvotes, downvotes, score: wilsonLowerBound(upvotes, downvotes) };
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
      select: { id: true, prompt: true, width: true, height: true, thumbKey: true, upvotes: true, downvotes: true, submittedAt: true, createdAt: true },
    }),
    db.vote.findMany({ where: { userId, image: { dayId } }, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], select: { imageId: true, value: true } }),
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
