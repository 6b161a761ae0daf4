import { issue } from "./field-errors";
import { z } from "./zod";

// What starting a study takes: its name, the picture every world starts from, and its worlds.
// Shared by the admin form and the server; the server checks the picture exists and may seed.

/** When voters see tallies, and how an open day is ordered (lib/worlds/conditions.ts reads them). */
export const tallyModeSchema = z.enum(["always", "afterVote", "never"], issue("FIELD_ONE_OF"));
export const feedOrderSchema = z.enum(["random", "newest", "score"], issue("FIELD_ONE_OF"));

export const worldInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, issue("FIELD_AT_LEAST", { min: 1 }))
    .max(60, issue("TEXT_TOO_LONG")),
  weight: z.coerce
    .number(issue("FIELD_NOT_A_NUMBER"))
    .int(issue("FIELD_NOT_WHOLE"))
    .min(1, issue("FIELD_AT_LEAST"))
    .max(20, issue("FIELD_AT_MOST")),
  tallies: tallyModeSchema,
  order: feedOrderSchema,
});

export const startStudySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, issue("FIELD_AT_LEAST", { min: 1 }))
    .max(80, issue("TEXT_TOO_LONG")),
  firstSeedImageId: z.coerce.number(issue("FIELD_NOT_A_NUMBER")).int(issue("FIELD_NOT_WHOLE")).positive(issue("FIELD_NOT_POSITIVE")),
  worlds: z.array(worldInputSchema).min(1).max(8),
});

export type StartStudyInput = z.infer<typeof startStudySchema>;

/** A running world's conditions changed mid-study (the form's two; the rest keep what they were). */
export const worldConditionsChangeSchema = z.object({
  worldId: z.coerce.number(issue("FIELD_NOT_A_NUMBER")).int(issue("FIELD_NOT_WHOLE")).positive(issue("FIELD_NOT_POSITIVE")),
  tallies: tallyModeSchema,
  order: feedOrderSchema,
});

export type WorldConditionsChange = z.infer<typeof worldConditionsChangeSchema>;
