import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { getStorage } from "@/lib/storage";
import { getWorldSettings, talliesShown } from "@/lib/worlds/conditions";
import { recordExposures } from "@/lib/voting/exposures";
import { decodeCursor, encodeCursor } from "@/lib/voting/feed-cursor";
import { feedOrder } from "@/lib/voting/feed-order";
import { type PersonName, personNameFields } from "@/i18n/person-name";

/** Items per page: a phone's first few screens, and a light first response at any size of day. */
export const FEED_PAGE_SIZE = 24;

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

/** What a grid holds of one page: its items, the full order's length and where to continue. */
export type FeedPage = { items: FeedItem[]; total: number; nextCursor: string | null };

/** What a feed needs of its day: read by findFeedDay, or by a caller that had to read it anyway. */
const feedDayFields = {
  id: true,
  worldId: true,
  date: true,
  status: true,
  winnerImageId: true,
  seedImage: { select: { resultKey: true, width: true, height: true } },
} as const;

export type FeedDay = Prisma.DayGetPayload<{ select: typeof feedDayFields }>;

/** The day at `where` (its id or its date) with what a feed needs of it; null when there is none. */
export function findFeedDay(where: Prisma.DayWhereUniqueInput): Promise<FeedDay | null> {
  return db.day.findUnique({ where, select: feedDayFields });
}

type FeedOptions = {
  /** Where to continue: the nextCursor of the previous page. None for the first page. */
  cursor?: string | null;
  /** Items per page; FEED_PAGE_SIZE unless a test asks for smaller pages. */
  pageSize?: number;
};

/**
 * One page of a day's submitted, visible images as one viewer should see them: in their own
 * stable random order (or newest first, or ranked once the day is closed, or their
 * exposure-balanced sample: lib/voting/feed-order.ts), authors and tallies shown only as the
 * experiment's settings allow. The vote and day pages (their first page) and the JSON endpoint
 * (any page) share this. Each item carries its place in the viewer's full order (`position`,
 * which a vote records), and `nextCursor` continues exactly that order; `total` is its length.
 *
 * Only the page's rows are read in full and only its URLs signed. A cursor that is not this
 * server's, or another viewer's, is refused with INVALID_CURSOR; one for another day, or for an
 * order that has changed since its first page (an image hidden, a setting changed, the day
 * closed), with STALE_CURSOR: both 400s. The items served to a signed-in voter on an open day are
 * recorded as shown (lib/voting/exposures.ts). `dayOrId`: the day as findFeedDay (or getCurrentDay)
 * read it, so a page that needed the row first does not read it twice, or its id.
 */
export async function getVoteFeed(dayOrId: FeedDay | number, viewerId: number | null, opts: FeedOptions = {}) {
  const dayId = typeof dayOrId === "number" ? dayOrId : dayOrId.id;
  const cursor = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (cursor && cursor.viewerId !== (viewerId ?? 0)) throw new ActionError("INVALID_CURSOR");
  if (cursor && cursor.dayId !== dayId) throw new ActionError("STALE_CURSOR");
  const day = typeof dayOrId === "number" ? await findFeedDay({ id: dayOrId }) : dayOrId;
  if (!day) return null;
  // The day's world's conditions: what is shown, and in which order.
  const settings = await getWorldSettings(day.worldId);
  const closed = day.status === "CLOSED";
  const order = await feedOrder({ day: { id: day.id, closed, winnerImageId: day.winnerImageId }, viewerId, settings, asOf: cursor?.asOf });
  if (cursor && order.fingerprint !== cursor.fingerprint) throw new ActionError("STALE_CURSOR");
  const start = cursor?.offset ?? 0;
  const pageIds = order.ids.slice(start, start + (opts.pageSize ?? FEED_PAGE_SIZE));
  const [images, votes] = await Promise.all([
    pageIds.length === 0
      ? []
      : db.image.findMany({
          where: { id: { in: pageIds } },
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
            creatorId: true,
            creator: { select: personNameFields },
          },
        }),
    viewerId && pageIds.length > 0
      ? db.vote.findMany({ where: { userId: viewerId, imageId: { in: pageIds } }, select: { imageId: true, value: true } })
      : [],
  ]);
  const mine = new Map(votes.map((v) => [v.imageId, v.value]));
  const byId = new Map(images.map((img) => [img.id, img]));
  const storage = getStorage();
  const page = pageIds.flatMap((id, i) => {
    const img = byId.get(id);
    return img ? [{ img, position: start + i }] : [];
  });
  const items: FeedItem[] = await Promise.all(
    page.map(async ({ img, position }) => {
      const myVote = (mine.get(img.id) ?? 0) as -1 | 0 | 1;
      const showTally = talliesShown(settings, { closed, voted: myVote !== 0 });
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
  if (viewerId !== null && !closed) await recordExposures({ userId: viewerId, dayId: day.id, sampled: order.sampled, items });
  const next = start + pageIds.length;
  return {
    day: { id: day.id, dateKey: keyFromDate(day.date), closed },
    seed: { url: await storage.url(day.seedImage.resultKey), width: day.seedImage.width, height: day.seedImage.height },
    items,
    /** How many items the viewer's full order holds (their sample's size in sample mode). */
    total: order.ids.length,
    /** The next page's cursor; null on the last page. */
    nextCursor:
      next < order.ids.length
        ? encodeCursor({ dayId: day.id, viewerId: viewerId ?? 0, offset: next, asOf: order.asOf, fingerprint: order.fingerprint })
        : null,
    /** Whether the viewer sees an exposure-balanced sample rather than every submission. */
    sampled: order.sampled,
    selfVoting: settings.allowSelfVoting,
  };
}

export type VoteFeed = NonNullable<Awaited<ReturnType<typeof getVoteFeed>>>;
