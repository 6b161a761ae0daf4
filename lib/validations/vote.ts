import { z } from "zod";

/** One vote: +1, -1, or 0 to clear. Shared by the vote page's action and the JSON endpoint. */
export const voteSchema = z.object({
  imageId: z.coerce.number({ message: "imageId must be a number." }).int("imageId must be a whole number.").positive("imageId must be positive."),
  value: z.coerce
    .number({ message: "value must be 1, -1 or 0." })
    .refine((v): v is -1 | 0 | 1 => v === 1 || v === -1 || v === 0, "value must be 1 (up), -1 (down) or 0 (clear).")
    .transform((v) => v as -1 | 0 | 1),
  position: z.coerce.number().int().min(0).max(100_000).optional(),
});

export type VoteRequest = z.infer<typeof voteSchema>;
