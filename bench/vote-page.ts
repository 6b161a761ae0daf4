// The /vote page on a phone with 200 submissions: bytes transferred before any scrolling (until
// the network is idle after load) and Largest Contentful Paint, in headless Chromium emulating a
// Pixel 7, signed in as a voter. Baseline, in the same run: the same page loading the full-size
// pictures as the original app did. Its HTML is rewritten on the way in (thumb.webp → result.png,
// loading="lazy" → loading="eager"); ours goes through the same interception untouched, so both
// pay the same routing cost. Each variant 3 times, alternating, each in a fresh context; medians.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/vote-page.ts)
import { link, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { devices, type Browser } from "@playwright/test";
import { launchBrowser, signedInContext } from "./lib/browser";
import { progress } from "./lib/cleanup";
import { HEIGHT, WIDTH, loadSeedPixels, makePicture } from "./lib/pictures";
import { machineLine, mb, median, ratio, table } from "./lib/report";
import { insertSubmissions, insertUsers, openToday } from "./lib/seed";
import { ensureBuild } from "./lib/server";
import { fmt } from "./stats";
import { benchDatabase, benchServer, benchStorage, runBenchmark } from "./lib/harness";

const SUBMISSIONS = 200;
/** Distinct pictures; each submission hard-links one, under its own URL (caches go by URL). */
const PICTURES = 20;
const RUNS = 3;
const LOAD_TIMEOUT_MS = 180_000;

// Playwright's Pixel 7 without its browser pick: the system Chromium is what runs.
const { defaultBrowserType: _channel, ...PIXEL_7 } = devices["Pixel 7"]!;

type Variant = "ours" | "full";
type Sample = { bytes: number; imageBytes: number; images: number; lcp: number; lcpWhat: string };

/** Stores PICTURES pictures once, then links them under every submission's keys. */
async function storeSubmissionFiles(
  storageDir: string,
): Promise<{ keys: { resultKey: string; thumbKey: string }[]; png: number[]; thumb: number[] }> {
  const seed = await loadSeedPixels();
  const pool = join(storageDir, "bench-pictures");
  await mkdir(pool, { recursive: true });
  const png: number[] = [];
  const thumb: number[] = [];
  for (let k = 0; k < PICTURES; k++) {
    const p = await makePicture(seed, k);
    await writeFile(join(pool, `${k}.png`), p.png);
    await writeFile(join(pool, `${k}.webp`), p.thumb);
    png.push(p.png.length);
    thumb.push(p.thumb.length);
  }
  const keys = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const resultKey = `bench/sub-${i}/result.png`;
    const thumbKey = `bench/sub-${i}/thumb.webp`;
    await mkdir(dirname(join(storageDir, resultKey)), { recursive: true });
    await link(join(pool, `${i % PICTURES}.png`), join(storageDir, resultKey));
    await link(join(pool, `${i % PICTURES}.webp`), join(storageDir, thumbKey));
    keys.push({ resultKey, thumbKey });
  }
  return { keys, png, thumb };
}

/** The original app's grid: full-size PNGs, all loaded eagerly. Throws if the markup moved on. */
function asOriginalApp(html: string): string {
  const thumbs = html.split("thumb.webp").length - 1;
  if (thumbs < SUBMISSIONS) throw new Error(`expected ${SUBMISSIONS}+ "thumb.webp" in the /vote HTML, found ${thumbs}: the markup changed`);
  if (!html.includes('loading="lazy"')) throw new Error('no loading="lazy" in the /vote HTML: the markup changed');
  // Same length, so the inline RSC payload (which repeats the URLs for hydration) stays valid.
  return html.replaceAll("thumb.webp", "result.png").replaceAll('loading="lazy"', 'loading="eager"');
}

async function loadOnce(browser: Browser, baseUrl: string, voter: string, variant: Variant): Promise<Sample> {
  const context = await signedInContext(browser, baseUrl, voter, PIXEL_7);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const types = new Map<string, string>();
    const sample: Sample = { bytes: 0, imageBytes: 0, images: 0, lcp: NaN, lcpWhat: "" };
    cdp.on("Network.responseReceived", (e) => void types.set(e.requestId, e.type));
    cdp.on("Network.loadingFinished", (e) => {
      sample.bytes += e.encodedDataLength;
      if (types.get(e.requestId) === "Image") {
        sample.imageBytes += e.encodedDataLength;
        sample.images++;
      }
    });
    await page.route(
      (url) => url.pathname === "/vote",
      async (route) => {
        const res = await route.fetch();
        const html = await res.text();
        await route.fulfill({ response: res, body: variant === "full" ? asOriginalApp(html) : html });
      },
    );
    await page.goto("/vote", { waitUntil: "load", timeout: LOAD_TIMEOUT_MS });
    await page.waitForLoadState("networkidle", { timeout: LOAD_TIMEOUT_MS });
    // No named functions inside: tsx would wrap them in a __name() helper the page lacks.
    const lcp = await page.evaluate(
      () =>
        new Promise<{ at: number; what: string } | null>((resolve) => {
          const seen: (PerformanceEntry & { element?: Element | null; url?: string })[] = [];
          const po = new PerformanceObserver((list) => void seen.push(...list.getEntries()));
          po.observe({ type: "largest-contentful-paint", buffered: true });
          // Buffered entries arrive in a task of their own; give them a moment, then read.
          setTimeout(() => {
            seen.push(...po.takeRecords());
            po.disconnect();
            const e = seen[seen.length - 1];
            resolve(
              e
                ? { at: e.startTime, what: `${e.element?.tagName ?? "?"} ${e.url ? new URL(e.url).pathname.split("/").pop() : "(text)"}` }
                : null,
            );
          }, 500);
        }),
    );
    if (!lcp) throw new Error("no largest-contentful-paint entry");
    sample.lcp = lcp.at;
    sample.lcpWhat = lcp.what;
    return sample;
  } finally {
    await context.close();
  }
}

function summarise(samples: Sample[]) {
  return {
    bytes: median(samples.map((s) => s.bytes)),
    imageBytes: median(samples.map((s) => s.imageBytes)),
    images: median(samples.map((s) => s.images)),
    lcp: median(samples.map((s) => s.lcp)),
    lcpWhat: [...new Set(samples.map((s) => s.lcpWhat))].join(", "),
  };
}

runBenchmark(async (cleanup) => {
  ensureBuild();
  const db = await benchDatabase(cleanup, "votepage");
  const storageDir = await benchStorage(cleanup, "votepage");

  progress(`making ${PICTURES} ${WIDTH}x${HEIGHT} pictures for ${SUBMISSIONS} submissions…`);
  const files = await storeSubmissionFiles(storageDir);
  const app = await benchServer(cleanup, db, storageDir);
  const day = await openToday(app.url, db.pool);
  const [creator] = await insertUsers(db.pool, "bench-creator", 1);
  await insertSubmissions(
    db.pool,
    day,
    creator!.id,
    files.keys.map((k, i) => ({ ...k, width: WIDTH, height: HEIGHT, prompt: `a patch, submission ${i + 1}` })),
  );
  const [voter] = await insertUsers(db.pool, "bench-voter", 1);

  const browser = await launchBrowser();
  cleanup.add("close browser", () => browser.close());
  const samples: Record<Variant, Sample[]> = { ours: [], full: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const variant of ["ours", "full"] as const) {
      const s = await loadOnce(browser, app.url, voter!.participantId, variant);
      progress(`${variant} #${run + 1}: ${mb(s.bytes)}, ${s.images} images, LCP ${fmt(s.lcp)} ms (${s.lcpWhat})`);
      samples[variant].push(s);
    }
  }
  const ours = summarise(samples.ours);
  const full = summarise(samples.full);

  console.log(
    `/vote with ${SUBMISSIONS} submissions (${WIDTH}x${HEIGHT} PNG results, median ${mb(median(files.png))}; WebP thumbnails, median ${mb(median(files.thumb))}), ` +
      `headless Chromium emulating a Pixel 7 (${PIXEL_7.viewport.width}x${PIXEL_7.viewport.height} CSS px, DPR ${PIXEL_7.deviceScaleFactor}), signed in as a voter, no scrolling. ` +
      `Bytes: every response's encodedDataLength (CDP) until the network is idle after load; LCP: the last largest-contentful-paint entry after that. ` +
      `Baseline: the same page with its HTML rewritten to what the original app served (result.png, loading="eager"). Median of ${RUNS} fresh contexts each, alternating.\n`,
  );
  console.log(
    table(
      ["variant", "transferred before scrolling", "images fetched (bytes)", "LCP", "LCP element"],
      [
        [
          "ours: thumb.webp, lazy below the fold",
          mb(ours.bytes),
          `${ours.images} (${mb(ours.imageBytes)})`,
          `${fmt(ours.lcp)} ms`,
          ours.lcpWhat,
        ],
        ["baseline: result.png, all eager", mb(full.bytes), `${full.images} (${mb(full.imageBytes)})`, `${fmt(full.lcp)} ms`, full.lcpWhat],
        ["ours / baseline", ratio(ours.bytes, full.bytes), ratio(ours.images, full.images), ratio(ours.lcp, full.lcp), ""],
      ],
    ),
  );
  console.log(`\n${machineLine()}`);
});
