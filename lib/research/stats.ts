import "server-only";
import { keyFromDate, now, todayKey } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { rankEligible } from "@/lib/voting/eligible-ranking";
import { getSettings } from "@/lib/settings/settings";
import { getEnv } from "@/lib/server/env";
import { getRunningStudy } from "@/lib/worlds/studies";
import { dayStats } from "@/lib/rollover/close-day";
import { msUntilNextMidnight, nextDateKey, startOfLocalDay } from "@/lib/days/midnight";

/** The dashboard's figures for the open day, all read live. */
export type Overview = {
  dayId: number;
  date: string;
  seedImageId: number;
  /** Submitted images, hidden ones included; `hidden` says how many of them are hidden. */
  submissions: number;
  hidden: number;
  votes: number;
  distinctVoters: number;
  /** Generations used today by everyone (sum of UserDayUsage.generations). */
  generationsUsed: number;
  /** Who the rollover would crown now (lib/voting/eligible-ranking.ts), or null. */
  leaderImageId: number | null;
  /** When the day ends (its next local midnight in APP_TIME_ZONE) and how long until then. */
  endsAt: Date;
  msLeft: number;
  /** The day has ended but the rollover has not closed it yet. */
  overdue: boolean;
};

/** One row of the day history. */
export type DayHistoryRow = {
  dayId: number;
  date: string;
  status: "OPEN" | "CLOSED";
  participants: number;
  submissions: number;
  votes: number;
  winnerImageId: number | null;
  /** True when the figures were computed now (an open day) rather than recorded at the close. */
  live: boolean;
};

const n = (v: bigint | number | null | undefined) => Number(v ?? 0);

/**
 * The open day of `worldId` (the running study's first world unless given), the latest open one
 * as getCurrentDay picks it; null if none. The overview's worlds section has every world's.
 */
export async function getOverview(worldId?: number): Promise<Overview | null> {
  const world = worldId ?? (await getRunningStudy()).worlds[0]!.id;
  const day = await db.day.findFirst({
    where: { status: "OPEN", worldId: world },
    orderBy: { date: "desc" },
    select: { id: true, date: true, seedImageId: true },
  });
  if (!day) return null;
  const dayId = day.id;
  const { excludeBannedVoters } = await getSettings();
  const [submissions, hidden, votes, voters, usage, ranked] = await Promise.all([
    db.image.count({ where: { dayId, status: "SUBMITTED" } }),
    db.image.count({ where: { dayId, status: "SUBMITTED", hiddenAt: { not: null } } }),
    db.vote.count({ where: { image: { dayId } } }),
    db.$queryRaw<
      { n: bigint | number }[]
    >`SELECT COUNT(DISTINCT v.userId) AS n FROM Vote v JOIN Image i ON i.id = v.imageId WHERE i.dayId = ${dayId}`,
    db.userDayUsage.aggregate({ where: { dayId }, _sum: { generations: true } }),
    rankEligible(db, dayId, excludeBannedVoters),
  ]);
  const zone = getEnv().APP_TIME_ZONE;
  const at = now();
  const date = keyFromDate(day.date);
  const today = todayKey(at);
  const endsAt = new Date(startOfLocalDay(nextDateKey(date), zone));
  // An older day still open (the rollover has not run yet) has no time left, not a negative one.
  const msLeft = date === today ? msUntilNextMidnight(at, zone) : Math.max(0, endsAt.getTime() - at.getTime());
  const overdue = date < today;
  return {
    dayId,
    date,
    seedImageId: day.seedImageId,
    submissions,
    hidden,
    votes,
    distinctVoters: n(voters[0]?.n),
    generationsUsed: usage._sum.generations ?? 0,
    leaderImageId: ranked[0]?.id ?? null,
    endsAt,
    msLeft,
    overdue,
  };
}

/**
 * The latest `take` days, newest first. Closed days report the totals the rollover recorded when
 * it closed them; a day still open is counted now, with the rollover's own definitions
 * (dayStats), so its row turns into the recorded one without a jump.
 */
export async function listDayHistory(take: number): Promise<DayHistoryRow[]> {
  const days = await db.day.findMany({
    orderBy: { date: "desc" },
    take: Math.min(Math.max(Math.trunc(take) || 1, 1), 3660),
    select: { id: true, date: true, status: true, winnerImageId: true, totalParticipants: true, totalSubmissions: true, totalVotes: true },
  });
  return Promise.all(
    days.map(async (d): Promise<DayHistoryRow> => {
      const base = { dayId: d.id, date: keyFromDate(d.date), status: d.status, winnerImageId: d.winnerImageId };
      if (d.status === "CLOSED")
        return { ...base, participants: d.totalParticipants, submissions: d.totalSubmissions, votes: d.totalVotes, live: false };
      const s = await dayStats(db, d.id);
      return { ...base, participants: s.totalParticipants, submissions: s.totalSubmissions, votes: s.totalVotes, live: true };
    }),
  );
}
