#!/usr/bin/env node
// Builds the app for production into .next-bench (NEXT_DIST_DIR, which next.config.ts honours),
// never into .next: a dev server or an e2e run may be using that one at the same time.
// `next build` also adds the dist dir's type folders to tsconfig.json and points next-env.d.ts at
// them. Both are put back exactly as they were afterwards, so a benchmark leaves the tracked tree
// as it found it and `tsc` never sees a second copy of the generated route types.
// Build output goes to bench/results/build.log; its tail is printed only if the build fails.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST_DIR = ".next-bench";
const RESTORED = ["tsconfig.json", "next-env.d.ts"];

/** Runs `next build` into DIST_DIR; throws (with the log's tail) when it fails. */
export function buildForBench() {
  const saved = RESTORED.map((f) => [f, existsSync(join(ROOT, f)) ? readFileSync(join(ROOT, f), "utf8") : null]);
  const logPath = join(ROOT, "bench", "results", "build.log");
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  const started = performance.now();
  try {
    const res = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15 * 60_000,
    });
    const output = `${res.stdout ?? ""}${res.stderr ?? ""}`;
    writeFileSync(logPath, output);
    if (res.status !== 0) {
      throw new Error(`next build failed (${res.status ?? res.signal}); see ${logPath}:\n${output.slice(-4000)}`);
    }
  } finally {
    for (const [file, text] of saved) {
      const path = join(ROOT, file);
      const now = existsSync(path) ? readFileSync(path, "utf8") : null;
      if (text === null) rmSync(path, { force: true });
      else if (now !== text) writeFileSync(path, text);
    }
  }
  return (performance.now() - started) / 1000;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const seconds = buildForBench();
    process.stderr.write(`built into ${DIST_DIR} in ${seconds.toFixed(0)} s\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
