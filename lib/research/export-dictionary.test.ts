import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { EXPORT_TABLES } from "./export-columns";
import { renderDictionaryMarkdown } from "./export-dictionary";

describe("the data dictionary", () => {
  it("is what docs/data-dictionary.md says (regenerate with: npx tsx scripts/data-dictionary.ts)", async () => {
    expect(await readFile("docs/data-dictionary.md", "utf8")).toBe(renderDictionaryMarkdown());
  });

  it("describes every column once, in every table", () => {
    for (const spec of Object.values(EXPORT_TABLES)) {
      const names = spec.columns.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      for (const c of spec.columns) expect(c.description.length).toBeGreaterThan(5);
    }
  });
});
