// Renders docs/data-dictionary.md from the column list (lib/research/export-columns.ts).
import { EXPORT_TABLES, type ExportTable } from "@/lib/research/export-columns";

const INTRO = `# Data dictionary

The research exports at /admin/export, table by table and column by column. This file is
generated from \`lib/research/export-columns.ts\`; a test fails when the two disagree, so change
the code and regenerate rather than editing this file by hand:

    npx tsx scripts/data-dictionary.ts

## Formats

- **CSV**: RFC 4180. UTF-8 without a byte-order mark, a header row, records ending in CRLF;
  fields with a comma, a double quote, CR or LF are quoted, quotes doubled. An empty field is
  a missing value (null). Booleans are \`true\`/\`false\`; times are ISO 8601 in UTC
  (\`2026-11-25T15:00:00.000Z\`).
- **Formula guard (CSV only)**: a text field starting with \`=\`, \`+\`, \`-\`, \`@\`, a tab or a carriage
  return gets a leading apostrophe (\`'\`), so a spreadsheet shows it as text instead of running
  it as a formula (a prompt such as \`=HYPERLINK(...)\`). Numbers are never changed. When
  analysing the CSV in code, strip one leading \`'\` from such text fields, or use the JSON export,
  which is unchanged.
- **JSON**: one array of objects, one object per row, keyed by the column names below; missing
  values are \`null\`, times ISO 8601 strings.
- **Order and consistency**: rows come in id order, read in batches of about 2,000, so a large
  table streams without delay. An export is not a snapshot: rows written while it runs may or may
  not be included.
- **Pseudonymisation**: participant ids are replaced by a keyed hash (see users.participantHash).
  Exports with raw participant ids (raw=1) are personal data; both kinds are recorded in the audit log.
`;

/** Escapes a table cell of Markdown. */
const md = (s: string) => s.replace(/\|/g, "\\|");

/** The data dictionary as Markdown: what docs/data-dictionary.md must contain. */
export function renderDictionaryMarkdown(): string {
  const sections = (Object.keys(EXPORT_TABLES) as ExportTable[]).map((table) => {
    const spec = EXPORT_TABLES[table];
    const rows = spec.columns.map(
      (c) =>
        `| \`${c.name}\` | ${md(c.description)}${c.only === "raw" ? " *(raw exports only)*" : c.only === "pseudonymised" ? " *(not in raw exports)*" : ""} |`,
    );
    return [`## ${spec.title}`, "", spec.description, "", "| Column | Description |", "| --- | --- |", ...rows, ""].join("\n");
  });
  return [INTRO, ...sections].join("\n");
}
