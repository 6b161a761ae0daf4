// Regenerates docs/data-dictionary.md from the export column list (lib/research/export-columns.ts):
//   npx tsx scripts/data-dictionary.ts
// lib/research/export-dictionary.test.ts fails until the file is regenerated after a column change.
import { writeFileSync } from "node:fs";
import { renderDictionaryMarkdown } from "@/lib/research/export-dictionary";

writeFileSync("docs/data-dictionary.md", renderDictionaryMarkdown());
console.log("Wrote docs/data-dictionary.md");
