// Load: does generating slow voting? On one production server, votes at a steady 100 per second
// (an open loop, as a busy study sends them) first alone, then while 8 participants generate back
// to back with the offline engine (through the real server action over HTTP) and a reader keeps
// loading pages; then the saturated figures (64 connections as fast as they go, with the
// generators). Reports vote latency in each phase and their ratio, generations per second, errors
// (must be zero), exact counters, and the server's resident memory before, at peak and after.
// Run: npm run bench -- load (or: node --conditions=react-server --import tsx bench/load.ts)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { progress } from "./lib/cleanup";
import { counterMismatches, voteCount, voteLoad, waitForQuiet } from "./lib/load";
import { machineLine, mb, median, ratio, table } from "./lib/report";
import { sampleRss } from "./lib/rss";
import { insertSubmissions, insertUsers, openToday } from "./lib/seed";
import { DIST_DIR, ROOT, ensureBuild } from "./lib/server";
import { sessionCookie, signedInClients } from "./lib/session";
import { benchApp, runBenchmark } from "./lib/harness";

const VOTERS = 64;
const GENERATORS = 8;
const DURATION_S = 30;
/** The steady vote rate of the first two phases. */
const RATE = 100;
const IMAGES = 200;
const POOL_SIZE = 20;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;

/** The id Next gave the create page's generate action in this build. */
function generateActionId(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === "generateAction");
  if (!entry) throw new Error("generateAction not found in the build's server-reference manifest");
  return entry[0];
}

/**
 * Calls the generate action the way the page's form does: a multipart POST to /create naming the
 * action, the FormData argument's fields prefixed "_1_" as React's encodeReply writes a FormData argument.
 */
async function generate(
  url: string,
  actionId: string,
  cookie: string,
  address: string,
  dayId: number,
  mask: Blob,
): Promise<{ ok: boolean; ms: number; detail: string }> {
  const body = new FormData();
  body.set("_1_dayId", String(dayId));
  body.set("_1_prompt", "a field of poppies in warm evening light");
  body.set("_1_mask", mask, "mask.png");
  body.set("0", '["$K1"]');
  const started = performance.now();
  const res = await fetch(`${url}/create`, {
    method: "POST",
    headers: { "Next-Action": actionId, Cookie: cookie, Accept: "text/x-component", "x-forwarded-for": address },
    body,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const ok = res.ok && text.includes('"ok":true');
  return { ok, ms, detail: ok ? "" : `${res.status} ${text.slice(0, 200)}` };
}

runBenchmark(async (cleanup) => {
  ensureBuild();
  const { db, app } = await benchApp(cleanup, "load", { poolSize: POOL_SIZE });
  const day = await openToday(app.url, db.pool);
  // Enough generations per person for a minute of back-to-back attempts.
  await db.pool.query("INSERT INTO Setting (`key`, value, updatedAt) VALUES ('generationQuota', '1000', NOW(3))");
  const [creator] = await insertUsers(db.pool, "load-creator", 1);
  const imageIds = await insertSubmissions(
    db.pool,
    day,
    creator!.id,
    Array.from({ length: IMAGES }, (_, i) => ({
      resultKey: `load/${i}/result.png`,
      thumbKey: `load/${i}/thumb.webp`,
      width: 1536,
      height: 1024,
      prompt: `load ${i}`,
    })),
  );
  const voters = await insertUsers(db.pool, "load-voter", VOTERS);
  const makers = await insertUsers(db.pool, "load-maker", GENERATORS);
  progress(`signing in ${VOTERS + GENERATORS} participants…`);
  const voterCreds = await signedInClients(app.url, voters);
  const makerCookies: string[] = [];
  for (const m of makers) makerCookies.push(await sessionCookie(app.url, m.participantId));

  const [seed] = (await db.pool.query("SELECT width, height FROM Image WHERE id = ?", [day.seedImageId])) as {
    width: number;
    height: number;
  }[];
  const { width, height } = seed!;
  const px = Buffer.alloc(width * height * 4, 255);
  for (let y = Math.floor(height * 0.3); y < Math.floor(height * 0.6); y++)
    for (let x = Math.floor(width * 0.3); x < Math.floor(width * 0.6); x++) px[(y * width + x) * 4 + 3] = 0;
  const maskPng = await sharp(px, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
  const mask = new Blob([new Uint8Array(maskPng)], { type: "image/png" });
  const actionId = generateActionId();
  // One generation first, so a broken action call fails the benchmark before the long run.
  const probe = await generate(app.url, actionId, makerCookies[0]!, "192.0.2.200", day.dayId, mask);
  if (!probe.ok) throw new Error(`the generate action did not succeed: ${probe.detail}`);

  // Phase 1: votes alone, at the steady rate.
  const rss = sampleRss(app.pid);
  progress(`${DURATION_S} s: ${RATE} votes/s alone…`);
  const alone = await voteLoad(app.url, voterCreds, imageIds, DURATION_S, { rate: RATE });

  // Phases 2 and 3: the same votes, then saturated ones, while everyone else works.
  let running = true;
  const generations: { ok: boolean; ms: number; detail: string; phase: number }[] = [];
  let phase = 2;
  const generators = makerCookies.map(async (cookie, i) => {
    while (running) generations.push({ ...(await generate(app.url, actionId, cookie, `192.0.2.${i + 1}`, day.dayId, mask)), phase });
  });
  const pages: { path: string; status: number; ms: number }[] = [];
  const reader = (async () => {
    const paths = ["/", "/vote", "/winners", "/api/vote/images", "/lineage"];
    for (let i = 0; running; i++) {
      const path = paths[i % paths.length]!;
      const started = performance.now();
      const res = await fetch(`${app.url}${path}`, {
        headers: { Cookie: voterCreds[0]!.Cookie! },
        signal: AbortSignal.timeout(60_000),
      }).catch(() => null);
      await res?.arrayBuffer();
      pages.push({ path, status: res?.status ?? 0, ms: performance.now() - started });
    }
  })();
  progress(`${DURATION_S} s: ${RATE} votes/s with ${GENERATORS} generators and a page reader…`);
  const withGenerators = await voteLoad(app.url, voterCreds, imageIds, DURATION_S, { rate: RATE });
  phase = 3;
  progress(`${DURATION_S} s: ${VOTERS} vote connections as fast as they go, with the generators…`);
  const saturated = await voteLoad(app.url, voterCreds, imageIds, DURATION_S);
  running = false;
  await Promise.all([...generators, reader]);
  const memory = rss.stop();
  await waitForQuiet(db.pool, db.name);
  const exact = (await counterMismatches(db.pool)) === 0;
  const stored = Number(((await db.pool.query("SELECT COUNT(*) AS n FROM Image WHERE status = 'DRAFT'")) as { n: bigint }[])[0]?.n ?? 0);

  const genOk = generations.filter((g) => g.ok);
  const genFailed = generations.filter((g) => !g.ok);
  const steadyGen = genOk.filter((g) => g.phase === 2);
  const pageBad = pages.filter((p) => p.status !== 200);
  console.log(
    `One production server (next start, pool ${POOL_SIZE}), three ${DURATION_S} s phases: POST /api/vote at ${RATE}/s alone; at ${RATE}/s while ${GENERATORS} participants generate back to back ` +
      `through the create page's server action (offline engine, ${width}×${height}, 9 % mask) and one reader loads /, /vote, /winners, /api/vote/images and /lineage in turn; ` +
      `then ${VOTERS} vote connections as fast as they go, with the generators. Fixed-rate latency counts from when each vote was due (open loop). ` +
      `Server memory is the resident set of the server's process tree, sampled every 0.5 s over all phases. Everything shares this machine's cores.\n`,
  );
  const voteRow = (name: string, r: typeof alone) => [
    name,
    r.requests,
    `${r.reqPerSec.toFixed(0)} req/s`,
    `${r.p50} ms`,
    `p99 ${r.p99} ms`,
    `${r.errors} / ${r.non2xx}`,
  ];
  console.log(
    table(
      ["votes", "done", "rate", "p50", "p99", "errors / non-2xx"],
      [
        voteRow(`${RATE}/s alone`, alone),
        voteRow(`${RATE}/s with ${GENERATORS} generators`, withGenerators),
        voteRow(`saturated (${VOTERS} connections) with ${GENERATORS} generators`, saturated),
      ],
    ),
  );
  console.log("");
  console.log(
    table(
      ["ratio", "p99", "p50"],
      [[`${RATE}/s with generators / alone`, ratio(withGenerators.p99, alone.p99), ratio(withGenerators.p50, alone.p50)]],
    ),
  );
  console.log("");
  console.log(
    table(
      ["other work", "done", "rate", "p50", "p95", "failed", "check"],
      [
        [
          "generations (all phases)",
          genOk.length,
          `${(genOk.length / (2 * DURATION_S)).toFixed(2)} /s`,
          `${median(genOk.map((g) => g.ms)).toFixed(0)} ms`,
          `${p95(genOk.map((g) => g.ms)).toFixed(0)} ms`,
          `${genFailed.length}`,
          `${steadyGen.length} during the ${RATE}/s phase; ${stored - 1} stored attempts (rows) for ${genOk.length} successes`,
        ],
        [
          "page reads",
          pages.length,
          `${(pages.length / (2 * DURATION_S)).toFixed(1)} /s`,
          `${median(pages.map((p) => p.ms)).toFixed(0)} ms`,
          `${p95(pages.map((p) => p.ms)).toFixed(0)} ms`,
          `${pageBad.length}`,
          `counters exact: ${exact ? "yes" : "**no**"} (${await voteCount(db.pool)} Vote rows)`,
        ],
      ],
    ),
  );
  console.log("");
  console.log(
    table(
      ["server memory (RSS)", "before", "peak", "after"],
      [["next start, whole process tree", mb(memory.first), mb(memory.peak), mb(memory.last)]],
    ),
  );
  if (genFailed.length) console.log(`\nfirst failed generation: ${genFailed[0]!.detail}`);
  if (pageBad.length)
    console.log(
      `\nfailed page reads: ${pageBad
        .slice(0, 5)
        .map((p) => `${p.path} ${p.status}`)
        .join(", ")}`,
    );
  console.log(`\n${machineLine()}`);
});
