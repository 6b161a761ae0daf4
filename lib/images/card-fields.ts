/**
 * The Image fields a ranked picture card needs: what it shows, and what the Wilson ranking orders
 * by (tallies, then submission time). The one select for lists that rank what they show.
 */
export const rankedCardFields = {
  id: true,
  prompt: true,
  width: true,
  height: true,
  thumbKey: true,
  upvotes: true,
  downvotes: true,
  submittedAt: true,
  createdAt: true,
} as const;
