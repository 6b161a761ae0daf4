import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { type Interval, POSITION_BINS, type PositionBin, positionBin, wilsonInterval } from "@/lib/research/estimators";

/** Up-votes among first votes, with a Wilson 95 % interval (null when there are none). */
export type UpShare = { votes: number; up: number; share: number | null; ci: Interval | null };

/** How first changes moved relative to a majority (see influenceOnVotes). */
export type Direction = { towards: number; away: number; noMajority: number; unknown: number };

/** What became of first votes after the voter saw the tallies. */
export type Changes = {
  firstVotes: number;
  /** First votes followed by any later event on the same image: a switch or a retraction. */
  changed: number;
  share: number | null;
  ci: Interval | null;
  /** The first change after the first vote: to the other value, or withdrawn. */
  switched: number;
  retracted: number;
  /** Against the majority of the other voters in the tallies shown right after the first vote. */
  relativeToSeen: Direction;
  /** Against the majority of the other voters in the image's final tallies. */
  relativeToFinal: Direction;
};

export type Influence = {
  dayId: number | null;
  locale: string | null;
  /** (voter, image) pairs whose history starts with a cast: the first votes below. */
  firstVotes: number;
  /** Pairs whose earliest event is not a cast: the first vote predates the event log, left out. */
  withoutHistory: number;
  /** Every bin of POSITION_BINS, in order, empty ones included. */
  byPosition: ({ bin: PositionBin } & UpShare)[];
  /** First votes with no recorded position. */
  withoutPosition: number;
  byTallies: { visible: UpShare; hidden: UpShare };
  /** All first votes, then split by whether the tallies were visible when the first vote was cast. */
  changes: { all: Changes; talliesVisibleAtFirstVote: Changes; talliesHiddenAtFirstVote: Changes };
};

type Row = {
  isCast: number | bigint;
  position: number | bigint | null;
  visible: number | bigint | boolean;
  firstValue: number | bigint;
  nextValue: number | bigint | null;
  seenSign: number | bigint | null;
  finalSign: number | bigint;
  n: number | bigint;
};

/**
 * Influence on votes (RESEARCH.md), from the VoteEvent log, for all days or one, and with a
 * `locale` for the first votes cast in that interface language.
 *
 * A first vote is the earliest event of a (voter, image) pair, by createdAt then id. It must be a
 * cast (previous = 0): a pair whose earliest event switches or retracts had its first vote before
 * the log began (votes from before the VoteEvent migration have no events) and is counted apart.
 * A later cast after a retraction is not a first vote. The language filter applies to the first
 * vote's event, after first votes are found, so the later events of those pairs still count.
 * Hidden images, open days and banned voters are all included: a vote is a vote when cast.
 *
 * Vote changes: after every vote the page shows that image's tallies (the vote's answer carries
 * them), so every first voter saw tallies after it; the share is over all first votes. A change is
 * any later event of the pair; its direction is the first change's, the sign of (new value − first
 * value): towards a majority when it moves the voter's contribution to the majority's side, away
 * when it moves it off. The majority is the other voters': the voter's own vote is taken out, as
 * it carries no social information.
 *
 * What is not stored: the tallies a voter saw. VoteEvent keeps neither the tallies shown with a
 * vote nor those on later page loads. The tallies shown right after the first vote are rebuilt by
 * replaying the image's events in order, which is right only when the image's whole history is in
 * the log: when the replay ends on the image's stored tallies. Otherwise the direction is
 * `unknown` in relativeToSeen. Tallies the voter may have seen later, before changing, cannot be
 * rebuilt at all. relativeToFinal compares with the final stored tallies instead (less the
 * voter's current vote), which is always known but is not what the voter saw.
 */
export async function influenceOnVotes(filter: { dayId?: number; locale?: string } = {}): Promise<Influence> {
  const dayId = filter.dayId ?? null;
  const locale = filter.locale || null;
  const onDay = dayId === null ? Prisma.empty : Prisma.sql`WHERE dayId = ${dayId}`;
  const inLanguage = locale === null ? Prisma.empty : Prisma.sql`AND e.locale = ${locale}`;
  // One pass over the log. Per event: its place in its pair, the pair's next and last values, and
  // the image's tallies replayed up to and including it and to the end. Each event adds
  // (value = 1) − (previous = 1) up-votes and likewise down-votes. Grouped, so only counts come back.
  const rows = await db.$queryRaw<Row[]>`
    WITH e AS (
      SELECT imageId, previous, value, position, talliesVisible, locale,
        ROW_NUMBER() OVER pair AS nth,
        LEAD(value) OVER pair AS nextValue,
        FIRST_VALUE(value) OVER (PARTITION BY userId, imageId ORDER BY createdAt DESC, id DESC) AS lastValue,
        SUM((value = 1) - (previous = 1)) OVER upTo AS upSoFar,
        SUM((value = -1) - (previous = -1)) OVER upTo AS downSoFar,
        SUM((value = 1) - (previous = 1)) OVER (PARTITION BY imageId) AS upTotal,
        SUM((value = -1) - (previous = -1)) OVER (PARTITION BY imageId) AS downTotal
      FROM VoteEvent ${onDay}
      WINDOW pair AS (PARTITION BY userId, imageId ORDER BY createdAt, id),
        upTo AS (PARTITION BY imageId ORDER BY createdAt, id ROWS UNBOUNDED PRECEDING)
    )
    SELECT e.previous = 0 AS isCast, e.position, e.talliesVisible AS visible, e.value AS firstValue, e.nextValue,
      CASE WHEN e.upTotal = i.upvotes AND e.downTotal = i.downvotes
        THEN CAST(SIGN(e.upSoFar - e.downSoFar - e.value) AS SIGNED) END AS seenSign,
      CAST(SIGN(i.upvotes - i.downvotes - e.lastValue) AS SIGNED) AS finalSign,
      COUNT(*) AS n
    FROM e JOIN Image i ON i.id = e.imageId
    WHERE e.nth = 1 ${inLanguage}
    GROUP BY isCast, e.position, visible, firstValue, e.nextValue, seenSign, finalSign`;

  const bins = new Map(POSITION_BINS.map((bin) => [bin, { votes: 0, up: 0 }]));
  const tallies = { visible: { votes: 0, up: 0 }, hidden: { votes: 0, up: 0 } };
  const changes = { all: emptyChanges(), talliesVisibleAtFirstVote: emptyChanges(), talliesHiddenAtFirstVote: emptyChanges() };
  let firstVotes = 0;
  let withoutHistory = 0;
  let withoutPosition = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (Number(r.isCast) !== 1) {
      withoutHistory += n;
      continue;
    }
    firstVotes += n;
    const up = Number(r.firstValue) === 1 ? n : 0;
    const visible = Number(r.visible) === 1;
    const bin = r.position === null ? null : bins.get(positionBin(Number(r.position)))!;
    if (bin) {
      bin.votes += n;
      bin.up += up;
    } else withoutPosition += n;
    const side = visible ? tallies.visible : tallies.hidden;
    side.votes += n;
    side.up += up;
    for (const c of [changes.all, visible ? changes.talliesVisibleAtFirstVote : changes.talliesHiddenAtFirstVote]) {
      c.firstVotes += n;
      if (r.nextValue === null) continue;
      c.changed += n;
      if (Number(r.nextValue) === 0) c.retracted += n;
      else c.switched += n;
      const moved = Math.sign(Number(r.nextValue) - Number(r.firstValue));
      c.relativeToSeen[direction(moved, r.seenSign === null ? null : Number(r.seenSign))] += n;
      c.relativeToFinal[direction(moved, Number(r.finalSign))] += n;
    }
  }

  return {
    dayId,
    locale,
    firstVotes,
    withoutHistory,
    byPosition: POSITION_BINS.map((bin) => ({ bin, ...upShare(bins.get(bin)!) })),
    withoutPosition,
    byTallies: { visible: upShare(tallies.visible), hidden: upShare(tallies.hidden) },
    changes: {
      all: finish(changes.all),
      talliesVisibleAtFirstVote: finish(changes.talliesVisibleAtFirstVote),
      talliesHiddenAtFirstVote: finish(changes.talliesHiddenAtFirstVote),
    },
  };
}

function upShare({ votes, up }: { votes: number; up: number }): UpShare {
  return { votes, up, share: votes === 0 ? null : up / votes, ci: wilsonInterval(up, votes) };
}

function emptyChanges(): Changes {
  const none = (): Direction => ({ towards: 0, away: 0, noMajority: 0, unknown: 0 });
  return { firstVotes: 0, changed: 0, share: null, ci: null, switched: 0, retracted: 0, relativeToSeen: none(), relativeToFinal: none() };
}

function finish(c: Changes): Changes {
  return { ...c, share: c.firstVotes === 0 ? null : c.changed / c.firstVotes, ci: wilsonInterval(c.changed, c.firstVotes) };
}

/** A move (the sign of new − first value) against a majority's sign (0: a tie; null: not known). */
function direction(moved: number, majority: number | null): keyof Direction {
  if (majority === null) return "unknown";
  if (majority === 0) return "noMajority";
  return moved === majority ? "towards" : "away";
}
