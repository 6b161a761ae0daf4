// The mask editor under a long drawing session: /create on the production build in headless
// Chromium (desktop viewport), signed in; 300 brush strokes of 10 real mouse moves each across the
// seed while a requestAnimationFrame loop records frame times; then the time from a click on
// "Generate" until the server-action request leaves the page, which is dominated by exporting
// the mask (the editor's exportMask is reachable only inside React, so it is timed through the
// UI). The request itself is aborted: the server's generation is not what is measured here.
// No baseline exists for the editor: the figures are absolute.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/editor.ts)
import type { Page } from "@playwright/test";
import { imageToPage, readCoverage, waitForEditor } from "../e2e/konva";
import { launchBrowser, signedInContext } from "./lib/browser";
import { progress } from "./lib/cleanup";
import { machineLine, table } from "./lib/report";
import { insertUsers, openToday } from "./lib/seed";
import { ensureBuild } from "./lib/server";
import { fmt, summarize } from "./stats";
import { benchApp, runBenchmark } from "./lib/harness";

const STROKES = 300;
const MOVES = 10;
const EXPORTS = 5;
/** Strokes run left to right across the picture, stacked over its middle half (about 55% coverage, inside the 1%–90% the app accepts). */
const BAND = { top: 0.25, bottom: 0.75, left: 0.05, right: 0.95, wobble: 12 };

// In-page scripts are plain strings: tsx would wrap named functions in a __name() helper that
// does not exist in the page.
const START_FRAMES = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = 0;
  const tick = (now) => {
    if (last) window.__frames.push(now - last);
    last = now;
    if (window.__recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.__recording = false; return window.__frames; })()`;
// Click on the submit button -> the fetch that carries the Next-Action header (Next's client
// calls the global fetch at call time, so a wrapper sees it).
const WATCH_EXPORT = `(() => {
  window.__exports = [];
  let clickedAt = null;
  document.addEventListener("click", (e) => {
    if (e.target instanceof Element && e.target.closest("button[type=submit]")) clickedAt = performance.now();
  }, true);
  const original = window.fetch;
  window.fetch = function (input, init) {
    if (clickedAt !== null && new Headers(init && init.headers).has("next-action")) {
      window.__exports.push(performance.now() - clickedAt);
      clickedAt = null;
    }
    return original.apply(this, arguments);
  };
})()`;

async function draw(page: Page, width: number, height: number): Promise<number> {
  // The stage's transform is fixed while drawing (no zoom), so map image pixels once.
  const origin = await imageToPage(page, 0, 0);
  const corner = await imageToPage(page, width, height);
  const toPage = (x: number, y: number) => ({
    x: origin.x + (x / width) * (corner.x - origin.x),
    y: origin.y + (y / height) * (corner.y - origin.y),
  });
  const started = performance.now();
  for (let s = 0; s < STROKES; s++) {
    const y = height * (BAND.top + ((BAND.bottom - BAND.top) * s) / (STROKES - 1));
    const xAt = (k: number) => width * (BAND.left + ((BAND.right - BAND.left) * k) / MOVES);
    const start = toPage(xAt(0), y);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let k = 1; k <= MOVES; k++) {
      const p = toPage(xAt(k), y + (k % 2 ? BAND.wobble : -BAND.wobble));
      await page.mouse.move(p.x, p.y);
    }
    await page.mouse.up();
  }
  return performance.now() - started;
}

async function timeExports(page: Page): Promise<number[]> {
  await page.getByLabel("Prompt").fill("a red hot-air balloon");
  // Abort the action's request: only the client side up to sending it is measured.
  await page.route(
    (url) => url.pathname === "/create",
    (route) => (route.request().method() === "POST" ? route.abort() : route.continue()),
  );
  await page.evaluate(WATCH_EXPORT);
  const generate = page.getByRole("button", { name: "Generate" });
  for (let i = 0; i < EXPORTS; i++) {
    await generate.click({ timeout: 30_000 }); // waits until it is enabled again
    await page.waitForFunction((n) => (window as unknown as { __exports: number[] }).__exports.length > n, i, { timeout: 30_000 });
  }
  return page.evaluate(() => (window as unknown as { __exports: number[] }).__exports);
}

runBenchmark(async (cleanup) => {
  ensureBuild();
  const { db, app } = await benchApp(cleanup, "editor");
  const day = await openToday(app.url, db.pool);
  const [seed] = (await db.pool.query("SELECT width, height FROM Image WHERE id = ?", [day.seedImageId])) as {
    width: number;
    height: number;
  }[];
  const [user] = await insertUsers(db.pool, "bench-painter", 1);

  const browser = await launchBrowser();
  cleanup.add("close browser", () => browser.close());
  const context = await signedInContext(browser, app.url, user!.participantId, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto("/create");
  await waitForEditor(page);
  await page.getByText("Loading the picture…").waitFor({ state: "detached" });

  progress(`drawing ${STROKES} strokes × ${MOVES} moves…`);
  await page.evaluate(START_FRAMES);
  const drawMs = await draw(page, seed!.width, seed!.height);
  const frames = (await page.evaluate(STOP_FRAMES)) as number[];
  await page.waitForTimeout(200); // the coverage read-out updates in a task after the last commit
  const coverage = await readCoverage(page);
  progress(`timing ${EXPORTS} mask exports…`);
  const exports = await timeExports(page);

  const f = summarize(frames);
  const e = summarize(exports);
  const long = frames.filter((d) => d > 50).length;
  console.log(
    `/create on a desktop viewport (1280x800), the ${seed!.width}x${seed!.height} seed; ${STROKES} brush strokes of ${MOVES} mouse moves each (real input events through CDP), ` +
      `mask coverage ${(coverage * 100).toFixed(1)}% at the end. Frame time: the gap between requestAnimationFrame callbacks while drawing. ` +
      `Mask export: click on Generate until the server action's request is sent (exportMask, PNG encoding, the form), median of ${EXPORTS}. ` +
      `No baseline exists for the editor: absolute figures only.\n`,
  );
  console.log(
    table(
      ["measure", "n", "p50 / median", "p95", "max"],
      [
        ["frame time while drawing", f.n, `${fmt(f.median)} ms`, `${fmt(f.p95)} ms`, `${fmt(f.max)} ms`],
        ["Generate click → action request (mask export)", e.n, `${fmt(e.median)} ms`, `${fmt(e.p95)} ms`, `${fmt(e.max)} ms`],
      ],
    ),
  );
  console.log(
    `\n${long} of ${frames.length} frames took over 50 ms; drawing took ${(drawMs / 1000).toFixed(1)} s (${Math.round((STROKES * (MOVES + 3)) / (drawMs / 1000))} input events/s). ${machineLine()}`,
  );
});
