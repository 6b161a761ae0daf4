// Vote throughput: POST /api/vote on the production build (session cookie, route handler,
// lib/voting/votes.ts) against two floors doing the same transaction: a bare Next.js route handler
// (bench/baseline/next-app, what Next itself costs) and a bare node:http + mariadb server
// (bench/baseline-vote-server.mjs), all hit by the same autocannon load in this run: 64
// connections, one voter each, random votes on 200 submissions. The three servers run side by
// side and take turns in short slices, round after round, so that whatever else the shared
// machine does meanwhile weighs on all three alike; afterwards every image's counters are
// checked against a recount of the Vote rows.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/vote-throughput.ts)
import type { Pool } from "mariadb";
import { progress } from "./lib/cleanup";
import { counterMismatches, voteCount, voteLoad, waitForQuiet, type LoadResult } from "./lib/load";
import { machineLine, median, ratio, table } from "./lib/report";
import { insertSubmissions, insertUsers, openToday } from "./lib/seed";
import { ensureBuild, freePort, startNextBaseline, startNodeServer, type RunningServer } from "./lib/server";
import { signedInClients } from "./lib/session";
import { benchApp, runBenchmark } from "./lib/harness";

const IMAGES = 200;
const VOTERS = 64;
const POOL_SIZE = 20;
const WARMUP_S = 5;
const ROUNDS = 4;
const SLICE_S = 5;

type Contender = { label: string; server: RunningServer; credentials: Record<string, string>[]; slices: LoadResult[] };

/** One slice of load on one server, then a pause until its last votes have landed. */
async function slice(c: Contender, imageIds: number[], db: { name: string; pool: Pool }, seconds: number): Promise<LoadResult> {
  const result = await voteLoad(c.server.url, c.credentials, imageIds, seconds);
  await waitForQuiet(db.pool, db.name);
  return result;
}

/** The slices of one server as one run: requests over the time they took; p50/p99 the median slice's. */
function combine(slices: LoadResult[]): LoadResult {
  const requests = slices.reduce((n, r) => n + r.requests, 0);
  const statuses = new Map<string, number>();
  for (const r of slices) {
    for (const part of r.statuses.split(", ").filter(Boolean)) {
      const [code, count] = part.split(": ");
      statuses.set(code!, (statuses.get(code!) ?? 0) + Number(count));
    }
  }
  return {
    requests,
    reqPerSec: requests / (slices.length * SLICE_S),
    p50: median(slices.map((r) => r.p50)),
    p99: median(slices.map((r) => r.p99)),
    non2xx: slices.reduce((n, r) => n + r.non2xx, 0),
    errors: slices.reduce((n, r) => n + r.errors, 0),
    statuses: [...statuses].map(([code, count]) => `${code}: ${count}`).join(", "),
  };
}

function row(name: string, m: LoadResult): (string | number)[] {
  return [name, m.reqPerSec.toFixed(0), `${m.p50} ms`, `${m.p99} ms`, m.non2xx, m.errors, m.statuses];
}

runBenchmark(async (cleanup) => {
  ensureBuild();
  const { db, app } = await benchApp(cleanup, "votes", { poolSize: POOL_SIZE });
  const day = await openToday(app.url, db.pool);
  const [creator] = await insertUsers(db.pool, "bench-creator", 1);
  const imageIds = await insertSubmissions(
    db.pool,
    day,
    creator!.id,
    Array.from({ length: IMAGES }, (_, i) => ({
      resultKey: `bench/${i}/result.png`,
      thumbKey: `bench/${i}/thumb.webp`,
      width: 1536,
      height: 1024,
      prompt: `bench ${i}`,
    })),
  );
  const voters = await insertUsers(db.pool, "bench-voter", VOTERS);
  progress(`signing in ${VOTERS} voters…`);
  const cookies = await signedInClients(app.url, voters);

  const byHeader = voters.map((v) => ({ "x-user-id": String(v.id) }));
  const nextBaseline = await startNextBaseline({ databaseUrl: db.url, poolSize: POOL_SIZE });
  cleanup.add("stop the Next.js baseline", () => nextBaseline.stop());
  const port = await freePort();
  const nodeBaseline = await startNodeServer({
    label: "baseline vote server",
    args: ["bench/baseline-vote-server.mjs"],
    port,
    readyPath: "/health",
    env: { PORT: String(port), DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(POOL_SIZE) },
  });
  cleanup.add("stop baseline", () => nodeBaseline.stop());

  const contenders: Contender[] = [
    { label: "ours", server: app, credentials: cookies, slices: [] },
    { label: "bare Next.js", server: nextBaseline, credentials: byHeader, slices: [] },
    { label: "node:http", server: nodeBaseline, credentials: byHeader, slices: [] },
  ];
  for (const c of contenders) {
    progress(`${c.label}: ${WARMUP_S} s warm-up…`);
    await slice(c, imageIds, db, WARMUP_S);
  }
  for (let round = 0; round < ROUNDS; round++) {
    progress(`round ${round + 1} of ${ROUNDS}: ${SLICE_S} s each, ${VOTERS} connections…`);
    // A different server goes first each round, so none always follows the same one.
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(round + i) % contenders.length]!;
      c.slices.push(await slice(c, imageIds, db, SLICE_S));
    }
  }
  // Nothing may write while the counters are checked.
  for (const c of contenders) await c.server.stop();
  await waitForQuiet(db.pool, db.name);
  const exact = (await counterMismatches(db.pool)) === 0;
  const votes = await voteCount(db.pool);
  const [ours, bareNext, base] = contenders.map((c) => combine(c.slices)) as [LoadResult, LoadResult, LoadResult];

  console.log(
    `POST /api/vote, ${VOTERS} connections (one signed-in voter each), random votes (1, -1, 0) on ${IMAGES} submissions, pool ${POOL_SIZE} everywhere. ` +
      `The three servers run side by side and take turns: after a ${WARMUP_S} s warm-up each, ${ROUNDS} rounds of ${SLICE_S} s on each server (${ROUNDS * SLICE_S} s each in all), the order rotating every round; req/s is all requests over that time, p50 and p99 the median of the slices'. ` +
      `Floors: a bare Next.js route handler (bench/baseline/next-app, built with this project's next) and bare node:http (bench/baseline-vote-server.mjs), both running the same transaction (bench/baseline/vote-tx.mjs) with the voter from an x-user-id header: no session, no rate limit. ` +
      `Load generator, servers and MariaDB share this machine.\n`,
  );
  console.log(
    table(
      ["server", "req/s", "p50", "p99", "non-2xx", "errors (incl. timeouts)", "statuses"],
      [
        row("ours: next start, POST /api/vote", ours),
        row("floor: bare Next.js route handler", bareNext),
        row("floor: node:http + mariadb", base),
      ],
    ),
  );
  console.log("");
  console.log(
    table(
      ["ratio", "throughput", "p99 latency"],
      [
        ["ours / bare Next.js", ratio(ours.reqPerSec, bareNext.reqPerSec), ratio(ours.p99, bareNext.p99)],
        ["ours / node:http", ratio(ours.reqPerSec, base.reqPerSec), ratio(ours.p99, base.p99)],
      ],
    ),
  );
  console.log(
    `\nCounters exact after all ${votes} votes stood (every image's upvotes/downvotes equal a recount of its Vote rows): ${exact ? "yes" : "**no**"}.`,
  );
  console.log(`\n${machineLine()}`);
});
