import { issue } from "./field-errors";
import { z } from "./zod";

/**
 * One vote: +1, -1, or 0 to clear. Shared by the vote page's action and the JSON endpoint. Types
 * are exact, never coerced: `null` is not a retraction and `true` is not an up-vote, so a client
 * bug shows up as a 400 instead of as data.
 */
export const voteSchema = z.object({
  imageId: z
    .number(issue("FIELD_NOT_A_NUMBER"))
    .int(issue("FIELD_NOT_WHOLE"))
    .positive(issue("FIELD_NOT_POSITIVE"))
    .max(2_147_483_647, issue("FIELD_AT_MOST")),
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], issue("VOTE_VALUE")),
  position: z
    .number(issue("FIELD_NOT_A_NUMBER"))
    .int(issue("FIELD_NOT_WHOLE"))
    .min(0, issue("FIELD_AT_LEAST"))
    .max(100_000, issue("FIELD_AT_MOST"))
    .optional(),
});

export type VoteRequest = z.infer<typeof voteSchema>;
