// Lighthouse (mobile: a mid-range phone on a slow 4G link, simulated) on the pages participants
// land on: /, /vote, /create and /winners, signed in, with a day of 200 submissions, against a
// bare Next.js page built from this project's next (bench/baseline/next-app): the performance score
// and Largest Contentful Paint of each, median of three runs.
// Run: npm run bench -- lighthouse (or: node --conditions=react-server --import tsx bench/lighthouse.ts)
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
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

type Run = { score: number; lcp: number };

async function audit(port: number, url: string, cookie?: string): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  return { score: lhr.categories.performance?.score ?? NaN, lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN };
}

async function medianOf(port: number, url: string, cookie?: string): Promise<Run> {
  await audit(port, url, cookie); // warm: server caches, compiled routes
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(port, url, cookie));
  return { score: median(runs.map((r) => r.score)), lcp: median(runs.map((r) => r.lcp)) };
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
    rows.push([path, ours.score.toFixed(2), `${ours.lcp.toFixed(0)} ms`, ratio(ours.lcp, base.lcp)]);
  }
  rows.push(["bare Next.js page (floor)", base.score.toFixed(2), `${base.lcp.toFixed(0)} ms`, "1.00×"]);
  console.log(
    `Lighthouse ${RUNS}× per page (median, after one untimed run), mobile form factor and simulated throttling (Lighthouse's defaults), performance category only, ` +
      `signed in as a participant, today with 200 submissions. The floor is a text-only page of a bare Next.js app built from this project's next.\n`,
  );
  console.log(table(["page", "performance", "LCP", "LCP / floor"], rows));
  console.log(`\n${machineLine()}`);
});
