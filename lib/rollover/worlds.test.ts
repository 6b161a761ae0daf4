// Its own database: these tests start a study of three worlds, which every other file would see.
import "@/test/isolated-db";
import { afterEach, describe, expect, it } from "vitest";
import { startTestStudy } from "@/test/worlds";
import { at, makeDay, makeImage } from "@/test/rollover";
import { keyFromDate, setClockForTests } from "../server/clock";
import { db } from "../server/db";
import { resetEnvForTests } from "../server/env";
import { runRollover } from "./rollover";

process.env.APP_TIME_ZONE = "UTC";
resetEnvForTests();

/** A running study of three worlds (the previous one ended), and their ids; `conditions` per world. */
async function threeWorlds(conditions: (object | null)[] = []): Promise<number[]> {
  return (
    await startTestStudy(
      [0, 1, 2].map((i) => ({ conditions: conditions[i] ?? null })),
      "three worlds",
    )
  ).worldIds;
}

/** Every world's days, as [date, status, seed] in date order. */
async function timelines(worlds: number[]) {
  return Promise.all(
    worlds.map(async (worldId) =>
      (await db.day.findMany({ where: { worldId }, orderBy: { date: "asc" } })).map((d) => [keyFromDate(d.date), d.status, d.seedImageId]),
    ),
  );
}

let year = 3000;
afterEach(() => setClockForTests(null));

describe("the rollover with several worlds", () => {
  it("closes every world's due days in one run, each world's own winner seeding its next day, a missed day caught up in one world only", async () => {
    const [a, b, c] = (await threeWorlds()) as [number, number, number];
    const D = new Date(Date.UTC(++year, 5, 10));
    const { day: dayA } = await makeDay(D, a);
    const { day: dayB } = await makeDay(D, b);
    // World C missed a day: its open day is the day before.
    const { day: dayC0 } = await makeDay(at(D, -1), c);
    const winA = await makeImage(dayA, { up: 5 });
    await makeImage(dayA, { up: 1 });
    const winB = await makeImage(dayB, { up: 3 });
    const winC0 = await makeImage(dayC0, { up: 2 });
    setClockForTests(() => at(D, 1, 0.1));

    const { closed, idle } = await runRollover();
    const d = (n: number) => keyFromDate(at(D, n));
    expect(idle).toBeNull();
    expect(closed.map((x) => [x.worldId, x.date, x.winnerImageId, x.nextDate])).toEqual([
      [a, d(0), winA.id, d(1)],
      [b, d(0), winB.id, d(1)],
      [c, d(-1), winC0.id, d(0)],
      // C's caught-up day had no submissions: its seed carries on.
      [c, d(0), null, d(1)],
    ]);
    const seedA = dayA.seedImageId;
    expect(await timelines([a, b, c])).toEqual([
      [
        [d(0), "CLOSED", seedA],
        [d(1), "OPEN", winA.id],
      ],
      [
        [d(0), "CLOSED", dayB.seedImageId],
        [d(1), "OPEN", winB.id],
      ],
      [
        [d(-1), "CLOSED", dayC0.seedImageId],
        [d(0), "CLOSED", winC0.id],
        [d(1), "OPEN", winC0.id],
      ],
    ]);
    // Run again the same day: nothing is due anywhere, and the first world says why.
    expect(await runRollover()).toMatchObject({ closed: [], idle: { reason: "NOT_DUE", openDay: d(1) } });
  });

  it("closes each world's day exactly once when runs overlap", async () => {
    const worlds = await threeWorlds();
    const D = new Date(Date.UTC(++year, 5, 10));
    for (const w of worlds) {
      const { day } = await makeDay(at(D, -2), w);
      await makeImage(day, { up: 1 });
    }
    setClockForTests(() => at(D, 0, 0.1));
    const runs = await Promise.all(Array.from({ length: 4 }, () => runRollover()));
    const closed = runs.flatMap((r) => r.closed.map((x) => `${x.worldId}:${x.date}`));
    // Two due days in each of three worlds, each closed by exactly one of the runs.
    expect(closed.sort()).toEqual(worlds.flatMap((w) => [-2, -1].map((n) => `${w}:${keyFromDate(at(D, n))}`)).sort());
    for (const timeline of await timelines(worlds)) {
      expect(timeline.map(([date, status]) => [date, status])).toEqual([
        [keyFromDate(at(D, -2)), "CLOSED"],
        [keyFromDate(at(D, -1)), "CLOSED"],
        [keyFromDate(at(D, 0)), "OPEN"],
      ]);
    }
  });

  it("records on each closed day the condition its world played under", async () => {
    const worlds = await threeWorlds([
      { tallies: "never", order: "score", allowSelfVoting: true },
      { tallies: "always", order: "newest", hideAuthors: false },
      null,
    ]);
    const D = new Date(Date.UTC(++year, 5, 10));
    for (const w of worlds) await makeDay(D, w);
    setClockForTests(() => at(D, 1, 0.1));
    await runRollover();
    const days = await db.day.findMany({ where: { worldId: { in: worlds } }, orderBy: [{ worldId: "asc" }, { date: "asc" }] });
    // The third world has no conditions: the settings' defaults (tallies after voting, random order, authors hidden).
    expect(days.map((d) => [d.worldId, d.status, d.condition])).toEqual([
      [
        worlds[0],
        "CLOSED",
        "tallies=never;order=score;hideAuthors=true;allowSelfVoting=true;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
      ],
      [worlds[0], "OPEN", null],
      [
        worlds[1],
        "CLOSED",
        "tallies=always;order=newest;hideAuthors=false;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
      ],
      [worlds[1], "OPEN", null],
      [
        worlds[2],
        "CLOSED",
        "tallies=afterVote;order=random;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
      ],
      [worlds[2], "OPEN", null],
    ]);
  });
});
