// Pure CSV writing for the research exports (lib/research/export.ts): RFC 4180 plus a guard
// against spreadsheet formula injection.

/** What a cell can hold. null is an empty cell; dates are written as ISO 8601 UTC. */
export type Cell = string | number | boolean | Date | null;

/**
 * Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's
 * list: = + - @, and tab and carriage return, which some of them skip before looking).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Text that a spreadsheet would run as a formula (a prompt "=HYPERLINK(...)") gets a
 * leading apostrophe, which spreadsheets hide and treat as "this is text". Only text is guarded:
 * numbers are written as numbers, so a vote of -1 stays -1. Then RFC 4180: a field containing a
 * comma, a double quote, CR or LF is put in double quotes, its quotes doubled.
 */
export function csvCell(value: Cell): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, terminated by CRLF as RFC 4180 asks. */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
