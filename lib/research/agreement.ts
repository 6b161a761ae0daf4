import "server-only";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { rankImages } from "@/lib/voting/ranking";
import { pairwiseAgreement } from "@/lib/research/pairwise";

/** How individual voters of one closed day compare with the crowd's verdict. */
export type DayAgreement = {
  dayId: number;
  winnerImageId: number | null;
  /** Voters with at least 2 votes on the day's ranked images. */
  voters: number;
  /** One agreement share (0..1) per such voter with at least one up/down pair, ascending. */
  shares: number[];
  /** Voters with 2+ votes all of one value: no pair, so no share. */
  withoutPairs: number;
  meanShare: number | null;
  /** The mean of 2 * share - 1 (a Kendall-tau-like value in [-1, 1]). */
  meanTau: number | null;
  /** Each voter's favourite (their earliest up-vote) against the recorded winner. */
  favourite: { sameAsWinner: number; different: number; noUpvote: number };
  /** Voters who up-voted the winner at all, favourite or not. */
  upvotedWinner: number;
  /**
   * The same agreement over the vote events (VoteEvent): each voter's first vote on each image
   * against their final one, so what seeing the tallies changed shows as the difference.
   */
  events: { first: EventAgreement; final: EventAgreement };
};

/** Agreement over one reading of the vote events: voters with at least one mixed pair, and their mean share. */
export type EventAgreement = { voters: number; meanShare: number | null };

/**
 * Aggregate vs individual judgement for a closed day.
 *
 * The crowd's order is the day's final public ranking: its submitted, visible images in the
 * ranking's order (lib/voting/ranking.ts) on their final tallies, as the closed day's page shows them.
 * Hidden images are left out (their tallies froze when hidden), and so are votes on them. The
 * voter's own votes are part of the tallies; with many voters per image that bias is small.
 *
 * A voter's favourite is their earliest up-vote, by when the vote took its current value
 * (updatedAt; ties by vote id). Votes are only up or down, so the crowd's order cannot be used to
 * pick it without making the comparison circular, and the first image a voter liked enough to
 * press "up" is the one choice that reflects the voter alone. It is compared with the winner the
 * rollover recorded (which may differ from the top of the order: banned creators cannot win).
 */
export async function agreementForDay(dayId: number, locale?: string): Promise<DayAgreement> {
  const day = await db.day.findUnique({ where: { id: dayId }, select: { status: true, winnerImageId: true } });
  if (!day) throw new ActionError("NOT_FOUND", { detail: "DAY_NOT_FOUND" });
  if (day.status !== "CLOSED") throw new ActionError("NOT_CLOSED");
  const [images, events, votes] = await Promise.all([
    db.image.findMany({
      where: { dayId, status: "SUBMITTED", hiddenAt: null },
      select: { id: true, upvotes: true, downvotes: true, submittedAt: true, createdAt: true },
    }),
    db.voteEvent.findMany({
      where: { dayId, image: { status: "SUBMITTED", hiddenAt: null }, ...(locale ? { locale } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { userId: true, imageId: true, previous: true, value: true },
    }),
    db.vote.findMany({
      // With a language, only the votes cast in it (the crowd's order still counts everyone).
      where: { image: { dayId, status: "SUBMITTED", hiddenAt: null }, ...(locale ? { locale } : {}) },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      select: { userId: true, imageId: true, value: true },
    }),
  ]);
  const crowdOrder = rankImages(images).map((i) => i.id);
  const byVoter = new Map<number, Map<number, 1 | -1>>();
  for (const v of votes) {
    const mine = byVoter.get(v.userId) ?? new Map<number, 1 | -1>();
    mine.set(v.imageId, v.value > 0 ? 1 : -1);
    byVoter.set(v.userId, mine);
  }

  const result: DayAgreement = {
    dayId,
    winnerImageId: day.winnerImageId,
    voters: 0,
    shares: [],
    withoutPairs: 0,
    meanShare: null,
    meanTau: null,
    favourite: { sameAsWinner: 0, different: 0, noUpvote: 0 },
    upvotedWinner: 0,
    events: agreementOverEvents(events, crowdOrder),
  };
  for (const mine of byVoter.values()) {
    if (mine.size < 2) continue;
    result.voters++;
    const { share } = pairwiseAgreement(mine, crowdOrder);
    if (share === null) result.withoutPairs++;
    else result.shares.push(share);
    // Maps keep insertion order, and votes were read oldest first: the first up is the earliest.
    const favourite = [...mine].find(([, value]) => value === 1)?.[0];
    if (favourite === undefined) result.favourite.noUpvote++;
    else if (favourite === day.winnerImageId) result.favourite.sameAsWinner++;
    else result.favourite.different++;
    if (day.winnerImageId !== null && mine.get(day.winnerImageId) === 1) result.upvotedWinner++;
  }
  result.shares.sort((a, b) => a - b);
  if (result.shares.length > 0) {
    result.meanShare = result.shares.reduce((s, x) => s + x, 0) / result.shares.length;
    result.meanTau = 2 * result.meanShare - 1;
  }
  return result;
}

type EventRow = { userId: number; imageId: number; previous: number; value: number };

/**
 * Agreement over vote events, read twice: each voter's first vote on each image (their earliest
 * event, when it is a cast: previous 0; a pair whose history began before events were kept has
 * none) and their final one (the last event's value; a retraction leaves no vote). `events` must
 * be in time order. RESEARCH.md, "Crowd vs individual": over first and final votes separately.
 */
export function agreementOverEvents(
  events: readonly EventRow[],
  crowdOrder: readonly number[],
): { first: EventAgreement; final: EventAgreement } {
  const first = new Map<number, Map<number, 1 | -1>>();
  const final = new Map<number, Map<number, 1 | -1 | 0>>();
  const seen = new Set<string>();
  for (const e of events) {
    const pair = `${e.userId}:${e.imageId}`;
    if (!seen.has(pair)) {
      seen.add(pair);
      if (e.previous === 0 && e.value !== 0) {
        const mine = first.get(e.userId) ?? new Map<number, 1 | -1>();
        first.set(e.userId, mine.set(e.imageId, e.value > 0 ? 1 : -1));
      }
    }
    const mine = final.get(e.userId) ?? new Map<number, 1 | -1 | 0>();
    final.set(e.userId, mine.set(e.imageId, e.value > 0 ? 1 : e.value < 0 ? -1 : 0));
  }
  const over = (byVoter: Iterable<ReadonlyMap<number, 1 | -1>>): EventAgreement => {
    const shares: number[] = [];
    for (const mine of byVoter) {
      const { share } = pairwiseAgreement(mine, crowdOrder);
      if (share !== null) shares.push(share);
    }
    return { voters: shares.length, meanShare: shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null };
  };
  const finalVotes = [...final.values()].map((m) => new Map([...m].filter((e): e is [number, 1 | -1] => e[1] !== 0)));
  return { first: over(first.values()), final: over(finalVotes) };
}
