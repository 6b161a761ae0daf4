import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { at, castVotes, closeFutureDays, futureDates, holdRolloverLock, makeDay, makeImage } from "@/test/rollover";
import { makeUser, TEST_WORLD_ID } from "@/test/fixtures";
import { submitAttempt } from "../creating/attempts";
import { keyFromDate, setClockForTests } from "../server/clock";
import { db } from "../server/db";
import { resetEnvForTests } from "../server/env";
import { runRollover } from "./rollover";
import { setVote } from "../voting/votes";

// Years 2600-5999 are this file's; the route test uses later ones (see test/rollover.ts).
const nextDate = futureDates(2600, 6000);
const savedZone = process.env.APP_TIME_ZONE;
let release: () => Promise<void>;

function setZone(zone: string | undefined): void {
  if (zone === undefined) delete process.env.APP_TIME_ZONE;
  else process.env.APP_TIME_ZONE = zone;
  resetEnvForTests();
}

const dayOn = (date: Date) => db.day.findUnique({ where: { worldId_date: { worldId: TEST_WORLD_ID, date } } });

beforeAll(async () => {
  release = await holdRolloverLock();
  setZone("UTC");
}, 330_000);

afterEach(async () => {
  setClockForTests(null);
  setZone("UTC");
  await closeFutureDays();
});

afterAll(async () => {
  setZone(savedZone);
  await release();
});

describe("runRollover", () => {
  it("closes the day with the Wilson winner, records its figures and opens the next day seeded by it", async () => {
    const D = nextDate();
    const { day } = await makeDay(D);
    const [voter1, voter2, voter3] = [await makeUser(), await makeUser(), await makeUser()];
    const few = await makeImage(day);
    const many = await makeImage(day, { up: 90, down: 10 });
    await makeImage(day, { draft: true, creatorId: voter1.id }); // a participant who also votes
    setClockForTests(() => at(D, 0, 18));
    await setVote({ userId: voter1.id, imageId: few.id, value: 1 });
    await setVote({ userId: voter2.id, imageId: few.id, value: 1 });
    await setVote({ userId: voter3.id, imageId: many.id, value: 1 });

    const closedAt = at(D, 1, 0.1);
    setClockForTests(() => closedAt);
    const { closed } = await runRollover();

    const next = at(D, 1);
    expect(closed).toEqual([
      {
        worldId: TEST_WORLD_ID,
        date: keyFromDate(D),
        winnerImageId: many.id,
        nextDate: keyFromDate(next),
        nextSeedImageId: many.id,
        totalSubmissions: 2,
        totalVotes: 3,
        totalParticipants: 5,
      },
    ]);
    expect(await dayOn(D)).toMatchObject({
      status: "CLOSED",
      closedAt,
      winnerImageId: many.id,
      totalSubmissions: 2,
      totalVotes: 3,
      totalParticipants: 5,
    });
    expect(await dayOn(next)).toMatchObject({
      status: "OPEN",
      seedImageId: many.id,
      openedAt: closedAt,
      winnerImageId: null,
      closedAt: null,
    });
  });

  it("crowns the Wilson leader, not the most up-voted: 10 up / 0 down beats 12 up / 30 down", async () => {
    const D = nextDate();
    const { day } = await makeDay(D);
    // The most up-voted one is also submitted first and has the lower id, so no tie-break favours the other.
    const mostUp = await makeImage(day, { submittedAt: at(D, 0, 9) });
    const wilson = await makeImage(day, { submittedAt: at(D, 0, 15) });
    await castVotes(mostUp.id, 12, 30);
    await castVotes(wilson.id, 10, 0);
    setClockForTests(() => at(D, 1, 1));
    const { closed } = await runRollover();
    expect(closed).toMatchObject([{ winnerImageId: wilson.id, nextSeedImageId: wilson.id, totalSubmissions: 2, totalVotes: 52 }]);
    expect(await dayOn(D)).toMatchObject({ status: "CLOSED", winnerImageId: wilson.id });
    expect(await dayOn(at(D, 1))).toMatchObject({ status: "OPEN", seedImageId: wilson.id });
  });

  it("breaks a tie in favour of the earlier submission", async () => {
    const D = nextDate();
    const { day } = await makeDay(D);
    // The later one is created first, so a lower id cannot be what decides.
    await makeImage(day, { up: 5, down: 1, submittedAt: at(D, 0, 15) });
    const earlier = await makeImage(day, { up: 5, down: 1, submittedAt: at(D, 0, 9) });
    setClockForTests(() => at(D, 1, 1));
    const { closed } = await runRollover();
    expect(closed.map((c) => c.winnerImageId)).toEqual([earlier.id]);
  });

  it("carries the seed over when nothing was submitted", async () => {
    const D = nextDate();
    const { day, seed } = await makeDay(D);
    await makeImage(day, { draft: true });
    setClockForTests(() => at(D, 1, 1));
    const { closed } = await runRollover();
    expect(closed).toMatchObject([
      { winnerImageId: null, nextSeedImageId: seed.id, totalSubmissions: 0, totalVotes: 0, totalParticipants: 1 },
    ]);
    expect(await dayOn(D)).toMatchObject({ status: "CLOSED", winnerImageId: null });
    expect(await dayOn(at(D, 1))).toMatchObject({ status: "OPEN", seedImageId: seed.id });
  });

  it("never crowns a hidden image or a banned user's image, however well voted", async () => {
    const D = nextDate();
    const { day } = await makeDay(D);
    const banned = await makeUser({ bannedAt: at(D, 0, 14) });
    await makeImage(day, { up: 100, down: 0, hidden: true });
    await makeImage(day, { up: 100, down: 0, creatorId: banned.id });
    const modest = await makeImage(day, { up: 1, down: 3 });
    setClockForTests(() => at(D, 1, 1));
    const { closed } = await runRollover();
    expect(closed).toMatchObject([{ winnerImageId: modest.id, totalSubmissions: 3 }]);
  });

  it("refuses votes and submissions once the day is closed", async () => {
    const D = nextDate();
    const { day } = await makeDay(D);
    const creator = await makeUser();
    const voter = await makeUser();
    const submitted = await makeImage(day);
    const draft = await makeImage(day, { draft: true, creatorId: creator.id });
    setClockForTests(() => at(D, 1, 1));
    await runRollover();
    await expect(setVote({ userId: voter.id, imageId: submitted.id, value: 1 })).rejects.toMatchObject({ code: "DAY_CLOSED" });
    await expect(submitAttempt(creator.id, draft.id)).rejects.toMatchObject({ code: "DAY_CLOSED" });
    expect(await db.vote.count({ where: { imageId: submitted.id } })).toBe(0);
    expect((await db.image.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("does nothing before the day has ended, and nothing the second time", async () => {
    const D = nextDate();
    await makeDay(D);
    setClockForTests(() => at(D, 0, 23.999));
    // Nothing due, and it says why and when: the open day ends at the next midnight (UTC here).
    expect(await runRollover()).toMatchObject({
      closed: [],
      idle: { reason: "NOT_DUE", openDay: keyFromDate(D), dueAt: at(D, 1).toISOString() },
    });
    expect(await dayOn(D)).toMatchObject({ status: "OPEN", closedAt: null });
    expect(await dayOn(at(D, 1))).toBeNull();

    const closedAt = at(D, 1, 0.01);
    setClockForTests(() => closedAt);
    expect(await runRollover()).toMatchObject({ closed: [{ date: keyFromDate(D) }], idle: null });
    setClockForTests(() => at(D, 1, 5));
    expect((await runRollover()).closed).toEqual([]);
    expect(await dayOn(D)).toMatchObject({ status: "CLOSED", closedAt });
    expect(await dayOn(at(D, 1))).toMatchObject({ status: "OPEN" });
  });

  it("closes the day exactly once under 20 simultaneous runs", async () => {
    const D = nextDate();
    const { day } = await makeDay(D);
    const best = await makeImage(day, { up: 7, down: 1 });
    await makeImage(day, { up: 2, down: 2 });
    const closedAt = at(D, 1, 0.05);
    setClockForTests(() => closedAt);
    const results = await Promise.all(Array.from({ length: 20 }, () => runRollover()));

    const all = results.flatMap((r) => r.closed);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ date: keyFromDate(D), winnerImageId: best.id, totalSubmissions: 2, totalParticipants: 2 });
    expect(await db.day.count({ where: { date: { gte: D, lte: at(D, 30) } } })).toBe(2);
    expect(await dayOn(at(D, 1))).toMatchObject({ status: "OPEN", seedImageId: best.id });

    setClockForTests(() => at(D, 1, 3));
    await Promise.all(Array.from({ length: 5 }, () => runRollover()));
    expect(await dayOn(D)).toMatchObject({ status: "CLOSED", closedAt, winnerImageId: best.id, totalSubmissions: 2 });
  }, 60_000);

  it("stays consistent with votes racing the close: each vote is counted or refused, none fails", async () => {
    const D = nextDate();
    const { day } = await makeDay(D);
    const images = await Promise.all([1, 2, 3].map(() => makeImage(day, { up: 5, down: 1 })));
    const voters = await Promise.all(Array.from({ length: 120 }, () => makeUser()));
    setClockForTests(() => at(D, 1, 1));
    const outcomes = await Promise.allSettled([
      ...voters.map(async (v, i) => {
        await new Promise((r) => setTimeout(r, i % 60));
        return setVote({ userId: v.id, imageId: images[i % 3]!.id, value: i % 4 ? 1 : -1 });
      }),
      ...Array.from({ length: 5 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, 20 + 5 * i));
        return runRollover();
      }),
    ]);
    // A vote on the winner in flight at the close used to be a deadlock (see lib/rollover/close-day.ts).
    const failures = outcomes.flatMap((o) =>
      o.status === "rejected" && (o.reason as { code?: string }).code !== "DAY_CLOSED" ? [o.reason] : [],
    );
    expect(failures).toEqual([]);
    const counted = outcomes.slice(0, voters.length).filter((o) => o.status === "fulfilled").length;
    expect(await dayOn(D)).toMatchObject({ status: "CLOSED", totalVotes: counted });
    expect(await db.vote.count({ where: { image: { dayId: day.id } } })).toBe(counted);
  }, 60_000);

  it("catches up three missed days in order, in one call, leaving today open", async () => {
    const D = nextDate();
    const { day } = await makeDay(D);
    const winner = await makeImage(day, { up: 3 });
    setClockForTests(() => at(D, 3, 6));
    const { today, closed } = await runRollover();

    expect(today).toBe(keyFromDate(at(D, 3)));
    expect(closed.map((c) => [c.date, c.winnerImageId, c.nextDate, c.nextSeedImageId])).toEqual([
      [keyFromDate(D), winner.id, keyFromDate(at(D, 1)), winner.id],
      [keyFromDate(at(D, 1)), null, keyFromDate(at(D, 2)), winner.id],
      [keyFromDate(at(D, 2)), null, keyFromDate(at(D, 3)), winner.id],
    ]);
    const days = await db.day.findMany({ where: { date: { gte: D, lte: at(D, 30) } }, orderBy: { date: "asc" } });
    expect(days.map((d) => [keyFromDate(d.date), d.status, d.seedImageId])).toEqual([
      [keyFromDate(D), "CLOSED", day.seedImageId],
      [keyFromDate(at(D, 1)), "CLOSED", winner.id],
      [keyFromDate(at(D, 2)), "CLOSED", winner.id],
      [keyFromDate(at(D, 3)), "OPEN", winner.id],
    ]);
    // Created in order: each by the close of the day before it.
    expect(days.map((d) => d.id)).toEqual([...days.map((d) => d.id)].sort((a, b) => a - b));
  });

  it("draws the day's boundary in APP_TIME_ZONE", async () => {
    setZone("America/New_York");
    const D = nextDate();
    await makeDay(D);
    // 03:00 UTC on the next UTC date is still the evening of D in New York (UTC-5 or -4).
    setClockForTests(() => at(D, 1, 3));
    const early = await runRollover();
    expect(early.closed).toEqual([]);
    // Due at midnight in New York: 04:00 or 05:00 UTC, by the season.
    expect([at(D, 1, 4), at(D, 1, 5)].map((d) => d.toISOString())).toContain(early.idle?.reason === "NOT_DUE" && early.idle.dueAt);
    expect(await dayOn(D)).toMatchObject({ status: "OPEN" });
    // 05:30 UTC is past midnight there in summer and winter alike.
    setClockForTests(() => at(D, 1, 5.5));
    expect((await runRollover()).closed.map((c) => c.date)).toEqual([keyFromDate(D)]);
  });
});
