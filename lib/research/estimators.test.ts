import { describe, expect, it } from "vitest";
import { wilsonLowerBound } from "@/lib/voting/ranking";
import {
  bootstrapDiffCI,
  bootstrapMeanCI,
  deriveSeed,
  gini,
  mean,
  mulberry32,
  pearson,
  percentileRank,
  positionBin,
  quantile,
  spearmanBrown,
  wilsonInterval,
  Z95,
} from "./estimators";

describe("percentileRank", () => {
  it("puts the best at 1 and the worst at 0, and has no value alone", () => {
    // (N − r)/(N − 1) with N = 5: r = 1 → 4/4, r = 2 → 3/4, r = 5 → 0/4.
    expect(percentileRank(1, 5)).toBe(1);
    expect(percentileRank(2, 5)).toBe(0.75);
    expect(percentileRank(5, 5)).toBe(0);
    expect(percentileRank(1, 1)).toBeNull();
    expect(() => percentileRank(6, 5)).toThrow(RangeError);
    expect(() => percentileRank(0, 5)).toThrow(RangeError);
  });
});

describe("mean, pearson, spearmanBrown", () => {
  it("match the arithmetic done by hand", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([])).toBeNull();
    // xs = 1, 2, 3 (mean 2, deviations −1, 0, 1); ys = 1, 3, 2 (mean 2, deviations −1, 1, 0).
    // Σdx·dy = 1 + 0 + 0 = 1; Σdx² = 2; Σdy² = 2; r = 1 / sqrt(2·2) = 0.5.
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 12);
    // Perfectly linear, either way round.
    expect(pearson([1, 2, 3], [2, 4, 6])).toBe(1);
    expect(pearson([1, 2, 3], [6, 4, 2])).toBe(-1);
    // Undefined: one pair, or a constant side.
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
    // 2·0.5 / 1.5 = 2/3; 2·0 / 1 = 0; 2·1 / 2 = 1; 2·(−0.5) / 0.5 = −2 (not clipped).
    expect(spearmanBrown(0.5)).toBeCloseTo(2 / 3, 12);
    expect(spearmanBrown(0)).toBe(0);
    expect(spearmanBrown(1)).toBe(1);
    expect(spearmanBrown(-0.5)).toBe(-2);
    expect(spearmanBrown(-1)).toBeNull();
  });
});

describe("quantile (type 7)", () => {
  it("interpolates linearly between order statistics", () => {
    const xs = [10, 20, 30, 40, 50];
    // h = (5 − 1)·p: p = 0.5 → h = 2 → x[2] = 30; p = 0.1 → h = 0.4 → 10 + 0.4·10 = 14;
    // p = 0.975 → h = 3.9 → 40 + 0.9·10 = 49; p = 0 and 1 → the ends.
    expect(quantile(xs, 0.5)).toBe(30);
    expect(quantile(xs, 0.1)).toBeCloseTo(14, 12);
    expect(quantile(xs, 0.975)).toBeCloseTo(49, 12);
    expect(quantile(xs, 0)).toBe(10);
    expect(quantile(xs, 1)).toBe(50);
    // Four values: p = 0.025 → h = 0.075 → 1 + 0.075·(2 − 1) = 1.075.
    expect(quantile([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
  });
});

describe("mulberry32 and bootstrapMeanCI", () => {
  it("gives the same numbers for the same seed, different ones for another, all in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Roughly uniform: the mean of 1,000 draws is within 0.05 of 0.5 (sd ≈ 0.0091).
    expect(Math.abs(mean(xs)! - 0.5)).toBeLessThan(0.05);
    expect(() => mulberry32(-1)).toThrow(RangeError);
    expect(() => mulberry32(1.5)).toThrow(RangeError);
    expect(deriveSeed(7, 1)).toBe(deriveSeed(7, 1));
    expect(deriveSeed(7, 1)).not.toBe(deriveSeed(7, 2));
  });

  it("is deterministic for a seed, stays within the values, and collapses on a constant sample", () => {
    const values = [0.1, 0.9, 0.4, 0.7, 0.2];
    const ci = bootstrapMeanCI(values, { seed: 2006 });
    expect(bootstrapMeanCI(values, { seed: 2006 })).toEqual(ci);
    expect(ci!.low).toBeGreaterThanOrEqual(0.1);
    expect(ci!.high).toBeLessThanOrEqual(0.9);
    expect(ci!.low).toBeLessThan(mean(values)!);
    expect(ci!.high).toBeGreaterThan(mean(values)!);
    // Every resample of 0.25, 0.25, 0.25 has mean 0.75/3 = 0.25 exactly.
    expect(bootstrapMeanCI([0.25, 0.25, 0.25], { seed: 1 })).toEqual({ low: 0.25, high: 0.25 });
    expect(bootstrapMeanCI([0.5], { seed: 1 })).toBeNull();
    expect(bootstrapMeanCI([], { seed: 1 })).toBeNull();
  });

  it("bounds two values by themselves", () => {
    // Resampled means of (0, 1) are 0, 0.5 and 1 with probabilities 1/4, 1/2, 1/4. Of 2,000 means
    // about 500 are 0 and 500 are 1; the type-7 2.5th percentile sits at h = 1999·0.025 = 49.975
    // and the 97.5th at h = 1949.025, both deep inside those runs, so the interval is (0, 1).
    expect(bootstrapMeanCI([0, 1], { seed: 99 })).toEqual({ low: 0, high: 1 });
  });
});

describe("bootstrapDiffCI", () => {
  it("bounds the difference of two means, b − a, by resampling each sample on its own", () => {
    // Resampled means of (0, 1) are 0, ½, 1 with probabilities ¼, ½, ¼; of (2, 3), 2, 2½, 3 likewise.
    // Their difference is 1 only when a's is 1 and b's is 2 (1/16: about 125 of 2,000 rounds), and 3
    // only the other way round; the type-7 percentiles at h = 49.975 and 1949.025 fall in those runs.
    expect(bootstrapDiffCI([0, 1], [2, 3], { seed: 99 })).toEqual({ low: 1, high: 3 });
    expect(bootstrapDiffCI([2, 3], [0, 1], { seed: 99 })).toEqual({ low: -3, high: -1 });
    // Constant samples: every round's difference is exactly 3 − 1.
    expect(bootstrapDiffCI([1, 1, 1], [3, 3], { seed: 5 })).toEqual({ low: 2, high: 2 });
    const a = [0.1, 0.5, 0.3, 0.2];
    const b = [0.6, 0.9, 0.4];
    const ci = bootstrapDiffCI(a, b, { seed: 2006 })!;
    expect(bootstrapDiffCI(a, b, { seed: 2006 })).toEqual(ci);
    const diff = mean(b)! - mean(a)!;
    expect(ci.low).toBeLessThan(diff);
    expect(ci.high).toBeGreaterThan(diff);
    expect(bootstrapDiffCI([1], [1, 2], { seed: 1 })).toBeNull();
    expect(bootstrapDiffCI([1, 2], [], { seed: 1 })).toBeNull();
  });
});

describe("wilsonInterval", () => {
  it("bounds 7 of 10 as worked out by hand", () => {
    // z = 1.959964, z² = 3.841459, n = 10, p = 0.7.
    // centre = p + z²/2n = 0.7 + 0.192073 = 0.892073
    // margin = z·sqrt(p(1 − p)/n + z²/4n²) = 1.959964·sqrt(0.021 + 0.009604) = 1.959964·0.174940 = 0.342874
    // divisor = 1 + z²/n = 1.384146
    // low = 0.549199 / 1.384146 = 0.396778; high = 1.234947 / 1.384146 = 0.892209
    const ci = wilsonInterval(7, 10)!;
    expect(ci.low).toBeCloseTo(0.396778, 6);
    expect(ci.high).toBeCloseTo(0.892209, 6);
    // The lower bound is the ranking's score of 7 up / 3 down.
    expect(ci.low).toBe(wilsonLowerBound(7, 3));
  });

  it("handles the edges", () => {
    // 1 of 1: centre = 1 + z²/2, margin = z·sqrt(z²/4) = z²/2, so low = 1/(1 + z²) = 1/4.841459 = 0.206549.
    expect(wilsonInterval(1, 1)!.low).toBeCloseTo(1 / (1 + Z95 * Z95), 12);
    expect(wilsonInterval(1, 1)!.low).toBeCloseTo(0.206549, 6);
    expect(wilsonInterval(1, 1)!.high).toBe(1);
    // 0 of 1 mirrors it: (0, z²/(1 + z²) = 0.793451).
    expect(wilsonInterval(0, 1)!.low).toBe(0);
    expect(wilsonInterval(0, 1)!.high).toBeCloseTo(0.793451, 6);
    // 2 of 4 is symmetric about 0.5: centre 0.5 + z²/8 = 0.980182, margin z·sqrt(1/16 + z²/64) = 0.686051,
    // divisor 1 + z²/4 = 1.960365: (0.150039, 0.849961).
    expect(wilsonInterval(2, 4)!.low).toBeCloseTo(0.150039, 6);
    expect(wilsonInterval(2, 4)!.high).toBeCloseTo(0.849961, 6);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
  });
});

describe("gini", () => {
  it("follows the formula on sorted values", () => {
    // n = 4, Σx = 10, Σ i·x = 1·1 + 2·2 + 3·3 + 4·4 = 30: 2·30 / (4·10) − 5/4 = 1.5 − 1.25 = 0.25.
    expect(gini([4, 2, 3, 1])).toBeCloseTo(0.25, 12);
    // All on one of four: Σ i·x = 4·8 = 32: 64/32 − 5/4 = 0.75 = (n − 1)/n.
    expect(gini([0, 8, 0, 0])).toBeCloseTo(0.75, 12);
    // 0, 4: Σ i·x = 8: 16/8 − 3/2 = 0.5.
    expect(gini([4, 0])).toBeCloseTo(0.5, 12);
    expect(gini([3, 3, 3])).toBe(0);
    expect(gini([0, 0])).toBe(0);
    expect(gini([5])).toBe(0);
    expect(gini([])).toBe(0);
    expect(() => gini([1, -1])).toThrow(RangeError);
  });
});

describe("positionBin", () => {
  it("bins stored 0-based positions by their 1-based display position", () => {
    const cases: [number, string][] = [
      [0, "1"],
      [1, "2"],
      [2, "3"],
      [3, "4–6"],
      [5, "4–6"],
      [6, "7–10"],
      [9, "7–10"],
      [10, "11–20"],
      [19, "11–20"],
      [20, "21+"],
      [500, "21+"],
    ];
    for (const [stored, bin] of cases) expect(positionBin(stored)).toBe(bin);
    expect(() => positionBin(-1)).toThrow(RangeError);
  });
});
