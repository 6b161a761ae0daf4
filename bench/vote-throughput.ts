// Vote throughput: POST /api/vote on the production build (session cookie, route handler,
// lib/voting/votes.ts) against two floors doing the same transaction: a bare Next.js route handler
// (bench/baseline/next-app, what Next itself costs) and a bare node:http + mariadb server
// (bench/baseline-vote-server.mjs), all hit by the same autocannon load in this run: 64
// connections, one voter each, random votes on 200 submissions, after a short warm-up. Between
// the two, votes and counters are reset, and after each the counters are checked against a
// recount of the Vote rows.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/vote-throughput.ts)
import type { Pool } from "mariadb";
import { progress } from "./lib/cleanup";
import { counterMismatches, resetVotes, voteCount, voteLoad, waitForQuiet, type LoadResult } from "./lib/load";
import { machineLine, ratio, table } from "./lib/report";
import { insertSubmissions, insertUsers, openToday } from "./lib/seed";
import { ensureBuild, freePort, startNextBaseline, startNodeServer, type RunningServer } from "./lib/server";
import { signedInClients } from "./lib/session";
import { benchApp, runBenchmark } from "./lib/harness";

const IMAGES = 200;
const VOTERS = 64;
const POOL_SIZE = 20;
const WARMUP_S = 5;
const DURATION_S = 20;

type Measured = LoadResult & { votes: number; exact: boolean };

/** Warm-up (JIT, pools, caches), reset, the timed run, then the counter check. */
async function measure(
  label: string,
  server: RunningServer,
  credentials: Record<string, string>[],
  imageIds: number[],
  db: { name: string; pool: Pool },
): Promise<Measured> {
  progress(`${label}: ${WARMUP_S} s warm-up…`);
  await voteLoad(server.url, credentials, imageIds, WARMUP_S);
  await waitForQuiet(db.pool, db.name);
  await resetVotes(db.pool);
  progress(`${label}: ${DURATION_S} s with ${credentials.length} connections…`);
  const result = await voteLoad(server.url, credentials, imageIds, DURATION_S);
  await server.stop(); // nothing else may write while the counters are checked
  await waitForQuiet(db.pool, db.name);
  const exact = (await counterMismatches(db.pool)) === 0;
  return { ...result, votes: await voteCount(db.pool), exact };
}

function row(name: string, m: Measured): (string | number)[] {
  return [name, m.reqPerSec.toFixed(0), `${m.p50} ms`, `${m.p99} ms`, m.non2xx, m.errors, m.statuses, m.exact ? "yes" : "**no**"];
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

  const ours = await measure("ours", app, cookies, imageIds, db);
  await resetVotes(db.pool);

  const byHeader = voters.map((v) => ({ "x-user-id": String(v.id) }));
  const nextBaseline = await startNextBaseline({ databaseUrl: db.url, poolSize: POOL_SIZE });
  cleanup.add("stop the Next.js baseline", () => nextBaseline.stop());
  const bareNext = await measure("bare Next.js", nextBaseline, byHeader, imageIds, db);
  await resetVotes(db.pool);

  const port = await freePort();
  const baseline = await startNodeServer({
    label: "baseline vote server",
    args: ["bench/baseline-vote-server.mjs"],
    port,
    readyPath: "/health",
    env: { PORT: String(port), DATABASE_URL: db.url, DATABASE_POOL_SIZE: String(POOL_SIZE) },
  });
  cleanup.add("stop baseline", () => baseline.stop());
  const base = await measure("baseline", baseline, byHeader, imageIds, db);

  console.log(
    `POST /api/vote, ${VOTERS} connections (one signed-in voter each) for ${DURATION_S} s after a ${WARMUP_S} s warm-up; random votes (1, -1, 0) on ${IMAGES} submissions; pool ${POOL_SIZE} everywhere. ` +
      `Floors: a bare Next.js route handler (bench/baseline/next-app, built with this project's next) and bare node:http (bench/baseline-vote-server.mjs), both running the same transaction (bench/baseline/vote-tx.mjs) with the voter from an x-user-id header: no session, no rate limit. ` +
      `Load generator, servers and MariaDB share this machine. "counters exact": every image's upvotes/downvotes equal a recount of its Vote rows afterwards.\n`,
  );
  console.log(
    table(
      ["server", "req/s", "p50", "p99", "non-2xx", "errors (incl. timeouts)", "statuses", "counters exact"],
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
  console.log(`\n${machineLine()}`);
});
