// Its own database: the figures are over every closed day there is.
import "@/test/isolated-db";
import { describe, expect, it } from "vitest";
import { closeDayAs, makeImage } from "@/test/admin";
import { makeDay } from "@/test/rollover";
import { DEFAULT_SEED } from "./estimators";
import { inequalityByDay } from "./inequality";

async function day(key: string) {
  return (await makeDay(new Date(`${key}T00:00:00Z`))).day;
}

describe("inequalityByDay", () => {
  it("measures each closed day's Gini and winner's share, then averages over days", async () => {
    // Made out of date order: the result is in date order.
    const d2 = await day("2022-01-02");
    const d1 = await day("2022-01-01");
    const d3 = await day("2022-01-03");
    const d4 = await day("2022-01-04");
    const d5 = await day("2022-01-05");
    const open = await day("2022-01-06");

    // Day 1: up-votes 1, 2, 3, 4 (no down-votes); a hidden image and a draft do not count.
    await makeImage(d1, { up: 1 });
    await makeImage(d1, { up: 2 });
    await makeImage(d1, { up: 3 });
    const w1 = await makeImage(d1, { up: 4 });
    await makeImage(d1, { up: 100, hidden: true });
    await makeImage(d1, { up: 50, draft: true });
    await closeDayAs(d1.id, w1.id);
    // Day 2: 2 up / 0 down and 2 up / 4 down.
    const w2 = await makeImage(d2, { up: 2 });
    await makeImage(d2, { up: 2, down: 4 });
    await closeDayAs(d2.id, w2.id);
    // Day 3: one image, no votes.
    const w3 = await makeImage(d3);
    await closeDayAs(d3.id, w3.id);
    // Day 4: no images at all.
    await closeDayAs(d4.id, null);
    // Day 5: the winner was hidden after the close; 1 visible image with 1 up-vote.
    const w5 = await makeImage(d5, { up: 3, hidden: true });
    await makeImage(d5, { up: 1 });
    await closeDayAs(d5.id, w5.id);
    // Still open: left out.
    await makeImage(open, { up: 9 });
    await makeImage(open, { up: 1 });

    const r = await inequalityByDay({ seed: 11 });
    expect(r.seed).toBe(11);
    expect(r.resamples).toBe(2000);
    expect(r.days.map((d) => d.date)).toEqual(["2022-01-01", "2022-01-02", "2022-01-03", "2022-01-04", "2022-01-05"]);
    const [one, two, three, four, five] = r.days;

    // Day 1: Gini of 1, 2, 3, 4: 2·(1 + 4 + 9 + 16)/(4·10) − 5/4 = 0.25. Net 1..4 shifted by the
    // lowest (1) to 0, 1, 2, 3: 2·(0 + 2 + 6 + 12)/(4·6) − 5/4 = 5/3 − 5/4 = 5/12. Winner 4/10.
    expect(one).toMatchObject({ dayId: d1.id, images: 4, upvotes: 10, netShift: 1, winnerImageId: w1.id, winnerShare: 0.4 });
    expect(one!.giniUpvotes).toBeCloseTo(0.25, 12);
    expect(one!.giniNet).toBeCloseTo(5 / 12, 12);
    // Day 2: up-votes 2, 2 → 0. Net 2, −2 shifted by −2 to 4, 0: 2·(0 + 2·4)/(2·4) − 3/2 = 0.5. Winner 2/4.
    expect(two).toMatchObject({ images: 2, upvotes: 4, giniUpvotes: 0, netShift: -2, winnerShare: 0.5 });
    expect(two!.giniNet).toBeCloseTo(0.5, 12);
    // Day 3: one image, all zero → Ginis 0; no up-votes → no winner's share.
    expect(three).toMatchObject({ images: 1, upvotes: 0, giniUpvotes: 0, giniNet: 0, netShift: 0, winnerShare: null });
    // Day 4: nothing to measure.
    expect(four).toMatchObject({
      images: 0,
      upvotes: 0,
      giniUpvotes: null,
      giniNet: null,
      netShift: null,
      winnerImageId: null,
      winnerShare: null,
    });
    // Day 5: one visible image → Ginis 0; the recorded winner is hidden → no share.
    expect(five).toMatchObject({ images: 1, upvotes: 1, giniUpvotes: 0, giniNet: 0, winnerImageId: w5.id, winnerShare: null });

    // Means over the days that have the measure: Gini of up-votes (0.25 + 0 + 0 + 0)/4 = 0.0625;
    // of net scores (5/12 + 1/2 + 0 + 0)/4 = 11/48; winner's share (0.4 + 0.5)/2 = 0.45.
    expect(r.giniUpvotes.days).toBe(4);
    expect(r.giniUpvotes.mean).toBeCloseTo(0.0625, 12);
    expect(r.giniNet.days).toBe(4);
    expect(r.giniNet.mean).toBeCloseTo(11 / 48, 12);
    expect(r.winnerShare.days).toBe(2);
    expect(r.winnerShare.mean).toBeCloseTo(0.45, 12);
    // Two days: resampled means are 0.4, 0.45, 0.5 with chances 1/4, 1/2, 1/4; ~500 of 2,000 at
    // each end, so the 2.5th and 97.5th percentiles are the two days' values.
    expect(r.winnerShare.ci).toEqual({ low: 0.4, high: 0.5 });
    // Gini of up-votes, days 0.25, 0, 0, 0: a resample's mean is k·0.25/4 with k ~ Bin(4, 1/4).
    // P(k = 0) = 0.32 → the bottom is 0. P(k = 4) = 0.004 < 2.5 % but P(k ≥ 3) = 0.051 > 2.5 %:
    // the top is 3·0.25/4 = 0.1875.
    expect(r.giniUpvotes.ci).toEqual({ low: 0, high: 0.1875 });

    // The default seed is recorded, and the same seed gives the same result.
    expect((await inequalityByDay()).seed).toBe(DEFAULT_SEED);
    expect(await inequalityByDay({ seed: 11 })).toEqual(r);
    await expect(inequalityByDay({ resamples: 1999 })).rejects.toMatchObject({ code: "INVALID" });
  });
});
