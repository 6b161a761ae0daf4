import type { ErrorCode } from "@/lib/server/error-codes";
import { settingsSchema, type Settings } from "@/lib/settings/schema";
import { reasonSchema } from "@/lib/validations/reason";
import { issue } from "./field-errors";
import { z } from "./zod";

const id = (missing: ErrorCode, invalid: ErrorCode) => z.coerce.number(issue(missing)).int(issue(invalid)).positive(issue(invalid));
const imageId = () => id("MISSING_IMAGE", "INVALID_IMAGE");
const userId = () => id("MISSING_USER", "INVALID_USER");
const reason = reasonSchema;

export const imageModerationSchema = z.object({ imageId: imageId(), reason });
export const unhideSchema = z.object({ imageId: imageId(), reason: reason.optional() });
export const banSchema = z.object({ userId: userId(), reason });
export const unbanSchema = z.object({ userId: userId() });
export const vetoSchema = z.object({ dayId: id("MISSING_DAY", "INVALID_DAY"), reason, expectedImageId: imageId().optional() });
export const replaySchema = z.object({ imageId: imageId() });
export const emptySchema = z.object({}).passthrough();

/** Checkbox fields arrive as "on" or are absent. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Fields the form shows as percentages of the picture; they are stored as fractions. */
const PERCENT_FIELDS = new Set<keyof Settings>(["minMaskCoverage", "maxMaskCoverage"]);

/**
 * A number field of the form, from the stored field: the same bounds and whole-number rule,
 * read off the one schema (lib/settings/schema.ts), as typed text; percentages become fractions.
 * A refused percentage names its bound as a fraction, which the reader's locale shows as a
 * percentage.
 */
function numberField(field: z.ZodNumber, percent: boolean) {
  const scale = percent ? 100 : 1;
  const min = field.minValue ?? 0;
  const max = field.maxValue ?? Number.MAX_SAFE_INTEGER;
  let n = z.coerce.number(issue(percent ? "ENTER_PERCENTAGE" : "ENTER_WHOLE_NUMBER"));
  if (field.format === "safeint") n = n.int(issue("ENTER_WHOLE_NUMBER"));
  const bounded = n
    .refine((v) => v >= min * scale, issue(percent ? "AT_LEAST_PERCENT" : "AT_LEAST", { min }))
    .refine((v) => v <= max * scale, issue(percent ? "AT_MOST_PERCENT" : "AT_MOST", { max }));
  return percent ? bounded.transform((v) => v / scale) : bounded;
}

function formField(key: keyof Settings, field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodBoolean) return checkbox;
  if (field instanceof z.ZodNumber) return numberField(field, PERCENT_FIELDS.has(key));
  // The completion URL: an empty box means none.
  return z.preprocess((v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v), field);
}

const shape = settingsSchema.shape;
const formFields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, formField(key as keyof Settings, field)])) as {
  [K in keyof Settings]: z.ZodType<Settings[K], unknown>;
};

/** The settings form: every setting, derived from the one schema, plus what the form showed. */
export const settingsFormSchema = z
  .object({
    ...formFields,
    /**
     * The settings as the form showed them (JSON), so only what this admin changed is saved and a
     * change another admin made meanwhile to another field is kept (lib/settings/change.ts).
     */
    loaded: z.string().max(10_000).optional(),
  })
  .refine((s) => s.minMaskCoverage < s.maxMaskCoverage, { ...issue("MASK_BOUNDS_ORDER"), path: ["minMaskCoverage"] });
