// The estimators behind the research measures (docs: RESEARCH.md), as pure functions on numbers so
// each one can be checked against values worked out by hand. The modules beside this one
// (skill.ts, influence.ts, inequality.ts) read the database and call these.
import { mulberry32 as prng } from "@/lib/server/prng";
import { z } from "@/lib/validations/zod";
import { wilsonLowerBound } from "@/lib/voting/ranking";

/** A two-sided interval. */
export type Interval = { low: number; high: number };

/**
 * The two-sided 95 % normal quantile: RESEARCH.md's z = 1.96, at the precision the day's ranking
 * uses (lib/voting/ranking.ts), so an interval's lower bound is exactly the ranking's score.
 */
export const Z95 = 1.959963984540054;

/** Resamples the bootstrap takes unless told otherwise (RESEARCH.md asks for at least 2,000). */
export const MIN_RESAMPLES = 2000;

/** The seed used when none is given: any fixed value would do; every result records the one used. */
export const DEFAULT_SEED = 20060210;

/**
 * A published bootstrap's settings: a 32-bit seed and at least 2,000 resamples (at most 100,000,
 * which already takes a second or two for a large table). Defaults filled in, so the result can
 * record exactly what was used.
 */
export const bootstrapOptionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff).default(DEFAULT_SEED),
  resamples: z.number().int().min(MIN_RESAMPLES).max(100_000).default(MIN_RESAMPLES),
});

/**
 * Percentile rank of the submission ranked `rank` (1 = best) among `n` in its day: (n − r)/(n − 1),
 * so 1 is the best and 0 the worst. Null when n = 1: one submission has no place among others.
 */
export function percentileRank(rank: number, n: number): number | null {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(rank) || rank < 1 || rank > n) {
    throw new RangeError(`percentileRank: rank ${rank} of ${n}`);
  }
  return n === 1 ? null : (n - rank) / (n - 1);
}

/** The arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Pearson's correlation of paired values. Null when it is undefined: fewer than 2 pairs, or
 * either side constant. Clamped to [-1, 1] so rounding cannot report 1.0000000000000002.
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new RangeError(`pearson: ${xs.length} x values, ${ys.length} y values`);
  const mx = mean(xs);
  const my = mean(ys);
  if (xs.length < 2 || mx === null || my === null) return null;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * Spearman–Brown: the reliability of a measure twice as long as the one correlating `r` with its
 * other half, 2r / (1 + r). Not clipped (a negative r gives a value below r). Null at r = −1,
 * where the formula divides by zero.
 */
export function spearmanBrown(r: number): number | null {
  if (!(r >= -1 && r <= 1)) throw new RangeError(`spearmanBrown: r = ${r}`);
  return r === -1 ? null : (2 * r) / (1 + r);
}

function checkSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed ${seed}: a whole number from 0 to 2^32 - 1`);
}

/**
 * A small, fast pseudo-random generator (mulberry32) from a 32-bit seed: numbers in [0, 1), the
 * same sequence for the same seed on every machine, so a published interval can be reproduced.
 */
export function mulberry32(seed: number): () => number {
  checkSeed(seed);
  return prng(seed);
}

/**
 * A seed of its own for `key` (a user id, a measure's number) under the recorded `seed`, so one
 * participant's interval does not depend on who else is in the table or in which order they are
 * resampled. A 32-bit integer mix (murmur3's finaliser), the same everywhere.
 */
export function deriveSeed(seed: number, key: number): number {
  checkSeed(seed);
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(key | 0, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The `p`-quantile of values sorted ascending, by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and NumPy): h = (n − 1)·p, then
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with 0-based x.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p = ${p}`);
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (h - below) * (upper - lower);
}

/**
 * Percentile bootstrap interval (95 %) for the mean: `resamples` times, draw values.length values
 * with replacement (index ⌊u·n⌋ for u from mulberry32(seed)) and take their mean; the interval is
 * the 2.5th and 97.5th percentiles of those means by `quantile` (type 7). Null for fewer than 2
 * values. Deterministic for a given seed.
 */
export function bootstrapMeanCI(values: readonly number[], opts: { resamples?: number; seed: number }): Interval | null {
  const resamples = opts.resamples ?? MIN_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples ${resamples}`);
  const random = mulberry32(opts.seed);
  const n = values.length;
  if (n < 2) return null;
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)]!;
    means[b] = sum / n;
  }
  means.sort();
  const sorted = Array.from(means);
  return { low: quantile(sorted, 0.025), high: quantile(sorted, 0.975) };
}

/**
 * Percentile bootstrap interval (95 %) for a difference of means, mean(b) − mean(a), from two
 * independent samples (two conditions' days): each of `resamples` rounds draws a.length values
 * from a, then b.length from b, with replacement (index ⌊u·n⌋, one mulberry32(seed) stream), and
 * takes the difference of their means; the interval is the 2.5th and 97.5th percentiles of those
 * differences (type 7). Null when either sample has fewer than 2 values. Deterministic for a seed.
 */
export function bootstrapDiffCI(a: readonly number[], b: readonly number[], opts: { resamples?: number; seed: number }): Interval | null {
  const resamples = opts.resamples ?? MIN_RESAMPLES;
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples ${resamples}`);
  const random = mulberry32(opts.seed);
  if (a.length < 2 || b.length < 2) return null;
  const resampledMean = (values: readonly number[]) => {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)]!;
    return sum / values.length;
  };
  const diffs = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const meanA = resampledMean(a);
    diffs[r] = resampledMean(b) - meanA;
  }
  diffs.sort();
  const sorted = Array.from(diffs);
  return { low: quantile(sorted, 0.025), high: quantile(sorted, 0.975) };
}

/**
 * The Wilson score interval for `up` successes out of `n` (two-sided; 95 % with the default z).
 * The lower bound is the ranking's own wilsonLowerBound; the upper bound follows from the
 * interval's symmetry, high(up, n) = 1 − low(n − up, n). Null when n = 0 (no share to bound).
 */
export function wilsonInterval(up: number, n: number, z = Z95): Interval | null {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(up) || up < 0 || up > n) throw new RangeError(`wilsonInterval: ${up} of ${n}`);
  if (n === 0) return null;
  return { low: wilsonLowerBound(up, n - up, z), high: 1 - wilsonLowerBound(n - up, up, z) };
}

/**
 * The Gini coefficient of non-negative values, sorted ascending x₁ ≤ … ≤ xₙ:
 * G = (2·Σ i·xᵢ) / (n·Σ xᵢ) − (n + 1)/n. 0 when all values are equal or all zero, and for no
 * values at all (nothing is unequal). Negative values are refused: shift them first, and say how.
 */
export function gini(values: readonly number[]): number {
  for (const v of values) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`gini: value ${v} is not a non-negative number`);
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  if (n === 0 || sorted[0] === sorted[n - 1]) return 0;
  let sum = 0;
  let weighted = 0;
  sorted.forEach((x, i) => {
    sum += x;
    weighted += (i + 1) * x;
  });
  // The formula's value for unequal values is positive; max() only removes a rounding residue.
  return Math.max(0, (2 * weighted) / (n * sum) - (n + 1) / n);
}

/** The display-position bins of RESEARCH.md, in order (positions 1-based, as the voter counts). */
export const POSITION_BINS = ["1", "2", "3", "4–6", "7–10", "11–20", "21+"] as const;
export type PositionBin = (typeof POSITION_BINS)[number];

/**
 * The bin of a stored position. Vote and VoteEvent positions are 0-based (lib/voting/feed.ts
 * numbers the feed `start + i`), so stored 0 is display position 1.
 */
export function positionBin(position: number): PositionBin {
  if (!Number.isInteger(position) || position < 0) throw new RangeError(`position ${position}`);
  const k = position + 1;
  if (k <= 3) return POSITION_BINS[k - 1]!;
  if (k <= 6) return "4–6";
  if (k <= 10) return "7–10";
  if (k <= 20) return "11–20";
  return "21+";
}
