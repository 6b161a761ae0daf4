// `npm test` must not print "0 failed" over a run that had errors. The unhandled-error case runs
// the real Vitest on a fixture whose only test passes but leaves a rejection behind.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightTotals, vitestPrintedErrors, vitestTotals } from "./test-summary.mjs";

describe("vitestTotals", () => {
  it("counts an unhandled error Vitest caught as a failure, though its JSON report says success", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pp-summary-"));
    try {
      const file = path.join(dir, "report.json");
      // The child is a Vitest of its own, not a worker of this one.
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
      for (const k of Object.keys(env)) if (k.startsWith("VITEST")) delete env[k];
      const run = spawnSync(
        process.execPath,
        [
          "node_modules/vitest/vitest.mjs",
          "run",
          "--root",
          "scripts/fixtures/unhandled-error",
          "--reporter=default",
          "--reporter=json",
          `--outputFile.json=${file}`,
        ],
        { env, encoding: "utf8" },
      );
      const report = JSON.parse(readFileSync(file, "utf8"));
      // What the old summary read: one test passed, none failed, success.
      expect([report.numPassedTests, report.numFailedTests, report.success]).toEqual([1, 0, true]);
      expect(run.status).not.toBe(0);
      const output = run.stdout + run.stderr;
      expect(vitestPrintedErrors(output)).toBe(1);
      expect(vitestTotals(report, { exitCode: run.status ?? 1, output })).toEqual({ passed: 1, failed: 1, skipped: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const report = { numPassedTests: 5, numFailedTests: 0, numPendingTests: 1, numTodoTests: 0, success: true };

  it("reads the printed error count with or without colours", () => {
    expect(vitestPrintedErrors("      Tests  5 passed (5)\n     Errors  3 errors\n")).toBe(3);
    expect(vitestPrintedErrors("\x1b[2m     Errors \x1b[22m \x1b[1m\x1b[31m1 error\x1b[39m\x1b[22m")).toBe(1);
    expect(vitestPrintedErrors("Tests 5 passed")).toBe(0);
  });

  it("counts a failing exit that nothing else explains, and a missing report", () => {
    expect(vitestTotals(report, { exitCode: 0, output: "" })).toEqual({ passed: 5, failed: 0, skipped: 1 });
    expect(vitestTotals(report, { exitCode: 1, output: "" }).failed).toBe(1);
    expect(vitestTotals({ ...report, success: false }, { exitCode: 0, output: "" }).failed).toBe(1);
    expect(vitestTotals({ ...report, numFailedTests: 2 }, { exitCode: 1, output: "" }).failed).toBe(2);
    expect(vitestTotals(null, { exitCode: 1 })).toEqual({ passed: 0, failed: 1, skipped: 0 });
  });
});

describe("playwrightTotals", () => {
  const stats = { expected: 10, unexpected: 0, flaky: 1, skipped: 2 };

  it("adds errors outside tests and an unexplained failing exit", () => {
    expect(playwrightTotals({ stats, errors: [] }, { exitCode: 0 })).toEqual({ passed: 11, failed: 0, skipped: 2 });
    expect(playwrightTotals({ stats, errors: [{ message: "worker crashed" }] }, { exitCode: 1 }).failed).toBe(1);
    expect(playwrightTotals({ stats, errors: [] }, { exitCode: 1 }).failed).toBe(1);
    expect(playwrightTotals({ stats: { ...stats, unexpected: 3 }, errors: [] }, { exitCode: 1 }).failed).toBe(3);
  });
});
