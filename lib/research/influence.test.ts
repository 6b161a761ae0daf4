// Its own database: without a day, the figures are over every vote event there is.
import "@/test/isolated-db";
import { beforeAll, describe, expect, it } from "vitest";
import { makeImage } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { makeDay } from "@/test/rollover";
import { db } from "@/lib/server/db";
import { influenceOnVotes } from "./influence";

const t = (minute: number) => new Date(Date.UTC(2021, 2, 1, 12, minute));

type Ev = {
  user: number;
  image: { id: number; dayId: number | null };
  from: -1 | 0 | 1;
  to: -1 | 0 | 1;
  pos: number | null;
  seen: boolean;
  at: number;
  locale?: string;
};

/** One VoteEvent as setVote writes it, at minute `at`. */
async function ev(e: Ev) {
  await db.voteEvent.create({
    data: {
      userId: e.user,
      imageId: e.image.id,
      dayId: e.image.dayId!,
      previous: e.from,
      value: e.to,
      position: e.pos,
      talliesVisible: e.seen,
      locale: e.locale ?? null,
      createdAt: t(e.at),
    },
  });
}

let dayOneId: number;

beforeAll(async () => {
  const { day } = await makeDay(new Date("2021-03-01T00:00:00Z"));
  const { day: dayTwo } = await makeDay(new Date("2021-03-02T00:00:00Z"));
  dayOneId = day.id;
  // Stored tallies: A and C as their events leave them (a complete history); B's include votes the
  // log never saw (10 up / 1 down against a replay of -1 / 2).
  const A = await makeImage(day, { up: 2, down: 1 });
  const B = await makeImage(day, { up: 10, down: 1 });
  const C = await makeImage(day, { up: 1, down: 1 });
  const F = await makeImage(dayTwo, { down: 1 });
  const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = (await Promise.all(Array.from({ length: 9 }, () => makeUser()))).map(
    (x) => x.id,
  ) as number[];

  // u2's switch is written first: the order is by time, not id.
  await ev({ user: u2!, image: A, from: 1, to: -1, pos: 0, seen: true, at: 7 });
  // A: u1 +, u2 +, u3 −, u4 + (tallies after each: 1/0, 2/0, 2/1, 3/1); then u3 switches to +,
  // u4 retracts, u2 switches to − → 2/1.
  await ev({ user: u1!, image: A, from: 0, to: 1, pos: 0, seen: false, at: 1, locale: "es" });
  await ev({ user: u2!, image: A, from: 0, to: 1, pos: 0, seen: false, at: 2 });
  await ev({ user: u3!, image: A, from: 0, to: -1, pos: 0, seen: false, at: 3 });
  await ev({ user: u4!, image: A, from: 0, to: 1, pos: 1, seen: true, at: 4, locale: "es" });
  await ev({ user: u3!, image: A, from: -1, to: 1, pos: 0, seen: true, at: 5 });
  await ev({ user: u4!, image: A, from: 1, to: 0, pos: 1, seen: true, at: 6, locale: "en" });
  // B: u5 + then −; u6's history starts with a switch (its cast predates the log).
  await ev({ user: u5!, image: B, from: 0, to: 1, pos: 5, seen: true, at: 8 });
  await ev({ user: u5!, image: B, from: 1, to: -1, pos: 5, seen: true, at: 9 });
  await ev({ user: u6!, image: B, from: 1, to: -1, pos: 3, seen: true, at: 10 });
  // C: u7 +, retracts, then −; u8 + with no position → 1/1.
  await ev({ user: u7!, image: C, from: 0, to: 1, pos: 20, seen: true, at: 11 });
  await ev({ user: u7!, image: C, from: 1, to: 0, pos: 20, seen: true, at: 12 });
  await ev({ user: u7!, image: C, from: 0, to: -1, pos: 20, seen: true, at: 13 });
  await ev({ user: u8!, image: C, from: 0, to: 1, pos: null, seen: true, at: 14 });
  // Day two, F: u9 − at display position 3.
  await ev({ user: u9!, image: F, from: 0, to: -1, pos: 2, seen: false, at: 15 });
});

describe("influenceOnVotes", () => {
  it("gives the up-vote share of first votes by display position and by tally visibility", async () => {
    const r = await influenceOnVotes();
    // First votes: u1-u4 on A, u5 on B, u7 and u8 on C, u9 on F. u6's starts with a switch.
    expect(r).toMatchObject({ dayId: null, locale: null, firstVotes: 8, withoutHistory: 1, withoutPosition: 1 });
    const bin = (name: string) => r.byPosition.find((b) => b.bin === name)!;
    expect(r.byPosition.map((b) => b.bin)).toEqual(["1", "2", "3", "4–6", "7–10", "11–20", "21+"]);
    // Position 1 (stored 0): u1 +, u2 +, u3 − → 2/3. Wilson, z² = 3.841459, n = 3:
    // centre 2/3 + z²/6 = 1.306910; margin z·sqrt(2/27 + z²/36) = 1.959964·sqrt(0.180781) = 0.833345;
    // divisor 1 + z²/3 = 2.280486 → (0.473565/2.280486, 2.140255/2.280486) = (0.207660, 0.938508).
    expect(bin("1")).toMatchObject({ votes: 3, up: 2 });
    expect(bin("1").share).toBeCloseTo(2 / 3, 12);
    expect(bin("1").ci!.low).toBeCloseTo(0.20766, 5);
    expect(bin("1").ci!.high).toBeCloseTo(0.938508, 5);
    // Position 2: u4 + → 1/1, low = 1/(1 + z²) = 0.206549.
    expect(bin("2")).toMatchObject({ votes: 1, up: 1, share: 1 });
    expect(bin("2").ci!.low).toBeCloseTo(0.206549, 5);
    expect(bin("2").ci!.high).toBe(1);
    // Position 3: u9 − → 0/1, (0, z²/(1 + z²) = 0.793451).
    expect(bin("3")).toMatchObject({ votes: 1, up: 0, share: 0 });
    expect(bin("3").ci!.low).toBe(0);
    expect(bin("3").ci!.high).toBeCloseTo(0.793451, 5);
    // Stored 5 is display 6 (4–6); stored 20 is display 21 (21+).
    expect(bin("4–6")).toMatchObject({ votes: 1, up: 1 });
    expect(bin("21+")).toMatchObject({ votes: 1, up: 1 });
    expect(bin("7–10")).toEqual({ bin: "7–10", votes: 0, up: 0, share: null, ci: null });
    expect(bin("11–20")).toEqual({ bin: "11–20", votes: 0, up: 0, share: null, ci: null });

    // Hidden at the first vote: u1 +, u2 +, u3 −, u9 − → 2/4, Wilson (0.150039, 0.849961).
    // Visible: u4, u5, u7, u8, all + → 4/4, low = 1/(1 + z²/4) = 4/7.841459 = 0.510109.
    expect(r.byTallies.hidden).toMatchObject({ votes: 4, up: 2, share: 0.5 });
    expect(r.byTallies.hidden.ci!.low).toBeCloseTo(0.150039, 5);
    expect(r.byTallies.hidden.ci!.high).toBeCloseTo(0.849961, 5);
    expect(r.byTallies.visible).toMatchObject({ votes: 4, up: 4, share: 1 });
    expect(r.byTallies.visible.ci!.low).toBeCloseTo(0.510109, 5);
  });

  it("follows first votes to their first change, against the majority of the others", async () => {
    const { changes } = await influenceOnVotes();
    // Changed: u2 (+ → −), u3 (− → +), u4 (+ → 0), u5 (+ → −), u7 (+ → 0) of 8 first votes.
    // The others' majority in the tallies after the first vote (tallies − own vote):
    //   u2: 2/0 − (+1) = +1, moved − → away;  u3: 2/1 − (−1) = +2, moved + → towards;
    //   u4: 3/1 − (+1) = +1, moved − → away;  u5: B's history is incomplete → unknown;
    //   u7: 1/0 − (+1) = 0 → no majority.
    // In the final tallies less the voter's current vote:
    //   u2: A 2/1 − (−1) = +2 → away;  u3: 2/1 − (+1) = 0 → no majority;  u4: 2/1 − 0 = +1 → away;
    //   u5: B 10/1 − (−1) = +10 → away;  u7: C 1/1 − (−1) = +1 → away.
    // Wilson for 5/8: centre 0.625 + z²/16 = 0.865091; margin z·sqrt(0.029297 + 0.015006) = 0.412537;
    // divisor 1 + z²/8 = 1.480182 → (0.452554/1.480182, 1.277628/1.480182) = (0.305742, 0.863156).
    expect(changes.all).toMatchObject({
      firstVotes: 8,
      changed: 5,
      share: 5 / 8,
      switched: 3,
      retracted: 2,
      relativeToSeen: { towards: 1, away: 2, noMajority: 1, unknown: 1 },
      relativeToFinal: { towards: 0, away: 4, noMajority: 1, unknown: 0 },
    });
    expect(changes.all.ci!.low).toBeCloseTo(0.305742, 5);
    expect(changes.all.ci!.high).toBeCloseTo(0.863156, 5);
    // Split by the first vote's visibility: hidden u1, u2, u3, u9; visible u4, u5, u7, u8.
    expect(changes.talliesHiddenAtFirstVote).toMatchObject({
      firstVotes: 4,
      changed: 2,
      share: 0.5,
      switched: 2,
      retracted: 0,
      relativeToSeen: { towards: 1, away: 1, noMajority: 0, unknown: 0 },
      relativeToFinal: { towards: 0, away: 1, noMajority: 1, unknown: 0 },
    });
    expect(changes.talliesVisibleAtFirstVote).toMatchObject({
      firstVotes: 4,
      changed: 3,
      share: 0.75,
      switched: 1,
      retracted: 2,
      relativeToSeen: { towards: 0, away: 1, noMajority: 1, unknown: 1 },
      relativeToFinal: { towards: 0, away: 3, noMajority: 0, unknown: 0 },
    });
  });

  it("narrows to one day, and to first votes cast in one language", async () => {
    const day = await influenceOnVotes({ dayId: dayOneId });
    expect(day).toMatchObject({ dayId: dayOneId, firstVotes: 7, withoutHistory: 1 });
    expect(day.byPosition.find((b) => b.bin === "3")).toMatchObject({ votes: 0, share: null });
    expect(day.byTallies.hidden).toMatchObject({ votes: 3, up: 2 });

    // In Spanish: u1's and u4's first votes. u4's retraction (cast in English) still counts as its
    // change, and the replay behind "seen" still uses every event of A.
    const es = await influenceOnVotes({ locale: "es" });
    expect(es).toMatchObject({ locale: "es", firstVotes: 2, withoutHistory: 0, withoutPosition: 0 });
    expect(es.byPosition.filter((b) => b.votes > 0).map((b) => [b.bin, b.votes, b.up])).toEqual([
      ["1", 1, 1],
      ["2", 1, 1],
    ]);
    expect(es.changes.all).toMatchObject({
      firstVotes: 2,
      changed: 1,
      retracted: 1,
      relativeToSeen: { towards: 0, away: 1, noMajority: 0, unknown: 0 },
      relativeToFinal: { towards: 0, away: 1, noMajority: 0, unknown: 0 },
    });
  });
});
