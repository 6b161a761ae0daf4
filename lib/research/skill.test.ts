// Its own database: the skill table reads every closed day there is.
import "@/test/isolated-db";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDayAs, makeImage } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { makeDay } from "@/test/rollover";
import { db } from "@/lib/server/db";
import { DEFAULT_SEED } from "./estimators";
import { skillTable } from "./skill";

type Entry = { by: number; up: number; locale?: string };

/** A day on `key` with submissions by the given users (up-votes only, so more up-votes rank higher); closed unless `open`. */
async function day(key: string, entries: Entry[], o: { open?: boolean; hidden?: boolean; bannedCreator?: number } = {}) {
  const { day } = await makeDay(new Date(`${key}T00:00:00Z`));
  for (const e of entries) {
    const image = await makeImage(day, { creatorId: e.by, up: e.up });
    if (e.locale) await db.image.update({ where: { id: image.id }, data: { locale: e.locale } });
  }
  // Not eligible, however many votes: a hidden submission, a banned creator's, a draft.
  if (o.hidden) await makeImage(day, { up: 100, hidden: true });
  if (o.bannedCreator) await makeImage(day, { up: 50, creatorId: o.bannedCreator });
  await makeImage(day, { up: 90, draft: true, creatorId: entries[0]?.by });
  if (!o.open) await closeDayAs(day.id, null);
}

let u: Record<"P" | "Q" | "R" | "S" | "X" | "Y" | "Z", number>;

beforeAll(async () => {
  const ids = await Promise.all(Array.from({ length: 7 }, () => makeUser()));
  const [P, Q, R, S, X, Y, Z] = ids.map((x) => x.id) as [number, number, number, number, number, number, number];
  u = { P, Q, R, S, X, Y, Z };
  const banned = (await makeUser({ bannedAt: new Date() })).id;
  // Three submissions a day: percentile ranks (3 − r)/2 = 1, 0.5, 0.
  await day(
    "2020-01-01",
    [
      { by: P, up: 20, locale: "es" },
      { by: Q, up: 10 },
      { by: R, up: 5 },
    ],
    { hidden: true, bannedCreator: banned },
  );
  await day(
    "2020-01-02",
    [
      { by: Q, up: 20, locale: "es" },
      { by: P, up: 10 },
      { by: R, up: 5 },
    ],
    { bannedCreator: banned },
  );
  await day("2020-01-03", [
    { by: P, up: 20, locale: "es" },
    { by: R, up: 10 },
    { by: Q, up: 5 },
  ]);
  await day("2020-01-04", [
    { by: P, up: 20 },
    { by: Q, up: 10 },
    { by: R, up: 5 },
  ]);
  // S submits twice: ranks 1 and 3 of 3 → (1 + 0)/2 = 0.5 that day; X is second: 0.5.
  await day("2020-01-05", [
    { by: S, up: 20 },
    { by: X, up: 10, locale: "es" },
    { by: S, up: 5 },
  ]);
  // Two submissions: (2 − 1)/1 = 1 for the first, 0 for the second.
  await day("2020-01-06", [
    { by: Y, up: 20 },
    { by: S, up: 10 },
  ]);
  await day("2020-01-07", [
    { by: Y, up: 20 },
    { by: Z, up: 10 },
  ]);
  // One eligible submission (N = 1, no percentile rank): left out.
  await day("2020-01-08", [{ by: P, up: 20 }], { hidden: true });
  // Still open: not counted.
  await day(
    "2020-01-09",
    [
      { by: R, up: 20 },
      { by: P, up: 10 },
    ],
    { open: true },
  );
});

describe("skillTable", () => {
  it("ranks each closed day, averages per day, then over days", async () => {
    const t = await skillTable();
    expect(t).toMatchObject({ seed: DEFAULT_SEED, resamples: 2000, locale: null, days: 7, daysLeftOut: 1 });
    const row = (id: number) => t.rows.find((r) => r.userId === id)!;

    // P: 1, 0.5, 1, 1 → 3.5/4 = 0.875. Q: 0.5, 1, 0, 0.5 → 0.5. R: 0, 0, 0.5, 0 → 0.125.
    expect(row(u.P)).toMatchObject({ days: 4, submissions: 4, values: [1, 0.5, 1, 1], skill: 0.875 });
    expect(row(u.Q)).toMatchObject({ days: 4, submissions: 4, values: [0.5, 1, 0, 0.5], skill: 0.5 });
    expect(row(u.R)).toMatchObject({ days: 4, submissions: 4, values: [0, 0, 0.5, 0], skill: 0.125 });
    // S: 0.5 (two submissions that day), then 0 → 0.25.
    expect(row(u.S)).toMatchObject({ days: 2, submissions: 3, values: [0.5, 0], skill: 0.25 });
    expect(row(u.Y)).toMatchObject({ days: 2, submissions: 2, values: [1, 1], skill: 1 });
    expect(row(u.X)).toEqual({ userId: u.X, days: 1, submissions: 1, values: [0.5], skill: 0.5, ci: null });
    expect(row(u.Z)).toEqual({ userId: u.Z, days: 1, submissions: 1, values: [0], skill: 0, ci: null });
    // Nobody else: not the banned creator, the hidden image's or the open day's.
    expect(t.rows).toHaveLength(7);

    // By skill, ties (Q and X at 0.5) to more days.
    expect(t.rows.map((r) => r.userId)).toEqual([u.Y, u.P, u.Q, u.X, u.S, u.R, u.Z]);
    const byDays = await skillTable({ orderBy: "days" });
    expect(byDays.rows.map((r) => r.userId)).toEqual([u.P, u.Q, u.R, u.Y, u.S, u.X, u.Z]);
  });

  it("gives bootstrap intervals that can be reasoned out", async () => {
    const t = await skillTable({ seed: 7 });
    const row = (id: number) => t.rows.find((r) => r.userId === id)!;
    // Y: every resample of (1, 1) has mean 1.
    expect(row(u.Y).ci).toEqual({ low: 1, high: 1 });
    // S: resampled means of (0.5, 0) are 0, 0.25, 0.5 with chances 1/4, 1/2, 1/4; about 500 of
    // 2,000 sit at each end, and the 2.5th / 97.5th percentiles (h = 49.975 and 1949.025 in the
    // sorted means) fall inside those runs: the interval is the two day values.
    expect(row(u.S).ci).toEqual({ low: 0, high: 0.5 });
    // P: four days 1, 0.5, 1, 1. A resample's mean is 1 − k/8 for k draws of the 0.5 (k ~ Bin(4, 1/4)).
    // P(mean = 1) = (3/4)^4 = 0.32 ≫ 2.5 %, so the top is 1. P(mean = 0.5) = (1/4)^4 = 0.004 < 2.5 %
    // but P(mean ≤ 0.625) = 4·(1/4)^3·(3/4) + (1/4)^4 = 0.051 > 2.5 %: the bottom is 0.625.
    expect(row(u.P).ci).toEqual({ low: 0.625, high: 1 });
    // Q lies in its day values' range and around its skill.
    const q = row(u.Q).ci!;
    expect(q.low).toBeGreaterThanOrEqual(0);
    expect(q.low).toBeLessThan(0.5);
    expect(q.high).toBeGreaterThan(0.5);
    expect(q.high).toBeLessThanOrEqual(1);
    // The same seed gives the same table.
    expect(await skillTable({ seed: 7 })).toEqual(t);
  });

  it("measures split-half reliability over participants with 2+ days in each half", async () => {
    const { splitHalf } = await skillTable();
    // Odd days (1st, 3rd) against even (2nd, 4th): P (1, 1 | 0.5, 1) → 1 vs 0.75; Q (0.5, 0 | 1, 0.5)
    // → 0.25 vs 0.75; R (0, 0.5 | 0, 0) → 0.25 vs 0. S and Y have 2 days, so 1 per half: left out.
    // x = 1, 0.25, 0.25 (mean 0.5, dx 0.5, −0.25, −0.25); y = 0.75, 0.75, 0 (mean 0.5, dy 0.25, 0.25, −0.5).
    // Σdx·dy = 0.125 − 0.0625 + 0.125 = 0.1875; Σdx² = Σdy² = 0.375; r = 0.1875/0.375 = 0.5.
    // Spearman–Brown: 2·0.5 / 1.5 = 2/3.
    expect(splitHalf.participants).toBe(3);
    expect(splitHalf.r).toBeCloseTo(0.5, 12);
    expect(splitHalf.reliability).toBeCloseTo(2 / 3, 12);
  });

  it("counts only submissions in the chosen language, ranked among everyone's", async () => {
    const t = await skillTable({ locale: "es" });
    // P's "es" submissions were first on days 1 and 3; Q's first on day 2; X's second on day 5.
    expect(t.rows.map(({ userId, values, skill }) => ({ userId, values, skill }))).toEqual([
      { userId: u.P, values: [1, 1], skill: 1 },
      { userId: u.Q, values: [1], skill: 1 },
      { userId: u.X, values: [0.5], skill: 0.5 },
    ]);
    expect(t.rows[0]!.ci).toEqual({ low: 1, high: 1 });
    expect(t.splitHalf).toEqual({ participants: 0, r: null, reliability: null });
    expect(t.locale).toBe("es");
  });

  it("refuses fewer than 2,000 resamples or a seed that is not a 32-bit whole number", async () => {
    await expect(skillTable({ resamples: 100 })).rejects.toMatchObject({ code: "INVALID" });
    await expect(skillTable({ seed: -1 })).rejects.toMatchObject({ code: "INVALID" });
    await expect(skillTable({ seed: 1.5 })).rejects.toMatchObject({ code: "INVALID" });
  });
});
