import { z } from "./zod";
import { MASK_BOUNDS_ORDER, settingsSchema, type Settings } from "@/lib/settings/schema";
import { reasonSchema } from "@/lib/validations/reason";

const id = (what: string) => z.coerce.number({ message: `Missing ${what}.` }).int(`Invalid ${what}.`).positive(`Invalid ${what}.`);
const reason = reasonSchema;

export const imageModerationSchema = z.object({ imageId: id("image"), reason });
export const unhideSchema = z.object({ imageId: id("image"), reason: reason.optional() });
export const banSchema = z.object({ userId: id("user"), reason });
export const unbanSchema = z.object({ userId: id("user") });
export const vetoSchema = z.object({ dayId: id("day"), reason, expectedImageId: id("image").optional() });
export const emptySchema = z.object({}).passthrough();

/** Checkbox fields arrive as "on" or are absent. */
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Fields the form shows as percentages of the picture; they are stored as fractions. */
const PERCENT_FIELDS = new Set<keyof Settings>(["minMaskCoverage", "maxMaskCoverage"]);

/**
 * A number field of the form, from the stored field: the same bounds and whole-number rule,
 * read off the one schema (lib/settings/schema.ts), as typed text; percentages become fractions.
 */
function numberField(field: z.ZodNumber, percent: boolean) {
  const scale = percent ? 100 : 1;
  const unit = percent ? "%" : "";
  const min = (field.minValue ?? 0) * scale;
  const max = (field.maxValue ?? Number.MAX_SAFE_INTEGER) * scale;
  let n = z.coerce.number({ message: percent ? "Enter a percentage." : "Enter a whole number." });
  if (field.format === "safeint") n = n.int("Enter a whole number.");
  const bounded = n.min(min, `At least ${min}${unit}.`).max(max, `At most ${max}${unit}.`);
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
  .refine((s) => s.minMaskCoverage < s.maxMaskCoverage, { message: MASK_BOUNDS_ORDER, path: ["minMaskCoverage"] });
