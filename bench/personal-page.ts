// The participation rewards at 1,000,000 votes: the personal page's summary for a typical
// participant and for a heavy one, and the creators' leaderboards, against the same reads with
// the indexes they rely on taken away (the baseline: what an unindexed design would cost).
// Run: npm run bench -- personal-page (or: node --conditions=react-server --import tsx bench/personal-page.ts)
import { DAYS, IMAGES_PER_DAY, seedHistory } from "./lib/history";
import { machineLine, median, ratio, table } from "./lib/report";
import { benchConnection, benchDatabase, runBenchmark } from "./lib/harness";

const RUNS = 5;
const HEAVY_VOTES = 20_000;
const HEAVY_DAYS = 365;

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm: plans, caches, the query compiler
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

runBenchmark(async (cleanup) => {
  const db = await benchDatabase(cleanup, "personal");
  const conn = await benchConnection(cleanup, db);
  await seedHistory(conn);
  // A heavy participant: one submission on each of the last 365 days and 20,000 votes.
  await conn.query("INSERT INTO User (id, displayName, participantId) VALUES (20001, 'heavy', 'bench-heavy')");
  await conn.query(
    `UPDATE Image SET creatorId = 20001 WHERE id IN (SELECT (seq - 1) * ${IMAGES_PER_DAY} + 2 FROM seq_${DAYS - HEAVY_DAYS + 1}_to_${DAYS})`,
  );
  await conn.query(`INSERT INTO Vote (userId, imageId, value, position, talliesVisible, createdAt, updatedAt)
    SELECT 20001, seq * 5, IF(seq MOD 3 = 0, -1, 1), 0, 0, NOW(3), NOW(3) FROM seq_1_to_${HEAVY_VOTES}`);
  await conn.query("ANALYZE TABLE Image, Vote, Day, User");
  process.env.DATABASE_URL = db.url;
  const { personalSummary } = await import("@/lib/rewards/personal");
  const { creatorsLeaderboard } = await import("@/lib/rewards/leaderboards");
  const { closeDb } = await import("@/lib/server/db");
  const typicalVotes = Number(((await conn.query("SELECT COUNT(*) AS n FROM Vote WHERE userId = 42")) as { n: bigint }[])[0]?.n ?? 0);

  const measures: [string, () => Promise<unknown>][] = [
    [
      `personal page, typical participant (${typicalVotes} votes, ${(DAYS * IMAGES_PER_DAY) / 10_000} images)`,
      () => personalSummary(42, { streakMinVotes: 5 }),
    ],
    [
      `personal page, heavy participant (${HEAVY_VOTES} votes, ${HEAVY_DAYS} submissions)`,
      () => personalSummary(20001, { streakMinVotes: 5 }),
    ],
    ["creators' leaderboard, this week", () => creatorsLeaderboard({ worldId: 1, sinceDays: 7, take: 20 })],
    ["creators' leaderboard, all time", () => creatorsLeaderboard({ worldId: 1, sinceDays: null, take: 20 })],
  ];
  const ours: number[] = [];
  for (const [, fn] of measures) ours.push(await time(fn));
  // The baseline: the same reads once the indexes that start from a user are gone.
  await conn.query("ALTER TABLE Vote DROP FOREIGN KEY Vote_userId_fkey");
  await conn.query("ALTER TABLE Vote DROP INDEX Vote_userId_imageId_key");
  await conn.query("ALTER TABLE Image DROP FOREIGN KEY Image_creatorId_fkey");
  await conn.query("ALTER TABLE Image DROP INDEX Image_creatorId_dayId_idx");
  const base: number[] = [];
  for (const [, fn] of measures) base.push(await time(fn));
  await closeDb();

  console.log(
    `${DAYS} days, ${DAYS * IMAGES_PER_DAY} images, 1,000,000 votes by 10,000 participants, plus one heavy participant. Median of ${RUNS} runs after a warm-up, through the app's own lib code on MariaDB. ` +
      "Baseline: the same reads after dropping Vote (userId, imageId) and Image (creatorId, dayId), the indexes they start from.\n",
  );
  console.log(
    table(
      ["read", "ours", "without the indexes", "ours / baseline"],
      measures.map(([name], i) => [name, `${ours[i]!.toFixed(1)} ms`, `${base[i]!.toFixed(1)} ms`, ratio(ours[i]!, base[i]!)]),
    ),
  );
  console.log(`\n${machineLine()}`);
});
