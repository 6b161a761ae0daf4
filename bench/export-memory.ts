// Research export of 1,000,000 votes: the streamed CSV (lib/research/export.ts, keyset batches) against
// the naive way, every row read into memory at once. Reports time and peak memory of each, and
// checks the streamed file has one line per vote.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/export-memory.ts)
import { fmt } from "./stats";
import { benchConnection, benchDatabase, runBenchmark } from "./lib/harness";

const VOTES = 1_000_000;
const MB = 1024 * 1024;

function sampler() {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return { rss: (peakRss - base.rss) / MB, heap: (peakHeap - base.heapUsed) / MB };
    },
  };
}

runBenchmark(async (cleanup) => {
  const bench = await benchDatabase(cleanup, "export");
  const conn = await benchConnection(cleanup, bench);
  await conn.query("SET FOREIGN_KEY_CHECKS = 0, UNIQUE_CHECKS = 0");
  await conn.query(
    "INSERT INTO User (id, displayName, participantId) SELECT seq, CONCAT('u', seq), CONCAT('bench-', seq) FROM seq_1_to_1000",
  );
  await conn.query("INSERT INTO Day (id, worldId, date, seedImageId) VALUES (1, 1, UTC_DATE(), 1)");
  await conn.query(`INSERT INTO Image (id, dayId, creatorId, prompt, status, resultKey, thumbKey, width, height, provider, model)
    SELECT seq, 1, seq, CONCAT('prompt ', seq), 'SUBMITTED', 'r.png', 't.webp', 1024, 1024, 'offline', 'bench' FROM seq_1_to_1000`);
  await conn.query(`INSERT INTO Vote (userId, imageId, value, position, talliesVisible, createdAt, updatedAt)
    SELECT (seq - 1) MOD 1000 + 1, (seq - 1) DIV 1000 + 1, IF(seq MOD 3 = 0, -1, 1), seq MOD 50, seq MOD 2, NOW(3), NOW(3) FROM seq_1_to_${VOTES}`);
  await conn.query("SET FOREIGN_KEY_CHECKS = 1, UNIQUE_CHECKS = 1");

  process.env.DATABASE_URL = bench.url;
  const { exportTable } = await import("@/lib/research/export");
  const { db, closeDb } = await import("@/lib/server/db");
  await db.vote.findFirst();

  global.gc?.();
  let s = sampler();
  let t = performance.now();
  let lines = 0;
  let bytes = 0;
  for await (const chunk of await exportTable("votes", "csv", {})) {
    lines += chunk.split("\n").length - 1;
    bytes += chunk.length;
  }
  const streamed = { ms: performance.now() - t, ...s.stop() };

  global.gc?.();
  s = sampler();
  t = performance.now();
  const all = await db.vote.findMany({
    select: { id: true, userId: true, imageId: true, value: true, position: true, talliesVisible: true, createdAt: true, updatedAt: true },
  });
  const naiveCount = all.length;
  const naive = { ms: performance.now() - t, ...s.stop() };
  await closeDb();

  console.log(`\n### Export of ${VOTES.toLocaleString("en")} votes\n`);
  console.log("| way | time | peak RSS growth | peak heap growth |\n| --- | --- | --- | --- |");
  console.log(
    `| ours: streamed CSV (${(bytes / MB).toFixed(0)} MB, ${lines - 1} data lines) | ${fmt(streamed.ms)} ms | ${streamed.rss.toFixed(0)} MB | ${streamed.heap.toFixed(0)} MB |`,
  );
  console.log(
    `| baseline: every row in memory (${naiveCount} rows) | ${fmt(naive.ms)} ms | ${naive.rss.toFixed(0)} MB | ${naive.heap.toFixed(0)} MB |`,
  );
  console.log(
    `| ours / baseline | ${(streamed.ms / naive.ms).toFixed(2)}× | ${(streamed.rss / Math.max(1, naive.rss)).toFixed(2)}× | ${(streamed.heap / Math.max(1, naive.heap)).toFixed(2)}× |`,
  );
  console.log(`\nEvery vote exported once: ${lines - 1 === VOTES ? "yes" : `no (${lines - 1})`}`);
});
