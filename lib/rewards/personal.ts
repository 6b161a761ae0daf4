import "server-only";
import { keyFromDate, todayKey } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { pairwiseAgreement } from "@/lib/research/pairwise";
import { rankImages } from "@/lib/voting/ranking";
import { computeStreaks, type Streaks } from "./streaks";
import type { Badge, BadgeId } from "./types";

// Everything here is computed from the rows the app already keeps (images, votes, days): there
// is no second record of points, streaks or badges to drift from the truth. Each query starts
// from the user's own rows through an index (Vote's unique (userId, imageId), Image's
// (creatorId, dayId)), so the cost follows one person's activity, not the size of the tables.

export type { Badge, BadgeId } from "./types";

/** Rows grouped by their day, each group in the rows' order. */
function groupByDay<T extends { dayId: number | null }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    if (r.dayId === null) continue;
    const list = out.get(r.dayId);
    if (list) list.push(r);
    else out.set(r.dayId, [r]);
  }
  return out;
}

/** The user's submitted images, each with its day and, for closed days, its final rank. */
async function myRankedImages(userId: number) {
  const mine = await db.image.findMany({
    where: { creatorId: userId, status: "SUBMITTED", dayId: { not: null } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      prompt: true,
      dayId: true,
      upvotes: true,
      downvotes: true,
      hiddenAt: true,
      day: { select: { date: true, status: true, winnerImageId: true } },
    },
  });
  const dayIds = [...new Set(mine.map((i) => i.dayId!))];
  // One read of the submissions of the days the user took part in, ranked as the public pages do.
  const rivals = dayIds.length
    ? await db.image.findMany({
        where: { dayId: { in: dayIds }, status: "SUBMITTED", hiddenAt: null },
        select: { id: true, dayId: true, upvotes: true, downvotes: true, submittedAt: true, createdAt: true, creatorId: true },
      })
    : [];
  const byDay = groupByDay(rivals);
  const rankOf = new Map<number, number>();
  for (const images of byDay.values()) rankImages(images).forEach((img, i) => rankOf.set(img.id, i + 1));
  return mine.map((i) => ({
    id: i.id,
    prompt: i.prompt,
    date: keyFromDate(i.day!.date),
    closed: i.day!.status === "CLOSED",
    won: i.day!.winnerImageId === i.id,
    hidden: i.hiddenAt !== null,
    upvotes: i.upvotes,
    downvotes: i.downvotes,
    rank: i.hiddenAt ? null : (rankOf.get(i.id) ?? null),
    of: byDay.get(i.dayId!)?.length ?? 0,
  }));
}

/** Days (date keys) with a submission, and with at least `minVotes` votes on that day's images. */
async function activeDays(userId: number, minVotes: number) {
  const [submitted, voted] = await Promise.all([
    db.$queryRaw<{ date: Date }[]>`
      SELECT DISTINCT d.date FROM Image i JOIN Day d ON d.id = i.dayId
      WHERE i.creatorId = ${userId} AND i.status = 'SUBMITTED'`,
    db.$queryRaw<{ date: Date; votes: bigint | number }[]>`
      SELECT d.date, COUNT(*) AS votes FROM Vote v JOIN Image i ON i.id = v.imageId JOIN Day d ON d.id = i.dayId
      WHERE v.userId = ${userId} GROUP BY d.date`,
  ]);
  return {
    submitted: submitted.map((r) => keyFromDate(r.date)),
    voted: voted.map((r) => ({ date: keyFromDate(r.date), votes: Number(r.votes) })),
    streakDays: [
      ...submitted.map((r) => keyFromDate(r.date)),
      ...voted.filter((r) => Number(r.votes) >= minVotes).map((r) => keyFromDate(r.date)),
    ],
  };
}

/** The badges earned so far, each with the day it was earned, in the order they were earned. */
export function badgesFrom(images: Awaited<ReturnType<typeof myRankedImages>>, streaks: Streaks): Badge[] {
  const first = (pred: (i: (typeof images)[number]) => boolean) =>
    images
      .filter(pred)
      .map((i) => i.date)
      .sort()[0];
  const found: [BadgeId, string | undefined | null][] = [
    ["firstSubmission", first(() => true)],
    ["firstTop10", first((i) => i.closed && i.rank !== null && i.rank <= 10)],
    ["firstWinner", first((i) => i.won)],
    ["streak7", streaks.reached[7]],
  ];
  return found
    .filter((b): b is [BadgeId, string] => !!b[1])
    .map(([id, earnedOn]) => ({ id, earnedOn }))
    .sort((a, b) => a.earnedOn.localeCompare(b.earnedOn));
}

/** How many of the latest closed days the agreement looks back over. */
const AGREEMENT_DAYS = 60;

/**
 * How the user's votes agreed with each closed day's final ranking, over pairs of an up-voted and
 * a down-voted image, on the latest AGREEMENT_DAYS days where they cast both kinds of vote.
 */
async function agreementWithCrowd(userId: number) {
  const dayRows = await db.$queryRaw<{ dayId: number }[]>`
    SELECT i.dayId FROM Vote v JOIN Image i ON i.id = v.imageId JOIN Day d ON d.id = i.dayId
    WHERE v.userId = ${userId} AND d.status = 'CLOSED' AND i.status = 'SUBMITTED' AND i.hiddenAt IS NULL
    GROUP BY i.dayId, d.date HAVING SUM(v.value > 0) > 0 AND SUM(v.value < 0) > 0
    ORDER BY d.date DESC LIMIT ${AGREEMENT_DAYS}`;
  const dayIds = dayRows.map((r) => r.dayId);
  if (dayIds.length === 0) return { days: 0, pairs: 0, share: null as number | null };
  const [votes, images] = await Promise.all([
    db.vote.findMany({
      where: { userId, image: { dayId: { in: dayIds }, status: "SUBMITTED", hiddenAt: null } },
      select: { imageId: true, value: true, image: { select: { dayId: true } } },
    }),
    db.image.findMany({
      where: { dayId: { in: dayIds }, status: "SUBMITTED", hiddenAt: null },
      select: { id: true, dayId: true, upvotes: true, downvotes: true, submittedAt: true, createdAt: true },
    }),
  ]);
  const mineByDay = new Map<number, Map<number, 1 | -1>>();
  for (const v of votes) {
    const m = mineByDay.get(v.image.dayId!) ?? new Map<number, 1 | -1>();
    m.set(v.imageId, v.value > 0 ? 1 : -1);
    mineByDay.set(v.image.dayId!, m);
  }
  const imagesByDay = groupByDay(images);
  let pairs = 0;
  let agreeing = 0;
  for (const [dayId, mine] of mineByDay) {
    const a = pairwiseAgreement(
      mine,
      rankImages(imagesByDay.get(dayId) ?? []).map((i) => i.id),
    );
    pairs += a.pairs;
    agreeing += a.agreeing;
  }
  return { days: mineByDay.size, pairs, share: pairs ? agreeing / pairs : null };
}

export type PersonalSummary = Awaited<ReturnType<typeof personalSummary>>;

/** Everything the personal page shows, for one user. */
export async function personalSummary(userId: number, opts: { streakMinVotes: number }) {
  const [images, attempts, votesCast, activity, agreement] = await Promise.all([
    myRankedImages(userId),
    db.image.count({ where: { creatorId: userId, dayId: { not: null } } }),
    db.vote.count({ where: { userId } }),
    activeDays(userId, opts.streakMinVotes),
    agreementWithCrowd(userId),
  ]);
  const streaks = computeStreaks(activity.streakDays, todayKey());
  const daysTakenPart = new Set([...activity.submitted, ...activity.voted.map((v) => v.date)]).size;
  return {
    images,
    attempts,
    submissions: images.length,
    votesCast,
    daysTakenPart,
    streaks,
    badges: badgesFrom(images, streaks),
    agreement,
  };
}

/** Badges in `after` that `before` did not have: what an action just earned. */
export function newBadges(before: Badge[], after: Badge[]): Badge[] {
  const had = new Set(before.map((b) => b.id));
  return after.filter((b) => !had.has(b.id));
}
