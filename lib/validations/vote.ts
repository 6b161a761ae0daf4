import { z } from "./zod";

/**
 * One vote: +1, -1, or 0 to clear. Shared by the vote page's action and the JSON endpoint. Types
 * are exact, never coerced: `null` is not a retraction and `true` is not an up-vote, so a client
 * bug shows up as a 400 instead of as data.
 */
export const voteSchema = z.object({
  imageId: z
    .number({ message: "imageId must be a number." })
    .int("imageId must be a whole number.")
    .positive("imageId must be positive.")
    .max(2_147_483_647, "imageId is too large."),
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], { message: "value must be 1 (up), -1 (down) or 0 (clear)." }),
  position: z.number({ message: "position must be a number." }).int("position must be a whole number.").min(0, "position must be 0 or more.").max(100_000, "position must be at most 100000.").optional(),
});

export type VoteRequest = z.infer<typeof voteSchema>;
