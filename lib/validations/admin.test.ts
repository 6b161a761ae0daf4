// The settings form's schema is derived from the one settings schema: every field, with the same
// bounds (the two copies had drifted: the form refused 1,000+ completion votes the settings allow).
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "@/lib/settings/schema";
import { english } from "@/test/error-text";
import { settingsFormSchema } from "./admin";
import { detailOfIssue } from "./field-errors";

/** The first refusal of a parse, as its detail and as an English reader sees it. */
function refusal(parsed: { error?: { issues: Parameters<typeof detailOfIssue>[0][] } }) {
  const issue = parsed.error?.issues[0];
  if (!issue) throw new Error("the parse succeeded");
  const said = detailOfIssue(issue);
  return { ...said, text: english(said) };
}

/** The defaults as the form posts them: checkboxes "on" or absent, coverage in percent. */
function form(over: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(DEFAULT_SETTINGS)) {
    if (typeof v === "boolean") {
      if (v) out[k] = "on";
    } else if (k.endsWith("MaskCoverage")) out[k] = String((v as number) * 100);
    else out[k] = v === null ? "" : String(v);
  }
  return { ...out, ...over };
}

describe("settingsFormSchema", () => {
  it("has exactly the settings' fields, plus what the form showed", () => {
    expect(Object.keys(settingsFormSchema.shape).sort()).toEqual([...Object.keys(settingsSchema.shape), "loaded"].sort());
    expect(settingsFormSchema.parse(form())).toEqual({ ...DEFAULT_SETTINGS });
  });

  it("takes each number field's bounds from the settings schema", () => {
    for (const [key, field] of Object.entries(settingsSchema.shape)) {
      if (!("maxValue" in field) || typeof field.maxValue !== "number") continue;
      const percent = key.endsWith("MaskCoverage");
      const max = field.maxValue * (percent ? 100 : 1);
      const min = (field.minValue ?? 0) * (percent ? 100 : 1);
      // Coverage bounds are checked together (min < max), so move the other bound out of the way.
      const other: Record<string, string> =
        key === "minMaskCoverage" ? { maxMaskCoverage: "100" } : key === "maxMaskCoverage" ? { minMaskCoverage: "0" } : {};
      const atMax = settingsFormSchema.safeParse(form({ ...other, [key]: String(key === "minMaskCoverage" ? max - 1 : max) }));
      expect(atMax.success, `${key} at ${max}`).toBe(true);
      const over = settingsFormSchema.safeParse(form({ ...other, [key]: String(max + 1) }));
      expect(over.success, `${key} at ${max + 1}`).toBe(false);
      // A percentage's bound is carried as the stored fraction; the locale shows it as a percent.
      expect(refusal(over)).toEqual({
        code: percent ? "AT_MOST_PERCENT" : "AT_MOST",
        values: { max: field.maxValue },
        text: `At most ${max.toLocaleString("en")}${percent ? "%" : ""}.`,
      });
      const under = settingsFormSchema.safeParse(form({ ...other, [key]: String(min - 1) }));
      expect(refusal(under)).toEqual({
        code: percent ? "AT_LEAST_PERCENT" : "AT_LEAST",
        values: { min: field.minValue ?? 0 },
        text: `At least ${min.toLocaleString("en")}${percent ? "%" : ""}.`,
      });
    }
  });

  it("accepts the 10,000 completion votes the settings allow", () => {
    const parsed = settingsFormSchema.parse(form({ completionVotes: "10000" }));
    expect((parsed as Settings).completionVotes).toBe(10_000);
  });

  it("refuses fractions where the setting is whole, and keeps the coverage order rule", () => {
    expect(refusal(settingsFormSchema.safeParse(form({ generationQuota: "2.5" })))).toEqual({
      code: "ENTER_WHOLE_NUMBER",
      text: "Enter a whole number.",
    });
    expect(refusal(settingsFormSchema.safeParse(form({ minMaskCoverage: "50", maxMaskCoverage: "40" })))).toEqual({
      code: "MASK_BOUNDS_ORDER",
      text: "The minimum mask coverage must be below the maximum.",
    });
  });
});
