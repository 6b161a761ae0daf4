import { PROMPT_MAX } from "./constants";
import { issue } from "./field-errors";
import { z } from "./zod";

// What starting a study takes: its name, the picture every world starts from, and its worlds.
// Shared by the admin form and the server; the server checks the picture exists and may seed.

/** When voters see tallies, and how an open day is ordered (lib/worlds/conditions.ts reads them). */
export const tallyModeSchema = z.enum(["always", "afterVote", "never"], issue("FIELD_ONE_OF"));
export const feedOrderSchema = z.enum(["random", "newest", "score"], issue("FIELD_ONE_OF"));

const count = (max: number) =>
  z.coerce
    .number(issue("FIELD_NOT_A_NUMBER"))
    .int(issue("FIELD_NOT_WHOLE"))
    .min(0, issue("FIELD_AT_LEAST"))
    .max(max, issue("FIELD_AT_MOST"));
/** A share of the picture (0–1), as the settings keep mask bounds. */
const share = z.coerce.number(issue("FIELD_NOT_A_NUMBER")).min(0, issue("FIELD_AT_LEAST")).max(1, issue("FIELD_AT_MOST"));

/**
 * A world's conditions as the forms set them. Tallies and order always; the rest only where the
 * world differs from the study's settings: left out (or null) means "as the settings", which also
 * follow later changes of the settings. The bounds are the settings' own (lib/settings/schema.ts).
 */
const conditionFields = {
  tallies: tallyModeSchema,
  order: feedOrderSchema,
  hideAuthors: z.boolean().nullish(),
  allowSelfVoting: z.boolean().nullish(),
  generationQuota: count(1000).nullish(),
  submissionsPerDay: count(100).nullish(),
  minMaskCoverage: share.nullish(),
  maxMaskCoverage: share.nullish(),
};

/** Mask bounds a world sets both of must not cross (one set alone is checked against the settings when read). */
const boundsInOrder = (c: { minMaskCoverage?: number | null; maxMaskCoverage?: number | null }) =>
  c.minMaskCoverage == null || c.maxMaskCoverage == null || c.minMaskCoverage < c.maxMaskCoverage;

export const worldInputSchema = z
  .object({
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
    ...conditionFields,
  })
  .refine(boundsInOrder, { ...issue("MASK_BOUNDS_ORDER"), path: ["minMaskCoverage"] });

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

/**
 * A running world's conditions changed mid-study: tallies and order, and any of the others (null:
 * back to the settings; left out: kept as they were).
 */
export const worldConditionsChangeSchema = z
  .object({
    worldId: z.coerce.number(issue("FIELD_NOT_A_NUMBER")).int(issue("FIELD_NOT_WHOLE")).positive(issue("FIELD_NOT_POSITIVE")),
    ...conditionFields,
  })
  .refine(boundsInOrder, { ...issue("MASK_BOUNDS_ORDER"), path: ["minMaskCoverage"] });

/** The conditions a form sets, without the world's name, weight or id. */
export type ConditionsInput = Pick<StartStudyInput["worlds"][number], keyof typeof conditionFields>;

export type WorldConditionsChange = z.infer<typeof worldConditionsChangeSchema>;

/** Largest first picture an admin may upload, in bytes (a 4K PNG photograph fits). */
export const SEED_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;

/** A study's first picture, uploaded from the studies page, and what it shows (its prompt in exports). */
export const seedUploadSchema = z.object({
  picture: z
    .instanceof(File, issue("SEED_FILE_REQUIRED"))
    .refine((f) => f.size > 0, issue("SEED_FILE_REQUIRED"))
    .refine((f) => f.size <= SEED_UPLOAD_MAX_BYTES, issue("SEED_FILE_TOO_LARGE", { max: SEED_UPLOAD_MAX_BYTES / 1024 / 1024 })),
  // Left out, it is as empty as an empty field, with the same message.
  description: z.preprocess(
    (v) => v ?? "",
    z
      .string()
      .trim()
      .min(1, issue("FIELD_AT_LEAST", { min: 1 }))
      .max(PROMPT_MAX, issue("TEXT_TOO_LONG")),
  ),
});

export type SeedUpload = z.infer<typeof seedUploadSchema>;
