import { describe, expect, it } from "vitest";
import { compareRank, rankImages, wilsonLowerBound, type Rankable } from "./ranking";

const t0 = new Date("2026-01-01T10:00:00Z");
const img = (id: number, upvotes: number, downvotes: number, minutes = 0): Rankable => ({
  id,
  upvotes,
  downvotes,
  submittedAt: new Date(t0.getTime() + minutes * 60_000),
  createdAt: t0,
});

describe("wilsonLowerBound", () => {
  it("is 0 with no votes and grows with evidence", () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(0, 5)).toBeCloseTo(0, 10);
    expect(wilsonLowerBound(1, 0)).toBeLessThan(wilsonLowerBound(10, 0));
    expect(wilsonLowerBound(10, 0)).toBeLessThan(wilsonLowerBound(100, 0));
  });

  it("matches hand-computed values", () => {
    // p = 0.9, n = 100, z = 1.96: (0.9 + 0.019208 - 1.96*sqrt(0.0009 + 0.00009604)) / 1.038416
    expect(wilsonLowerBound(90, 10)).toBeCloseTo(0.8256, 3);
    // p = 1, n = 2: (1 + 0.96036 - 0.96036) / 2.92073 = 0.34238
    expect(wilsonLowerBound(2, 0)).toBeCloseTo(0.3424, 3);
    expect(wilsonLowerBound(5, 5)).toBeCloseTo(0.2366, 3);
  });
});

describe("rankImages", () => {
  it("does not let 2 up / 0 down beat 90 up / 10 down", () => {
    expect(rankImages([img(1, 2, 0), img(2, 90, 10)]).map((i) => i.id)).toEqual([2, 1]);
  });

  it("ranks by the bound, not by up-votes or up minus down: 10 / 0 above 40 / 25 above 12 / 30", () => {
    expect(rankImages([img(1, 12, 30), img(2, 40, 25), img(3, 10, 0)]).map((i) => i.id)).toEqual([3, 2, 1]);
  });

  it("puts images with no votes below any up-voted image, and above down-voted ones", () => {
    expect(rankImages([img(1, 0, 0), img(2, 0, 3), img(3, 1, 0)]).map((i) => i.id)).toEqual([3, 1, 2]);
    expect(rankImages([img(1, 0, 50), img(2, 0, 0), img(3, 0, 2)]).map((i) => i.id)).toEqual([2, 3, 1]);
  });

  it("breaks score ties by more votes, then earlier submission, then id", () => {
    // Same share of up-votes: the larger sample has the higher bound, so it leads.
    expect(rankImages([img(1, 3, 1, 5), img(2, 6, 2, 5)]).map((i) => i.id)).toEqual([2, 1]);
    // Same votes: earlier submission first.
    expect(rankImages([img(1, 3, 1, 30), img(2, 3, 1, 5)]).map((i) => i.id)).toEqual([2, 1]);
    // Everything equal: lower id first (total order, stable across runs).
    expect(rankImages([img(7, 0, 0), img(3, 0, 0)]).map((i) => i.id)).toEqual([3, 7]);
  });

  it("falls back to creation time when an image has no submission time", () => {
    const a = { ...img(1, 0, 0), submittedAt: null, createdAt: new Date(t0.getTime() + 1000) };
    const b = { ...img(2, 0, 0), submittedAt: null, createdAt: t0 };
    expect(compareRank(a, b)).toBeGreaterThan(0);
  });

  it("leaves its input untouched", () => {
    const input = [img(1, 0, 0), img(2, 5, 0)];
    rankImages(input);
    expect(input.map((i) => i.id)).toEqual([1, 2]);
  });
});
