// Lighthouse (mobile: a mid-range phone on a slow 4G link, simulated) on the pages participants
// land on: /, /vote, /create and /winners, signed in, with a day of 200 submissions, against a
// bare Next.js page built from this project's next (bench/baseline/next-app): the performance score
// and Largest Contentful Paint of each, median of three runs.
// Run: npm run bench -- lighthouse (or: node --conditions=react-server --import tsx bench/lighthouse.ts)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import { CHROMIUM } from "../e2e/chromium";
import { progress } from "./lib/cleanup";
import { benchApp, runBenchmark } from "./lib/harness";
import { machineLine, median, ratio, table } from "./lib/report";
import { insertUsers, openToday } from "./lib/seed";
import { ensureBuild, startNextBaseline } from "./lib/server";
import { sessionCookie } from "./lib/session";
import { addSubmissions, picturePool } from "./lib/submissions";

const PAGES = ["/", "/vote", "/create", "/winners"] as const;
const RUNS = 3;

type Run = { score: number; lcp: number; fcp: number; tbt: number; unusedJsBytes: number; lcpElement: string | null };

const AUDIT = new URL("./lib/lighthouse-audit.mjs", import.meta.url).pathname;

/** One audit in a plain node child (see lib/lighthouse-audit.mjs for why not in this process). */
async function audit(port: number, url: string, cookie?: string): Promise<Run> {
  const { stdout } = await promisify(execFile)(process.execPath, [AUDIT, String(port), url, ...(cookie ? [cookie] : [])], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Run;
}

async function medianOf(port: number, url: string, cookie?: string): Promise<Run> {
  await audit(port, url, cookie); // warm: server caches, compiled routes
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(port, url, cookie));
  const mid = (key: "score" | "lcp" | "fcp" | "tbt" | "unusedJsBytes") => median(runs.map((r) => r[key]));
  return {
    score: mid("score"),
    lcp: mid("lcp"),
    fcp: mid("fcp"),
    tbt: mid("tbt"),
    unusedJsBytes: mid("unusedJsBytes"),
    lcpElement: runs.at(-1)!.lcpElement,
  };
}

function row(page: string, r: Run, lcpRatio: string): string[] {
  const element = r.lcpElement ? `\`${r.lcpElement.replace(/\s+/g, " ").replace(/\|/g, "\\|").slice(0, 60)}\`` : "–";
  return [
    page,
    r.score.toFixed(2),
    `${r.lcp.toFixed(0)} ms`,
    lcpRatio,
    `${r.fcp.toFixed(0)} ms`,
    `${r.tbt.toFixed(0)} ms`,
    `${(r.unusedJsBytes / 1024).toFixed(0)} KiB`,
    element,
  ];
}

runBenchmark(async (cleanup) => {
  ensureBuild();
  const { db, storageDir, app } = await benchApp(cleanup, "lighthouse");
  const day = await openToday(app.url, db.pool);
  const thumbOf = await picturePool(storageDir);
  await addSubmissions(db.pool, day, thumbOf, 0, 200);
  const [viewer] = await insertUsers(db.pool, "bench-viewer", 1);
  const cookie = await sessionCookie(app.url, viewer!.participantId);
  // The landing page makes its seed's smaller copies after its first view; let it.
  await fetch(`${app.url}/`).then((r) => r.arrayBuffer());
  await new Promise((r) => setTimeout(r, 3000));

  const floor = await startNextBaseline({ databaseUrl: db.url, poolSize: 2 });
  cleanup.add("stop the Next.js baseline", () => floor.stop());
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM.executablePath, chromeFlags: ["--headless=new", ...CHROMIUM.args] });
  cleanup.add("close Chromium", () => chrome.kill());

  progress(`Lighthouse: the bare Next.js page, ${RUNS} runs…`);
  const base = await medianOf(chrome.port, `${floor.url}/`);
  const rows: (string | number)[][] = [];
  for (const path of PAGES) {
    progress(`Lighthouse: ${path}, ${RUNS} runs…`);
    const ours = await medianOf(chrome.port, `${app.url}${path}`, cookie);
    rows.push(row(path, ours, ratio(ours.lcp, base.lcp)));
  }
  rows.push(row("bare Next.js page (floor)", base, "1.00×"));
  console.log(
    `Lighthouse ${RUNS}× per page (median, after one untimed run), mobile form factor and simulated throttling (Lighthouse's defaults), performance category only, ` +
      `signed in as a participant, today with 200 submissions. The floor is a text-only page of a bare Next.js app built from this project's next.\n`,
  );
  console.log(table(["page", "performance", "LCP", "LCP / floor", "FCP", "TBT", "unused JS", "LCP element"], rows));
  console.log(`\n${machineLine()}`);
});
