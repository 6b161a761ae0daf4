// The settings form's schema is derived from the one settings schema: every field, with the same
// bounds (the two copies had drifted: the form refused 1,000+ completion votes the settings allow).
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "@/lib/settings/schema";
import { settingsFormSchema } from "./admin";

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
      const other: Record<string, string> = key === "minMaskCoverage" ? { maxMaskCoverage: "100" } : key === "maxMaskCoverage" ? { minMaskCoverage: "0" } : {};
      const atMax = settingsFormSchema.safeParse(form({ ...other, [key]: String(key === "minMaskCoverage" ? max - 1 : max) }));
      expect(atMax.success, `${key} at ${max}`).toBe(true);
      const over = settingsFormSchema.safeParse(form({ ...other, [key]: String(max + 1) }));
      expect(over.success, `${key} at ${max + 1}`).toBe(false);
      expect(over.error?.issues[0]?.message).toBe(`At most ${max}${percent ? "%" : ""}.`);
      const under = settingsFormSchema.safeParse(form({ ...other, [key]: String(min - 1) }));
      expect(under.error?.issues[0]?.message).toBe(`At least ${min}${percent ? "%" : ""}.`);
    }
  });

  it("accepts the 10,000 completion votes the settings allow", () => {
    const parsed = settingsFormSchema.parse(form({ completionVotes: "10000" }));
    expect((parsed as Settings).completionVotes).toBe(10_000);
  });

  it("refuses fractions where the setting is whole, and keeps the coverage order rule", () => {
    expect(settingsFormSchema.safeParse(form({ generationQuota: "2.5" })).error?.issues[0]?.message).toBe("Enter a whole number.");
    expect(settingsFormSchema.safeParse(form({ minMaskCoverage: "50", maxMaskCoverage: "40" })).error?.issues[0]?.message).toBe("The minimum mask coverage must be below the maximum.");
  });
});
