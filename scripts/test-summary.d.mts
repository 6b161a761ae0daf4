// Types for scripts/test-summary.mjs (plain JavaScript, so `npm test` runs before any build).
export type Totals = { passed: number; failed: number; skipped: number };
export type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
};
export type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };
export function vitestPrintedErrors(output: string): number;
export function vitestTotals(report: VitestReport | null, run: { exitCode: number; output?: string }): Totals;
export function playwrightTotals(report: PlaywrightReport | null, run: { exitCode: number }): Totals;
