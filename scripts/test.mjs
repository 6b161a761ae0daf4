#!/usr/bin/env node
// `npm test`: every suite, from a clean clone. Unit and integration tests (Vitest, each run in
// its own throwaway MariaDB database), then end-to-end tests (Playwright on the Debian Chromium
// against a production build). Ends with one line "N passed, N failed" summing both.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, ensureDatabaseServer, ensureDependencies, log, prisma, run, runTee } from "./lib.mjs";
import { ensureTestTools } from "./system.mjs";
import { playwrightTotals, vitestTotals } from "./test-summary.mjs";

const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL || "mysql://root@127.0.0.1:3306";
const only = process.argv[2]; // "lint", "unit" or "e2e" to run one layer

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (t) => {
  totals.passed += t.passed;
  totals.failed += t.failed;
  totals.skipped += t.skipped;
};
const out = mkdtempSync(join(tmpdir(), "ppw-test-"));

ensureDependencies();
await ensureDatabaseServer(`${SERVER_URL}/mysql`);
prisma(["generate"], { ...process.env });

// Lint and formatting are part of the test command: each is one check, failed on any finding.
if (!only || only === "lint") {
  for (const [name, args] of [
    ["Lint (ESLint)", [join(ROOT, "node_modules", "eslint", "bin", "eslint.js"), "."]],
    ["Formatting (Prettier)", [join(ROOT, "node_modules", "prettier", "bin", "prettier.cjs"), "--check", "."]],
  ]) {
    log(`${name}…`);
    const ok = run(process.execPath, args, { allowFail: true }) === 0;
    add({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
  }
}

if (!only || only === "unit") {
  log("Unit and integration tests (Vitest)…");
  const file = join(out, "vitest.json");
  const { status, output } = await runTee(process.execPath, [
    join(ROOT, "node_modules", "vitest", "vitest.mjs"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  add(vitestTotals(readJson(file), { exitCode: status, output }));
}

if (!only || only === "e2e") {
  ensureTestTools();
  log("End-to-end tests (Playwright, production build)…");
  const file = join(out, "playwright.json");
  const status = run(process.execPath, [join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", "--reporter=list,json"], {
    allowFail: true,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  });
  add(playwrightTotals(readJson(file), { exitCode: status }));
}

rmSync(out, { recursive: true, force: true });
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
