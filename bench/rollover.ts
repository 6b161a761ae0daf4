// Rollover at scale: 1,000 days of history, 100,000 images and 1,000,000 votes in MariaDB, then
// the time to close the one open day, and the query plans of the close's reads (no full scans).
// There is no baseline for this one: the figures are absolute, and the plans are the check.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/rollover.ts)
import { DAYS, IMAGES_PER_DAY, VOTES_PER_IMAGE, seedHistory as seed } from "./lib/history";
import { fmt } from "./stats";
import { benchConnection, benchDatabase, runBenchmark } from "./lib/harness";

/** The reads the close makes (lib/rollover/close-day.ts), as SQL, for EXPLAIN. */
const PLANS: Record<string, string> = {
  "eligible images of the day": `SELECT i.id, i.upvotes, i.downvotes FROM Image i JOIN User u ON u.id = i.creatorId WHERE i.dayId = ? AND i.status = 'SUBMITTED' AND i.hiddenAt IS NULL AND u.bannedAt IS NULL`,
  "submissions count": `SELECT COUNT(*) FROM Image WHERE dayId = ? AND status = 'SUBMITTED'`,
  "votes count": `SELECT COUNT(*) FROM Vote v JOIN Image i ON i.id = v.imageId WHERE i.dayId = ?`,
  participants: `SELECT COUNT(*) FROM (SELECT creatorId AS userId FROM Image WHERE dayId = ? AND creatorId IS NOT NULL UNION SELECT v.userId FROM Vote v JOIN Image i ON i.id = v.imageId WHERE i.dayId = ?) AS p`,
  "latest open day": `SELECT id FROM Day WHERE status = 'OPEN' ORDER BY date DESC LIMIT 1`,
};

runBenchmark(async (cleanup) => {
  const bench = await benchDatabase(cleanup, "rollover");
  const conn = await benchConnection(cleanup, bench, { multipleStatements: true });
  let t = performance.now();
  await seed(conn);
  const seedMs = performance.now() - t;
  process.env.DATABASE_URL = bench.url;
  const { runRollover } = await import("@/lib/rollover/rollover");
  const { closeDb, db } = await import("@/lib/server/db");
  // Connect and load the query compiler first, so the figure is the close, not start-up.
  await db.day.findFirst({ where: { status: "OPEN" }, select: { id: true } });
  t = performance.now();
  const result = await runRollover();
  const closeMs = performance.now() - t;
  t = performance.now();
  await runRollover();
  const noopMs = performance.now() - t;
  await closeDb();

  console.log(
    `\n### Rollover with ${DAYS} days, ${DAYS * IMAGES_PER_DAY} images, ${DAYS * IMAGES_PER_DAY * VOTES_PER_IMAGE} votes (seeded in ${(seedMs / 1000).toFixed(0)} s)\n`,
  );
  console.log("| measure | value |\n| --- | --- |");
  console.log(`| close the open day (rank ${IMAGES_PER_DAY} images, stats, open the next) | ${fmt(closeMs)} ms |`);
  console.log(`| second run the same day (nothing to close) | ${fmt(noopMs)} ms |`);
  console.log(
    `| days closed | ${result.closed.length} (winner ${result.closed[0]?.winnerImageId ?? "none"}, ${result.closed[0]?.totalVotes ?? 0} votes) |`,
  );
  console.log("\n| query | table: access type (key), rows examined |\n| --- | --- |");
  let fullScans = 0;
  for (const [name, sql] of Object.entries(PLANS)) {
    const params = (sql.match(/\?/g) ?? []).map(() => DAYS);
    const plan = (await conn.query(`EXPLAIN ${sql}`, params)) as {
      table: string;
      type: string;
      key: string | null;
      rows: number | bigint;
    }[];
    const bigTables = plan.filter((p) => ["i", "v", "u", "Image", "Vote", "Day", "User"].includes(p.table));
    fullScans += bigTables.filter((p) => p.type === "ALL").length;
    console.log(`| ${name} | ${plan.map((p) => `${p.table}: ${p.type} (${p.key ?? "-"}), ${p.rows}`).join("; ")} |`);
  }
  console.log(`\nFull table scans on Image/Vote/Day/User: ${fullScans === 0 ? "none" : fullScans}`);
});
