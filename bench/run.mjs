#!/usr/bin/env node
// `npm run bench`: every benchmark in one go, one after another (they share two CPU cores, so
// never in parallel). Builds the app once into .next-bench for those that need a server, runs
// each benchmark as a child process with its own throwaway database, and prints one Markdown
// section per benchmark. Progress goes to stderr while it runs; the report goes to stdout at the
// end and to bench/results/latest.md. `npm run bench -- vote-page editor` runs only those.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { ROOT, buildForBench } from "./build.mjs";

const BENCHMARKS = [
  { name: "imagegen", title: "Image modules: offline engine, composite, mask validation", server: false, timeoutS: 300 },
  { name: "generation-overhead", title: "Generation overhead (engine excluded)", server: false, timeoutS: 240 },
  {
    name: "rollover",
    title: "Rollover at 1,000,000 votes: one world against 8 worlds of the same data size",
    server: false,
    timeoutS: 600,
  },
  { name: "vote-worlds", title: "The vote path with 8 worlds against one world", server: false, timeoutS: 300 },
  {
    name: "personal-page",
    title: "Participation rewards at 1,000,000 votes: personal page and leaderboards",
    server: false,
    timeoutS: 300,
  },
  { name: "export-memory", title: "Research export of 1,000,000 votes: streamed vs all in memory", server: false, timeoutS: 300 },
  {
    name: "vote-throughput",
    title: "Vote throughput: POST /api/vote vs a bare Next.js route handler and bare node:http, same transaction",
    server: true,
    timeoutS: 480,
  },
  { name: "vote-page", title: "/vote on a phone: thumbnails vs the original full-size pictures", server: true, timeoutS: 480 },
  { name: "vote-page-scale", title: "/vote on a phone at 200 and at 20,000 submissions: the first page only", server: true, timeoutS: 480 },
  {
    name: "load",
    title: "Load: votes at 100/s alone and while 8 participants generate, then saturated, on one server",
    server: true,
    timeoutS: 420,
  },
  { name: "editor", title: "Mask editor: 300 strokes, then the mask export", server: true, timeoutS: 360 },
  {
    name: "lighthouse",
    title: "Lighthouse (mobile) on /, /vote, /create and /winners vs a bare Next.js page",
    server: true,
    timeoutS: 600,
  },
];
/** After a timeout's SIGTERM, how long a benchmark gets to stop its servers and drop its database. */
const CLEANUP_GRACE_MS = 30_000;

const status = (msg) => process.stderr.write(`\x1b[35m▸\x1b[0m ${msg}\n`);
/** The app's structured log lines ({"level":…}) are not report content, wherever they are printed. */
const isLogLine = (line) => line.startsWith('{"level":');

let current = null;
let interrupted = false;
// Ctrl-C reaches the running benchmark too (same process group) and it cleans up after itself;
// wait for that instead of leaving its servers and database behind.
process.on("SIGINT", () => {
  interrupted = true;
  status("interrupted; waiting for the running benchmark to clean up…");
  if (!current) process.exit(130);
});

/** Runs one benchmark; resolves with its stdout, exit code and the tail of its stderr. */
function runBenchmark(b) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", `bench/${b.name}.ts`], {
      cwd: ROOT,
      env: { ...process.env, BENCH_BUILT: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    current = child;
    let out = "";
    let errTail = "";
    let pending = "";
    child.stdout.on("data", (d) => {
      const lines = (pending + d).split("\n");
      pending = lines.pop();
      for (const line of lines) {
        if (isLogLine(line)) process.stderr.write(`    ${line}\n`);
        else out += `${line}\n`;
      }
    });
    child.stderr.on("data", (d) => {
      errTail = (errTail + d).slice(-8000);
      process.stderr.write(String(d).replace(/^(?=.)/gm, "    "));
    });
    let killer;
    const timer = setTimeout(() => {
      status(`${b.name} ran past ${b.timeoutS} s; stopping it`);
      child.kill("SIGTERM");
      killer = setTimeout(() => child.kill("SIGKILL"), CLEANUP_GRACE_MS);
    }, b.timeoutS * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      current = null;
      if (pending && !isLogLine(pending)) out += pending;
      resolve({ out: out.trim(), code: code ?? (signal ? 128 : 1), errTail });
    });
  });
}

function gitLine() {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).trim() !== "";
    return `commit ${head}${dirty ? " with uncommitted changes" : ""}`;
  } catch {
    return "not a git checkout";
  }
}

function failed(what, detail) {
  return `**Failed** (${what}).\n\n\`\`\`\n${detail.trim().split("\n").slice(-25).join("\n")}\n\`\`\``;
}

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length) throw new Error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHMARKS.map((b) => b.name).join(", ")}`);
  const selected = BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name));
  const started = Date.now();
  const loadAtStart = loadavg()[0].toFixed(2);

  let buildError = null;
  let buildNote = "";
  if (selected.some((b) => b.server)) {
    status("building the app into .next-bench (next build)…");
    try {
      buildNote = `, app built into .next-bench in ${buildForBench().toFixed(0)} s`;
    } catch (err) {
      buildError = err instanceof Error ? err.message : String(err);
      status("the build failed; benchmarks that need the server are skipped");
    }
  }

  const sections = [];
  let failures = 0;
  for (const [i, b] of selected.entries()) {
    if (interrupted) break;
    status(`[${i + 1}/${selected.length}] ${b.title}`);
    const t0 = Date.now();
    let body;
    if (b.server && buildError) {
      body = failed("the production build failed", buildError);
      failures++;
    } else {
      const r = await runBenchmark(b);
      body = r.code === 0 ? r.out : `${r.out ? `${r.out}\n\n` : ""}${failed(`exit code ${r.code}`, r.errTail)}`;
      if (r.code !== 0) failures++;
    }
    const seconds = Math.round((Date.now() - t0) / 1000);
    sections.push(`## ${b.title}\n\n_bench/${b.name}.ts, ${seconds} s_\n\n${body}\n`);
  }

  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const report = [
    "# PixelPatchwork benchmarks",
    "",
    `${new Date().toISOString()}, ${gitLine()}. Node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? "CPU"}, ` +
      `load average ${loadAtStart} at the start. ${minutes} min in all${buildNote}.`,
    "",
    "Ratios are ours / baseline, both measured in this run on this machine. Figures from a shared machine move between runs; compare ratios, not absolute numbers, across machines.",
    "",
    ...sections,
  ].join("\n");
  mkdirSync(join(ROOT, "bench", "results"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "results", "latest.md"), report);
  process.stdout.write(`${report}\n`);
  status(`report saved to bench/results/latest.md${failures ? `; ${failures} benchmark(s) failed` : ""}`);
  process.exitCode = interrupted ? 130 : failures ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
