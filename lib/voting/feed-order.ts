import "server-only";
import { db, withConnection } from "@/lib/server/db";
import type { WorldSettings } from "@/lib/worlds/conditions";
import { rankEligible } from "@/lib/voting/eligible-ranking";
import { orderFingerprint } from "@/lib/voting/feed-cursor";
import { rankImages } from "@/lib/voting/ranking";
import { seededShuffle } from "@/lib/voting/shuffle";
import { voterSample } from "@/lib/voting/vote-sample";

/** What ordering needs of every submission: no prompt, no keys, nothing to sign. */
type OrderRow = { id: number; creatorId: number | null; upvotes: number; downvotes: number; submittedAt: Date | null; createdAt: Date };

type FeedOrder = {
  /** The ids of the voter's full order: position k is ids[k]. */
  ids: number[];
  /** Whether the exposure-balanced sample chose these (sample mode). */
  sampled: boolean;
  /** The snapshot the order was computed over (see FeedCursor.asOf). */
  asOf: number;
  fingerprint: string;
};

/** When an image joined the vote. */
const joinedAt = (r: OrderRow) => (r.submittedAt ?? r.createdAt).getTime();

/**
 * One viewer's full order of a day's submitted, visible images, as ids: a closed day's final
 * ranking; on an open day, as the world's order says: the viewer's own seeded shuffle for the
 * day (stable across reloads, different between voters), newest first, or by current score (the
 * day's ranking as it stands, the strongest social signal: it moves with every vote, so a
 * later page may find the order changed, STALE_CURSOR); in sample mode (a signed-in voter,
 * voteSampleSize > 0, an open day) the same rule over the voter's sample only.
 *
 * Only the few columns ordering needs are read for every image, so 20,000 submissions cost one
 * light query and a shuffle; pages read their own rows (lib/voting/feed.ts). `asOf` pins a
 * snapshot: given, only images that joined the vote by then count, so a submission arriving
 * while the voter scrolls does not reshuffle the pages still to come; not given (a first page),
 * the snapshot is every image there is, and is returned for the cursor to carry.
 */
export async function feedOrder(opts: {
  day: { id: number; closed: boolean; winnerImageId: number | null };
  viewerId: number | null;
  settings: WorldSettings;
  asOf?: number;
}): Promise<FeedOrder> {
  const { day, viewerId, settings } = opts;
  // Plain SQL on the shared pool: Prisma would map each of 20,000 rows (~170 ms there, ~30 ms
  // here). Newest first; the id settles equal times, so the shuffle's input is the same every time.
  const all = await withConnection(
    (conn) =>
      conn.query(
        `SELECT id, creatorId, upvotes, downvotes, submittedAt, createdAt FROM Image
         WHERE dayId = ? AND status = 'SUBMITTED' AND hiddenAt IS NULL ORDER BY createdAt DESC, id DESC`,
        [day.id],
      ) as Promise<OrderRow[]>,
  );
  const asOf = opts.asOf ?? all.reduce((max, r) => Math.max(max, joinedAt(r)), 0);
  const rows = opts.asOf === undefined ? all : all.filter((r) => joinedAt(r) <= asOf);

  let mode: "closed" | "sample" | "random" | "newest" | "score";
  let ordered: OrderRow[];
  if (day.closed) {
    mode = "closed";
    ordered = await finalOrder(rows, day.id, day.winnerImageId, settings.excludeBannedVoters);
  } else {
    let pool = rows;
    mode = settings.order;
    if (viewerId !== null && settings.voteSampleSize > 0) {
      const sample = await voterSample({
        dayId: day.id,
        userId: viewerId,
        size: settings.voteSampleSize,
        candidates: rows,
        allowSelf: settings.allowSelfVoting,
        topUp: opts.asOf === undefined,
      });
      pool = rows.filter((r) => sample.has(r.id));
      mode = "sample";
    }
    // The sample is shown in the day's usual order, so where an image stands is not how rarely it was shown.
    ordered =
      settings.order === "random"
        ? seededShuffle(pool, `${day.id}:${viewerId ?? "anon"}`)
        : settings.order === "score"
          ? rankImages(pool)
          : pool;
  }
  const ids = ordered.map((r) => r.id);
  return { ids, sampled: mode === "sample", asOf, fingerprint: orderFingerprint(mode, ids) };
}

/**
 * A closed day's final ranking, by the rule the rollover decided it with (rankEligible): the
 * recorded winner first (a ban after the close may have moved the race since, but not the
 * result), then the eligible submissions in race order, then those that could not win (a banned
 * creator's) in Wilson order.
 */
async function finalOrder<T extends OrderRow>(
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
