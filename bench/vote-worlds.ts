// The vote path with 8 worlds against one: lib/voting/votes.setVote, what POST /api/vote and the
// vote action run after the session (the voter's world read, its conditions, the transaction),
// called in-process by 16 concurrent voters. One database holds both designs at once, so the data
// size is the same: study A, one world whose open day has 400 submissions, and study B, 8 worlds
// with 50 each; the same 256 voters are assigned in both (B's evenly). The two take turns being
// the running study, in short slices, round after round, so whatever else the machine does weighs
// on both alike; afterwards every image's counters are checked against a recount of its votes.
// HTTP, the session and the rate limit are the same for both and left out.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/vote-worlds.ts)
import { randomInt } from "node:crypto";
import { progress } from "./lib/cleanup";
import { counterMismatches } from "./lib/load";
import { machineLine, median, ratio, table } from "./lib/report";
import { insertSubmissions, insertUsers } from "./lib/seed";
import { benchDatabase, runBenchmark } from "./lib/harness";

const SUBMISSIONS = 400;
const VOTERS = 256;
const CONCURRENCY = 16;
const WARMUP_S = 3;
const ROUNDS = 4;
const SLICE_S = 5;

type Design = { label: string; studyId: number; imagesOf: Map<number, number[]>; voters: { id: number; worldId: number }[] };
type Slice = { votes: number; errors: number; latencies: number[] };

runBenchmark(async (cleanup) => {
  const bench = await benchDatabase(cleanup, "voteworlds");
  const pool = bench.pool;
  const [creator] = await insertUsers(pool, "bench-creator", 1);
  const voters = await insertUsers(pool, "bench-voter", VOTERS);
  const seedRows = (await pool.query(
    "INSERT INTO Image (prompt, status, resultKey, thumbKey, width, height, provider, model) VALUES ('seed', 'SEED', 's.png', 's.webp', 1536, 1024, 'bundled', 'bench') RETURNING id",
  )) as { id: number }[];
  const seedImageId = seedRows[0]!.id;

  /** A study of `worlds` worlds, each with an open day of SUBMISSIONS / worlds pictures, every voter assigned. */
  async function design(label: string, worlds: number): Promise<Design> {
    await pool.query("UPDATE Study SET status = 'ENDED', endedAt = NOW(3) WHERE status = 'RUNNING'");
    const study = (await pool.query("INSERT INTO Study (name, status) VALUES (?, 'RUNNING') RETURNING id", [label])) as { id: number }[];
    const studyId = study[0]!.id;
    const imagesOf = new Map<number, number[]>();
    const worldIds: number[] = [];
    for (let w = 1; w <= worlds; w++) {
      const world = (await pool.query(
        "INSERT INTO World (studyId, position, name, weight, firstSeedImageId) VALUES (?, ?, ?, 1, ?) RETURNING id",
        [studyId, w, `World ${w}`, seedImageId],
      )) as { id: number }[];
      const worldId = world[0]!.id;
      worldIds.push(worldId);
      const day = (await pool.query("INSERT INTO Day (worldId, date, status, seedImageId) VALUES (?, UTC_DATE(), 'OPEN', ?) RETURNING id", [
        worldId,
        seedImageId,
      ])) as { id: number }[];
      const ids = await insertSubmissions(
        pool,
        { dayId: day[0]!.id, seedImageId },
        creator!.id,
        Array.from({ length: SUBMISSIONS / worlds }, (_, i) => ({
          resultKey: `bench/${label}/${w}/${i}.png`,
          thumbKey: `bench/${label}/${w}/${i}.webp`,
          width: 1536,
          height: 1024,
          prompt: `bench ${label} ${w} ${i}`,
        })),
      );
      imagesOf.set(worldId, ids);
    }
    const placed = voters.map((v, i) => ({ id: v.id, worldId: worldIds[i % worlds]! }));
    await pool.batch(
      "INSERT INTO Assignment (userId, studyId, worldId, method) VALUES (?, ?, ?, 'RANDOM')",
      placed.map((v) => [v.id, studyId, v.worldId]),
    );
    return { label, studyId, imagesOf, voters: placed };
  }

  const one = await design("one world", 1);
  const eight = await design("8 worlds", 8);
  process.env.DATABASE_URL = bench.url;
  const { setVote } = await import("@/lib/voting/votes");
  const { invalidateStudyCache } = await import("@/lib/worlds/studies");
  const { closeDb } = await import("@/lib/server/db");
  cleanup.add("close the app's database clients", () => closeDb());

  async function run(d: Design, seconds: number): Promise<Slice> {
    await pool.query("UPDATE Study SET status = IF(id = ?, 'RUNNING', 'ENDED')", [d.studyId]);
    invalidateStudyCache();
    const until = performance.now() + seconds * 1000;
    const slice: Slice = { votes: 0, errors: 0, latencies: [] };
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < until) {
          const voter = d.voters[randomInt(d.voters.length)]!;
          const images = d.imagesOf.get(voter.worldId)!;
          const t = performance.now();
          try {
            await setVote({ userId: voter.id, imageId: images[randomInt(images.length)]!, value: ([1, -1, 0] as const)[randomInt(3)]! });
            slice.votes++;
            slice.latencies.push(performance.now() - t);
          } catch {
            slice.errors++;
          }
        }
      }),
    );
    return slice;
  }

  progress("warming up…");
  for (const d of [one, eight]) await run(d, WARMUP_S);
  const slices = new Map<Design, Slice[]>([
    [one, []],
    [eight, []],
  ]);
  for (let r = 0; r < ROUNDS; r++) {
    progress(`round ${r + 1} of ${ROUNDS}…`);
    // Alternate which goes first, so neither always follows the other.
    for (const d of r % 2 ? [eight, one] : [one, eight]) slices.get(d)!.push(await run(d, SLICE_S));
  }
  const mismatches = await counterMismatches(pool);

  const summary = (d: Design) => {
    const s = slices.get(d)!;
    const all = s.flatMap((x) => x.latencies).sort((a, b) => a - b);
    const votes = s.reduce((n, x) => n + x.votes, 0);
    return {
      perSecond: votes / (s.length * SLICE_S),
      p50: median(all),
      p99: all[Math.floor(all.length * 0.99)] ?? NaN,
      errors: s.reduce((n, x) => n + x.errors, 0),
      votes,
    };
  };
  const [a, b] = [summary(one), summary(eight)];
  console.log(
    `\n${CONCURRENCY} concurrent voters of ${VOTERS}, ${SUBMISSIONS} open submissions in each design, ${ROUNDS} rounds of ${SLICE_S} s slices each.\n`,
  );
  console.log(
    table(
      ["measure", "1 world", "8 worlds", "ratio (8 / 1)"],
      [
        ["votes per second", a.perSecond.toFixed(0), b.perSecond.toFixed(0), ratio(b.perSecond, a.perSecond)],
        ["latency p50", `${a.p50.toFixed(1)} ms`, `${b.p50.toFixed(1)} ms`, ratio(b.p50, a.p50)],
        ["latency p99", `${a.p99.toFixed(1)} ms`, `${b.p99.toFixed(1)} ms`, ratio(b.p99, a.p99)],
        ["votes / errors", `${a.votes} / ${a.errors}`, `${b.votes} / ${b.errors}`, ""],
      ],
    ),
  );
  console.log(`\nImages whose counters disagree with their votes afterwards: ${mismatches}. ${machineLine()}`);
  if (mismatches > 0 || a.errors + b.errors > 0) throw new Error("the vote path lost or refused votes");
});
