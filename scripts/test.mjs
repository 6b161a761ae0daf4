#!/usr/bin/env node
// `npm test`: every suite, from a clean clone. Unit and integration tests (Vitest, each run in
// its own throwaway MariaDB database), then end-to-end tests (Playwright on the Debian Chromium
// against a production build). Ends with one line "N passed, N failed" summing both.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, ensureDatabaseServer, ensureDependencies, log, prisma, run } from "./lib.mjs";

const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL || "mysql://root@127.0.0.1:3306";
const only = process.argv[2]; // "unit" or "e2e" to run one layer

function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  if (process.getuid?.() !== 0) throw new Error("Chromium is missing: install it with `sudo apt-get install -y chromium`.");
  log("Installing Chromium from Debian's packages…");
  run("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core"]);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const out = mkdtempSync(join(tmpdir(), "ppw-test-"));

ensureDependencies();
await ensureDatabaseServer(`${SERVER_URL}/mysql`);
prisma(["generate"], { ...process.env });

if (!only || only === "unit") {
  log("Unit and integration tests (Vitest)…");
  const file = join(out, "vitest.json");
  run(process.execPath, [join(ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`], { allowFail: true });
  const r = readJson(file);
  if (!r) totals.failed += 1;
  else {
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
    totals.skipped += r.numPendingTests + r.numTodoTests;
  }
}

if (!only || only === "e2e") {
  ensureChromium();
  log("End-to-end tests (Playwright, production build)…");
  const file = join(out, "playwright.json");
  run(process.execPath, [join(ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", "--reporter=list,json"], {
    allowFail: true,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  });
  const r = readJson(file);
  if (!r) totals.failed += 1;
  else {
    totals.passed += r.stats.expected + r.stats.flaky;
    totals.failed += r.stats.unexpected + (r.errors?.length ?? 0);
    totals.skipped += r.stats.skipped;
  }
}

rmSync(out, { recursive: true, force: true });
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
