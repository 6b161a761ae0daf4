import { describe, expect, it } from "vitest";
import { pairwiseAgreement } from "./pairwise";

const [a, b, c, d] = [11, 12, 13, 14];
const crowd = [a, b, c, d]; // a best, d worst
const votes = (entries: [number, 1 | -1][]) => new Map(entries);

describe("pairwiseAgreement", () => {
  it("agrees fully when the voter's up-voted image ranks above their down-voted one", () => {
    expect(
      pairwiseAgreement(
        votes([
          [a, 1],
          [c, -1],
        ]),
        crowd,
      ),
    ).toEqual({ pairs: 1, agreeing: 1, share: 1, tau: 1 });
  });

  it("disagrees fully when the crowd prefers what the voter down-voted", () => {
    expect(
      pairwiseAgreement(
        votes([
          [d, 1],
          [a, -1],
        ]),
        crowd,
      ),
    ).toEqual({ pairs: 1, agreeing: 0, share: 0, tau: -1 });
  });

  it("counts every up/down pair: up b, d and down a, c agree on (b, c) only", () => {
    // (b,a) no, (b,c) yes, (d,a) no, (d,c) no
    expect(
      pairwiseAgreement(
        votes([
          [b, 1],
          [d, 1],
          [a, -1],
          [c, -1],
        ]),
        crowd,
      ),
    ).toEqual({ pairs: 4, agreeing: 1, share: 0.25, tau: -0.5 });
  });

  it("has no pairs, hence no share, for a voter who only voted up (or only down)", () => {
    expect(
      pairwiseAgreement(
        votes([
          [a, 1],
          [b, 1],
        ]),
        crowd,
      ),
    ).toEqual({ pairs: 0, agreeing: 0, share: null, tau: null });
    expect(
      pairwiseAgreement(
        votes([
          [c, -1],
          [d, -1],
        ]),
        crowd,
      ),
    ).toMatchObject({ share: null });
    expect(pairwiseAgreement(new Map(), crowd)).toMatchObject({ pairs: 0, share: null });
  });

  it("leaves out images that are not in the crowd order", () => {
    expect(
      pairwiseAgreement(
        votes([
          [99, 1],
          [a, -1],
          [b, 1],
        ]),
        crowd,
      ),
    ).toEqual({ pairs: 1, agreeing: 0, share: 0, tau: -1 });
  });

  it("matches counting every pair by brute force on a large random case", () => {
    const order = Array.from({ length: 300 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    const voter = new Map<number, 1 | -1>(order.filter(() => Math.random() < 0.6).map((id) => [id, Math.random() < 0.5 ? 1 : -1]));
    const pos = new Map(order.map((id, i) => [id, i]));
    let pairs = 0;
    let agreeing = 0;
    for (const [u, uv] of voter)
      for (const [w, wv] of voter)
        if (uv === 1 && wv === -1) {
          pairs++;
          if (pos.get(u)! < pos.get(w)!) agreeing++;
        }
    expect(pairwiseAgreement(voter, order)).toMatchObject({ pairs, agreeing });
  });
});
