// Rollover at scale: 1,000 days of history, 100,000 images and 1,000,000 votes in MariaDB, then
// the time to close what is open, and the query plans of the close's reads (no full scans). Run
// twice on the same data size: all of it one world's timeline (one open day to close), and split
// over 8 worlds of one study (8 open days, each closed in its own transaction in the same run).
// The ratio is what 8 worlds cost against one. Each run is a child process with its own database,
// since the app's database client is bound to one database per process.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/rollover.ts)
import { execFileSync } from "node:child_process";
import { DAYS, IMAGES_PER_DAY, VOTES_PER_IMAGE, seedHistory as seed } from "./lib/history";
import { ratio, table } from "./lib/report";
import { fmt } from "./stats";
import { benchConnection, benchDatabase, runBenchmark } from "./lib/harness";

const WORLDS = [1, 8];

/** The reads the close makes (lib/rollover/close-day.ts), as SQL, for EXPLAIN. */
const PLANS: Record<string, string> = {
  "eligible images of the day": `SELECT i.id, i.upvotes, i.downvotes FROM Image i JOIN User u ON u.id = i.creatorId WHERE i.dayId = ? AND i.status = 'SUBMITTED' AND i.hiddenAt IS NULL AND u.bannedAt IS NULL`,
  "submissions count": `SELECT COUNT(*) FROM Image WHERE dayId = ? AND status = 'SUBMITTED'`,
  "votes count": `SELECT COUNT(*) FROM Vote v JOIN Image i ON i.id = v.imageId WHERE i.dayId = ?`,
  participants: `SELECT COUNT(*) FROM (SELECT creatorId AS userId FROM Image WHERE dayId = ? AND creatorId IS NOT NULL UNION SELECT v.userId FROM Vote v JOIN Image i ON i.id = v.imageId WHERE i.dayId = ?) AS p`,
  "a world's latest open day": `SELECT id FROM Day WHERE status = 'OPEN' AND worldId = ? ORDER BY date DESC LIMIT 1`,
};

type Run = {
  worlds: number;
  seedMs: number;
  closeMs: number;
  noopMs: number;
  closed: number;
  votes: number;
  plans: [string, string][];
  fullScans: number;
};

/** One configuration in this process: seed, close everything open, run again, explain the reads. */
function measure(worlds: number): void {
  runBenchmark(async (cleanup) => {
    const bench = await benchDatabase(cleanup, `rollover${worlds}`);
    const conn = await benchConnection(cleanup, bench, { multipleStatements: true });
    let t = performance.now();
    await seed(conn, { worlds });
    const seedMs = performance.now() - t;
    process.env.DATABASE_URL = bench.url;
    const { runRollover } = await import("@/lib/rollover/rollover");
    const { closeDay } = await import("@/lib/rollover/close-day");
    const { closeDb, db } = await import("@/lib/server/db");
    // Connect, load the query compiler and take one close through every query first (an empty day
    // of an ended study's world, which the rollover never visits), so the figure is the close, not
    // start-up.
    await conn.query(`INSERT INTO Study (id, name, status, endedAt) VALUES (99, 'warm-up', 'ENDED', NOW(3))`);
    await conn.query(`INSERT INTO World (id, studyId, position, name) VALUES (99, 99, 1, 'warm-up')`);
    const warm = await db.day.create({ data: { worldId: 99, date: new Date(Date.UTC(2000, 0, 1)), seedImageId: 1 } });
    await closeDay(warm);
    t = performance.now();
    const result = await runRollover();
    const closeMs = performance.now() - t;
    t = performance.now();
    await runRollover();
    const noopMs = performance.now() - t;
    await closeDb();
    const plans: [string, string][] = [];
    let fullScans = 0;
    for (const [name, sql] of Object.entries(PLANS)) {
      const params = (sql.match(/\?/g) ?? []).map(() => (name === "a world's latest open day" ? worlds : DAYS));
      const plan = (await conn.query(`EXPLAIN ${sql}`, params)) as {
        table: string;
        type: string;
        key: string | null;
        rows: number | bigint;
      }[];
      const bigTables = plan.filter((p) => ["i", "v", "u", "Image", "Vote", "Day", "User"].includes(p.table));
      fullScans += bigTables.filter((p) => p.type === "ALL").length;
      plans.push([name, plan.map((p) => `${p.table}: ${p.type} (${p.key ?? "-"}), ${p.rows}`).join("; ")]);
    }
    const run: Run = {
      worlds,
      seedMs,
      closeMs,
      noopMs,
      closed: result.closed.length,
      votes: result.closed.reduce((n, c) => n + c.totalVotes, 0),
      plans,
      fullScans,
    };
    console.log(`RUN ${JSON.stringify(run)}`);
  });
}

/** Runs each configuration as a child process and reports them side by side. */
function report(): void {
  const runs = WORLDS.map((worlds): Run => {
    process.stderr.write(`  rollover with ${worlds} world(s)…\n`);
    const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/rollover.ts", String(worlds)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = out.split("\n").find((l) => l.startsWith("RUN "));
    if (!line) throw new Error(`the ${worlds}-world run printed no result`);
    return JSON.parse(line.slice(4)) as Run;
  });
  const [one, many] = runs as [Run, Run];
  console.log(
    `\n### ${DAYS} days, ${DAYS * IMAGES_PER_DAY} images, ${DAYS * IMAGES_PER_DAY * VOTES_PER_IMAGE} votes: one world against ${many.worlds} (seeded in ${(one.seedMs / 1000).toFixed(0)} s and ${(many.seedMs / 1000).toFixed(0)} s)\n`,
  );
  console.log(
    table(
      ["measure", "1 world", `${many.worlds} worlds`, "ratio"],
      [
        ["open days closed in the run", one.closed, many.closed, ratio(many.closed, one.closed)],
        ["votes on the closed days", one.votes, many.votes, ratio(many.votes, one.votes)],
        [
          `close everything open (rank ${IMAGES_PER_DAY} images a day, stats, open the next)`,
          `${fmt(one.closeMs)} ms`,
          `${fmt(many.closeMs)} ms`,
          ratio(many.closeMs, one.closeMs),
        ],
        [
          "per day closed",
          `${fmt(one.closeMs / one.closed)} ms`,
          `${fmt(many.closeMs / many.closed)} ms`,
          ratio(many.closeMs / many.closed, one.closeMs / one.closed),
        ],
        ["second run the same day (nothing to close)", `${fmt(one.noopMs)} ms`, `${fmt(many.noopMs)} ms`, ratio(many.noopMs, one.noopMs)],
      ],
    ),
  );
  console.log(`\nQuery plans (${many.worlds} worlds):\n`);
  console.log(table(["query", "table: access type (key), rows examined"], many.plans));
  console.log(
    `\nFull table scans on Image/Vote/Day/User: ${one.fullScans + many.fullScans === 0 ? "none" : `${one.fullScans} and ${many.fullScans}`}`,
  );
}

const worlds = Number(process.argv[2]);
if (Number.isInteger(worlds) && worlds > 0) measure(worlds);
else report();
