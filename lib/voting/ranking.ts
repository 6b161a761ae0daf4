/**
 * The day's order, used by the vote page, the rollover and the admin dashboard alike: the lower
 * bound of the Wilson score interval on up/down votes (95%), so a few lucky votes cannot beat a
 * large, clearly positive verdict (2 up / 0 down ranks below 90 up / 10 down). Ties go to more
 * votes, then to the earlier submission, then to the lower id so the order is always total.
 * One exception: every image with no up-votes scores exactly 0, and "more votes" would then put
 * the most down-voted first (0/50 above 0/0, even as a day's winner); among those, fewer
 * down-votes rank higher instead.
 */

const Z = 1.959963984540054; // two-sided 95%

/** Lower bound of the Wilson score interval for `up` successes out of `up + down`; 0 with no votes. */
export function wilsonLowerBound(up: number, down: number, z = Z): number {
  const n = up + down;
  // With no up-votes the bound is exactly 0; computing it would leave a rounding residue.
  if (n <= 0 || up <= 0) return 0;
  const p = up / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (centre - margin) / (1 + z2 / n);
}

export type Rankable = { id: number; upvotes: number; downvotes: number; submittedAt: Date | null; createdAt: Date };

/** Compares two images in ranking order (best first). */
export function compareRank(a: Rankable, b: Rankable): number {
  const byScore = wilsonLowerBound(b.upvotes, b.downvotes) - wilsonLowerBound(a.upvotes, a.downvotes);
  if (byScore !== 0) return byScore;
  const byVotes = a.upvotes === 0 && b.upvotes === 0 ? a.downvotes - b.downvotes : b.upvotes + b.downvotes - (a.upvotes + a.downvotes);
  if (byVotes !== 0) return byVotes;
  const byTime = (a.submittedAt ?? a.createdAt).getTime() - (b.submittedAt ?? b.createdAt).getTime();
  if (byTime !== 0) return byTime;
  return a.id - b.id;
}

/** A ranked copy (best first); the input is left untouched. */
export function rankImages<T extends Rankable>(images: readonly T[]): T[] {
  return [...images].sort(compareRank);
}
