// How `npm test` adds up a runner's results. A runner's JSON report alone can say all is well when
// it is not: Vitest writes success: true and 0 failed tests when it caught an unhandled error
// (it prints "Errors  1 error" and exits 1). So errors it printed, and a failing exit status
// nothing else explains, count as failures too.

/** Strips terminal colours, so printed summaries can be read. */
const plain = (text) => text.replace(/\x1b\[[0-9;]*m/g, "");

/** The "Errors  N error(s)" line of Vitest's summary, 0 when absent. */
export function vitestPrintedErrors(output) {
  const m = /^\s*Errors\s+(\d+)\s+errors?\b/m.exec(plain(output));
  return m ? Number(m[1]) : 0;
}

/**
 * Vitest's totals from its JSON report, its exit status and what it printed. A missing report is
 * one failure (the run did not finish).
 */
export function vitestTotals(report, { exitCode, output = "" }) {
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  let failed = report.numFailedTests + vitestPrintedErrors(output);
  // A suite that failed to load has no failed test of its own.
  if (report.success === false && failed === 0) failed = 1;
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

/** Playwright's totals: unexpected results, errors outside tests, and an unexplained failing exit. */
export function playwrightTotals(report, { exitCode }) {
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  let failed = report.stats.unexpected + (report.errors?.length ?? 0);
  if (exitCode !== 0 && failed === 0) failed = 1;
  return { passed: report.stats.expected + report.stats.flaky, failed, skipped: report.stats.skipped };
}
