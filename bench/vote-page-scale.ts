// /vote with 200 and with 20,000 submissions, side by side: the first response's bytes as a
// browser receives them (compressed) and as HTML, the DOM before any scrolling, Largest
// Contentful Paint and the time the first response takes to arrive in full, in headless Chromium emulating a Pixel 7,
// signed in as a voter (so each load also records its exposures); and one later page of the JSON
// endpoint. One database and server: 200 submissions are measured, then 19,800 more join the same
// day. Thumbnails are the app's own WebP of a few realistic pictures, hard-linked under every
// submission's key. Each size 3 times, each in a fresh context and as a fresh voter; medians.
// Run: npm run bench -- vote-page-scale (or: node --conditions=react-server --import tsx bench/vote-page-scale.ts)
import { devices, type Browser } from "@playwright/test";
import { launchBrowser, signedInContext } from "./lib/browser";
import { progress } from "./lib/cleanup";
import { machineLine, mb, median, table } from "./lib/report";
import { insertUsers, openToday } from "./lib/seed";
import { ensureBuild } from "./lib/server";
import { fmt } from "./stats";
import { benchDatabase, benchServer, benchStorage, runBenchmark } from "./lib/harness";
import { addSubmissions, picturePool } from "./lib/submissions";

const SIZES = [200, 20_000] as const;
const RUNS = 3;
const LOAD_TIMEOUT_MS = 180_000;

// Playwright's Pixel 7 without its browser pick: the system Chromium is what runs.
const { defaultBrowserType: _channel, ...PIXEL_7 } = devices["Pixel 7"]!;

type Sample = { docBytes: number; htmlBytes: number; docMs: number; elements: number; cards: number; lcp: number; lcpWhat: string };

async function loadOnce(browser: Browser, baseUrl: string, voter: string): Promise<Sample> {
  const context = await signedInContext(browser, baseUrl, voter, PIXEL_7);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    let documentId = "";
    let docBytes = NaN;
    cdp.on("Network.requestWillBeSent", (e) => {
      if (e.type === "Document" && new URL(e.request.url).pathname === "/vote") documentId = e.requestId;
    });
    cdp.on("Network.loadingFinished", (e) => {
      if (e.requestId === documentId) docBytes = e.encodedDataLength;
    });
    const res = await page.goto("/vote", { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
    if (!res?.ok()) throw new Error(`/vote answered ${res?.status()}`);
    const htmlBytes = (await res.body()).length;
    await page.waitForLoadState("networkidle", { timeout: LOAD_TIMEOUT_MS });
    // No named functions inside: tsx would wrap them in a __name() helper the page lacks.
    const seen = await page.evaluate(
      () =>
        new Promise<{ lcp: number; what: string; elements: number; cards: number; docMs: number }>((resolve) => {
          const entries: (PerformanceEntry & { element?: Element | null; url?: string })[] = [];
          const po = new PerformanceObserver((list) => void entries.push(...list.getEntries()));
          po.observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => {
            entries.push(...po.takeRecords());
            po.disconnect();
            const e = entries[entries.length - 1];
            const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
            resolve({
              lcp: e ? e.startTime : NaN,
              what: e ? `${e.element?.tagName ?? "?"} ${e.url ? "thumbnail" : "(text)"}` : "none",
              elements: document.getElementsByTagName("*").length,
              cards: document.querySelectorAll('[data-testid="vote-card"]').length,
              docMs: nav ? nav.responseEnd - nav.requestStart : NaN,
            });
          }, 500);
        }),
    );
    if (!Number.isFinite(docBytes)) throw new Error("the /vote document's transfer size was not seen");
    return { docBytes, htmlBytes, docMs: seen.docMs, elements: seen.elements, cards: seen.cards, lcp: seen.lcp, lcpWhat: seen.what };
  } finally {
    await context.close();
  }
}

/** The JSON endpoint's second page as the same voter: bytes (uncompressed) and time. */
async function nextPage(browser: Browser, baseUrl: string, voter: string): Promise<{ ms: number; bytes: number; items: number }> {
  const context = await signedInContext(browser, baseUrl, voter, PIXEL_7);
  try {
    const first = (await (await context.request.get("/api/vote/images")).json()) as { nextCursor: string | null };
    if (!first.nextCursor) throw new Error("no second page");
    const t0 = performance.now();
    const res = await context.request.get(`/api/vote/images?cursor=${encodeURIComponent(first.nextCursor)}`);
    const body = await res.body();
    const ms = performance.now() - t0;
    if (!res.ok()) throw new Error(`the second page answered ${res.status()}: ${body.toString().slice(0, 200)}`);
    return { ms, bytes: body.length, items: (JSON.parse(body.toString()) as { items: unknown[] }).items.length };
  } finally {
    await context.close();
  }
}

runBenchmark(async (cleanup) => {
  ensureBuild();
  const db = await benchDatabase(cleanup, "votescale");
  const storageDir = await benchStorage(cleanup, "votescale");
  progress("making pictures and their thumbnails…");
  const thumbOf = await picturePool(storageDir);
  const app = await benchServer(cleanup, db, storageDir);
  const day = await openToday(app.url, db.pool);
  const browser = await launchBrowser();
  cleanup.add("close browser", () => browser.close());

  const results: { size: number; load: ReturnType<typeof summarise>; next: { ms: number; bytes: number; items: number } }[] = [];
  let seeded = 0;
  for (const size of SIZES) {
    progress(`seeding submissions ${seeded + 1}–${size}…`);
    await addSubmissions(db.pool, day, thumbOf, seeded, size);
    seeded = size;
    const voters = await insertUsers(db.pool, `bench-voter-${size}`, RUNS + 2);
    // One untimed load first, so neither size pays for a cold server.
    await loadOnce(browser, app.url, voters[RUNS + 1]!.participantId);
    const samples: Sample[] = [];
    for (const [run, v] of voters.slice(0, RUNS).entries()) {
      const s = await loadOnce(browser, app.url, v.participantId);
      progress(
        `${size} #${run + 1}: document ${mb(s.docBytes)} (${mb(s.htmlBytes)} HTML), ${s.elements} elements, ${s.cards} cards, LCP ${fmt(s.lcp)} ms, document in ${fmt(s.docMs)} ms`,
      );
      samples.push(s);
    }
    const next = await nextPage(browser, app.url, voters[RUNS]!.participantId);
    results.push({ size, load: summarise(samples), next });
  }

  const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
  console.log(
    `/vote with ${SIZES.map((s) => s.toLocaleString("en")).join(" and ")} submissions on one open day, headless Chromium emulating a Pixel 7 ` +
      `(${PIXEL_7.viewport.width}x${PIXEL_7.viewport.height} CSS px, DPR ${PIXEL_7.deviceScaleFactor}), signed in as a fresh voter each time (the randomised order, so each sees their own first page), no scrolling. ` +
      `First response: the /vote document's encodedDataLength (CDP), as Chromium received it with its own Accept-Encoding, and its decoded HTML. ` +
      `DOM: elements (document.getElementsByTagName("*"), as Lighthouse counts DOM size) once the network is idle after load. LCP: the last largest-contentful-paint entry after that. ` +
      `Document time: the navigation's responseEnd - requestStart, the whole streamed document (the server computing the voter's order over every submission, reading one page and recording its exposures). ` +
      `Median of ${RUNS} fresh contexts per size, after one untimed load. Next page: GET /api/vote/images with the first page's cursor, once. Targets at 20,000: first response ≤ 150 kB compressed, ≤ 3,000 DOM nodes before scrolling, LCP as at 200.\n`,
  );
  const row = (label: string, f: (r: (typeof results)[0]) => string) => [label, f(small), f(large)];
  console.log(
    table(
      ["", `${small.size.toLocaleString("en")} submissions`, `${large.size.toLocaleString("en")} submissions`],
      [
        row("first response, compressed", (r) => mb(r.load.docBytes)),
        row("first response, HTML", (r) => mb(r.load.htmlBytes)),
        row("DOM elements before scrolling", (r) => String(r.load.elements)),
        row("cards before scrolling", (r) => String(r.load.cards)),
        row("LCP", (r) => `${fmt(r.load.lcp)} ms (${r.load.lcpWhat})`),
        row("first response, complete in", (r) => `${fmt(r.load.docMs)} ms`),
        row("next page (JSON, 24 items)", (r) => `${mb(r.next.bytes)}, ${fmt(r.next.ms)} ms`),
      ],
    ),
  );
  console.log(`\n${machineLine()}`);
});

function summarise(samples: Sample[]) {
  return {
    docBytes: median(samples.map((s) => s.docBytes)),
    htmlBytes: median(samples.map((s) => s.htmlBytes)),
    docMs: median(samples.map((s) => s.docMs)),
    elements: median(samples.map((s) => s.elements)),
    cards: median(samples.map((s) => s.cards)),
    lcp: median(samples.map((s) => s.lcp)),
    lcpWhat: [...new Set(samples.map((s) => s.lcpWhat))].join(", "),
  };
}
