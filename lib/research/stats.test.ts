// Its own database: the overview reads "the latest open day" and the history "the latest days".
import "@/test/isolated-db";
import { afterEach, describe, expect, it } from "vitest";
import { castVote, closeDayAs, makeImage } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { makeDay } from "@/test/rollover";
import { setClockForTests } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { resetEnvForTests } from "@/lib/server/env";
import { netScores, perDaySeries, votesPerImage } from "./distributions";
import { getOverview, listDayHistory } from "./stats";

const H = 3_600_000;
const savedZone = process.env.APP_TIME_ZONE;

afterEach(() => {
  setClockForTests(null);
  process.env.APP_TIME_ZONE = savedZone;
  if (savedZone === undefined) delete process.env.APP_TIME_ZONE;
  resetEnvForTests();
});

/** Yesterday (closed, recorded totals) and today (open), with votes and usage. */
async function twoDays(todayKey = "2026-03-08") {
  const date = new Date(`${todayKey}T00:00:00Z`);
  const { day: past } = await makeDay(new Date(date.getTime() - 24 * H));
  const { day: today } = await makeDay(date);
  const [alice, bob, carol] = [await makeUser(), await makeUser(), await makeUser()];
  const a = await makeImage(today, { creatorId: alice.id });
  const b = await makeImage(today, { creatorId: bob.id });
  const hidden = await makeImage(today, { hidden: true });
  await makeImage(today, { draft: true, creatorId: carol.id });
  await castVote(bob.id, a.id, 1);
  await castVote(carol.id, a.id, 1);
  await castVote(carol.id, b.id, -1);
  await castVote(alice.id, hidden.id, -1);
  await db.userDayUsage.createMany({
    data: [
      { userId: alice.id, dayId: today.id, generations: 4 },
      { userId: carol.id, dayId: today.id, generations: 3 },
    ],
  });
  const pastWinner = await makeImage(past, { up: 2 });
  await closeDayAs(past.id, pastWinner.id, { totalParticipants: 7, totalSubmissions: 5, totalVotes: 11 });
  return { past, today, a, b, hidden, pastWinner };
}

describe("getOverview and listDayHistory", () => {
  it("report the open day live, and closed days from their recorded totals", async () => {
    process.env.APP_TIME_ZONE = "America/New_York";
    resetEnvForTests();
    const { past, today, a, pastWinner } = await twoDays();
    // 00:30 EST on 2026-03-08, the spring-forward day: 22.5 hours left, not 23.5.
    setClockForTests(() => new Date("2026-03-08T05:30:00Z"));

    expect(await getOverview()).toEqual({
      dayId: today.id,
      date: "2026-03-08",
      seedImageId: today.seedImageId,
      submissions: 3,
      hidden: 1,
      votes: 4,
      distinctVoters: 3,
      generationsUsed: 7,
      leaderImageId: a.id,
      endsAt: new Date("2026-03-09T04:00:00Z"),
      msLeft: 22.5 * H,
      overdue: false,
    });
    expect(await listDayHistory(10)).toEqual([
      { dayId: today.id, date: "2026-03-08", status: "OPEN", participants: 4, submissions: 3, votes: 4, winnerImageId: null, live: true },
      {
        dayId: past.id,
        date: "2026-03-07",
        status: "CLOSED",
        participants: 7,
        submissions: 5,
        votes: 11,
        winnerImageId: pastWinner.id,
        live: false,
      },
    ]);
    expect(await perDaySeries(10)).toEqual([
      { date: "2026-03-07", votes: 11, submissions: 5 },
      { date: "2026-03-08", votes: 4, submissions: 3 },
    ]);
    expect((await listDayHistory(1)).map((d) => d.dayId)).toEqual([today.id]);

    // The next evening the day is over but not yet rolled over.
    setClockForTests(() => new Date("2026-03-10T01:00:00Z"));
    expect(await getOverview()).toMatchObject({ msLeft: 0, overdue: true });
  });

  it("histogram votes per image and net scores over submitted images, per day or overall", async () => {
    const { today, past } = await twoDays("2026-05-02");
    // Today: a +2/-0, b +0/-1, hidden +0/-1; past: winner +2/-0. The draft is not counted.
    expect(await votesPerImage(today.id)).toEqual([
      { value: 1, count: 2 },
      { value: 2, count: 1 },
    ]);
    expect(await netScores(today.id)).toEqual([
      { value: -1, count: 2 },
      { value: 2, count: 1 },
    ]);
    expect(await netScores(past.id)).toEqual([{ value: 2, count: 1 }]);
    // Over all days: the same as counting every submitted image by hand.
    const submitted = await db.image.findMany({ where: { status: "SUBMITTED" }, select: { upvotes: true, downvotes: true } });
    const expected = new Map<number, number>();
    for (const i of submitted) expected.set(i.upvotes + i.downvotes, (expected.get(i.upvotes + i.downvotes) ?? 0) + 1);
    expect(await votesPerImage(null)).toEqual([...expected].sort(([x], [y]) => x - y).map(([value, count]) => ({ value, count })));
  });

  it("has no overview without an open day", async () => {
    await db.day.updateMany({ data: { status: "CLOSED" } });
    expect(await getOverview()).toBeNull();
  });
});
