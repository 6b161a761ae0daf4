import "server-only";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { getStorage } from "@/lib/storage";
import { rankEligible } from "@/lib/voting/eligible-ranking";
import { rankImages } from "@/lib/voting/ranking";
import { getSettings } from "@/lib/settings/settings";
import { seededShuffle } from "@/lib/voting/shuffle";
import { type PersonName, personNameFields } from "@/i18n/person-name";

export type FeedItem = {
  id: number;
  position: number;
  prompt: string;
  width: number;
  height: number;
  thumbUrl: string;
  url: string;
  maskUrl: string | null;
  /** Null when the experiment hides authors. */
  author: PersonName | null;
  /** Null until the viewer may see them (after voting, when tallies are hidden). */
  tally: { up: number; down: number } | null;
  myVote: -1 | 0 | 1;
  mine: boolean;
};

/**
 * A day's submitted, visible images as one viewer should see them: in their own stable random
 * order (or newest first, or ranked once the day is closed), authors and tallies shown only as
 * the experiment's settings allow. The vote page, its JSON endpoint and load tests share this.
 */
export async function getVoteFeed(dayId: number, viewerId: number | null) {
  const settings = await getSettings();
  const day = await db.day.findUnique({
    where: { id: dayId },
    select: {
      id: true,
      date: true,
      status: true,
      winnerImageId: true,
      seedImage: { select: { resultKey: true, width: true, height: true } },
    },
  });
  if (!day) return null;
  const closed = day.status === "CLOSED";
  const [images, votes] = await Promise.all([
    db.image.findMany({
      where: { dayId, status: "SUBMITTED", hiddenAt: null },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        prompt: true,
        width: true,
        height: true,
        thumbKey: true,
        resultKey: true,
        maskKey: true,
        upvotes: true,
        downvotes: true,
        submittedAt: true,
        createdAt: true,
        creatorId: true,
        creator: { select: personNameFields },
      },
    }),
    viewerId ? db.vote.findMany({ where: { userId: viewerId, image: { dayId } }, select: { imageId: true, value: true } }) : [],
  ]);
  const mine = new Map(votes.map((v) => [v.imageId, v.value]));
  const ordered = closed
    ? await finalOrder(images, dayId, day.winnerImageId, settings.excludeBannedVoters)
    : settings.randomizeOrder
      ? seededShuffle(images, `${dayId}:${viewerId ?? "anon"}`)
      : images;
  const storage = getStorage();
  const items: FeedItem[] = await Promise.all(
    ordered.map(async (img, position) => {
      const myVote = (mine.get(img.id) ?? 0) as -1 | 0 | 1;
      const showTally = closed || !settings.hideTalliesUntilVoted || myVote !== 0;
      return {
        id: img.id,
        position,
        prompt: img.prompt,
        width: img.width,
        height: img.height,
        thumbUrl: await storage.url(img.thumbKey),
        url: await storage.url(img.resultKey),
        maskUrl: img.maskKey ? await storage.url(img.maskKey) : null,
        author: settings.hideAuthors && !closed ? null : (img.creator ?? null),
        tally: showTally ? { up: img.upvotes, down: img.downvotes } : null,
        myVote,
        mine: viewerId !== null && img.creatorId === viewerId,
      };
    }),
  );
  return {
    day: { id: day.id, dateKey: keyFromDate(day.date), closed },
    seed: { url: await storage.url(day.seedImage.resultKey), width: day.seedImage.width, height: day.seedImage.height },
    items,
    selfVoting: settings.allowSelfVoting,
  };
}

export type VoteFeed = NonNullable<Awaited<ReturnType<typeof getVoteFeed>>>;

/**
 * A closed day's final ranking, by the rule the rollover decided it with (rankEligible): the
 * recorded winner first (a ban after the close may have moved the race since, but not the
 * result), then the eligible submissions in race order, then those that could not win (a banned
 * creator's) in Wilson order.
 */
async function finalOrder<T extends { id: number; upvotes: number; downvotes: number; submittedAt: Date | null; createdAt: Date }>(
  images: T[],
  dayId: number,
  winnerImageId: number | null,
  excludeBannedVoters: boolean,
): Promise<T[]> {
  const race = await rankEligible(db, dayId, excludeBannedVoters);
  const place = new Map(race.map((r, i) => [r.id, i]));
  const rest = new Map(rankImages(images.filter((i) => !place.has(i.id))).map((r, i) => [r.id, race.length + i]));
  const rank = (id: number) => (id === winnerImageId ? -1 : (place.get(id) ?? rest.get(id) ?? Number.MAX_SAFE_INTEGER));
  return [...images].sort((a, b) => rank(a.id) - rank(b.id));
}
