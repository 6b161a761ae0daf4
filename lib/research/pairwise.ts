// Pure core of the "individual vs aggregate" analysis (lib/research/agreement.ts): how far one
// voter's up/down votes agree with the crowd's final order.

/** A voter's agreement with the crowd over their mixed pairs. */
export type PairwiseAgreement = {
  /** Pairs (one up-voted, one down-voted image) both in the crowd order. */
  pairs: number;
  /** Of those, the pairs where the crowd ranks the up-voted image higher. */
  agreeing: number;
  /** agreeing / pairs, in [0, 1]; null without a single mixed pair. */
  share: number | null;
  /** 2 * share - 1, in [-1, 1]: like Kendall's tau over those pairs (1 full agreement, -1 reversed). */
  tau: number | null;
};

/** The first index in sorted `xs` whose value exceeds `x`. */
function upperBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Compares a voter's votes with the crowd's order (image ids, best first). Only pairs the voter
 * told apart count: an up-voted and a down-voted image. Two ups or two downs say nothing about
 * which the voter prefers, so they are not pairs. A pair agrees when the crowd ranks the
 * up-voted image above the down-voted one. Images missing from `crowdOrder` (hidden ones) are
 * left out. O(n log n), so a voter with thousands of votes costs nothing.
 */
export function pairwiseAgreement(voterVotes: ReadonlyMap<number, 1 | -1>, crowdOrder: readonly number[]): PairwiseAgreement {
  const rank = new Map(crowdOrder.map((id, i) => [id, i]));
  const ups: number[] = [];
  const downs: number[] = [];
  for (const [imageId, value] of voterVotes) {
    const r = rank.get(imageId);
    if (r === undefined) continue;
    (value === 1 ? ups : downs).push(r);
  }
  downs.sort((a, b) => a - b);
  const pairs = ups.length * downs.length;
  // For each up-voted image, the down-voted ones ranked below it (a larger index) agree.
  let agreeing = 0;
  for (const r of ups) agreeing += downs.length - upperBound(downs, r);
  const share = pairs === 0 ? null : agreeing / pairs;
  return { pairs, agreeing, share, tau: share === null ? null : 2 * share - 1 };
}
