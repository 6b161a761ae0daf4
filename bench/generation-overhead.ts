// Server-side overhead of one generation at 1024x1024, excluding the engine's own time:
// validate the mask, composite, thumbnail (on the image worker pool, as the app does), store four
// files, record the row (real MariaDB, local disk). The engine here returns the seed unchanged at once, so what is timed is ours.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/generation-overhead.ts)
import { rm } from "node:fs/promises";
import { Cleanup } from "./lib/cleanup";
import { createBenchDb } from "./lib/db";
import { machineLine, table } from "./lib/report";
import { summarize, fmt } from "./stats";

const RUNS = 30;
const WARMUP = 3;

async function main() {
  // The app logs every generation as a JSON line on stdout; stdout is this benchmark's report,
  // so the log goes to stderr (writing it costs the same either way).
  const report = console.log.bind(console);
  console.log = console.error.bind(console);
  const cleanup = new Cleanup();
  try {
    const dbInfo = await createBenchDb("generation");
    cleanup.add("drop database", () => dbInfo.drop());
    process.env.DATABASE_URL = dbInfo.url;
    const { closeDb } = await import("@/lib/server/db");
    cleanup.add("close the app's pool", () => closeDb());
    // Generation's image work runs on worker threads started from the bundled worker: bundle the current sources.
    const { buildImageWorker } = await import("../scripts/image-worker");
    await buildImageWorker();
    const { generateAttempt } = await import("@/lib/creating/generation");
    const { makeOpenDay, makeUser, rectMask, tempStorage } = await import("../test/fixtures");
    const store = await tempStorage();
    cleanup.add("remove storage", () => rm(store.dir, { recursive: true, force: true }));
    const { day } = await makeOpenDay(store.storage, { width: 1024, height: 1024 });
    const mask = await rectMask(1024, 1024, { x: 256, y: 256, w: 512, h: 300 });
    const instant = {
      provider: "offline" as const,
      model: "instant",
      edit: async (r: { image: Buffer }) => ({
        image: r.image,
        provider: "offline" as const,
        model: "instant",
        modelRequested: "instant",
        engineMs: 0,
        params: { engine: "offline" as const, algorithm: "instant" },
      }),
    };
    const deps = { engine: instant, storage: store.storage, moderate: async () => ({ flagged: false, categories: [] }) };
    const times: number[] = [];
    for (let i = 0; i < RUNS + WARMUP; i++) {
      const user = await makeUser();
      const t = performance.now();
      await generateAttempt({ userId: user.id, dayId: day.id, prompt: "bench", mask }, deps);
      if (i >= WARMUP) times.push(performance.now() - t);
    }
    const s = summarize(times);
    report(
      `generateAttempt with an engine that answers at once: ${WARMUP} warm-up runs, then ${RUNS} timed (a new participant each). No baseline is named for this one: absolute figures.\n`,
    );
    report(
      table(
        ["operation", "runs", "median", "p95"],
        [["generation overhead, 1024x1024, engine excluded", s.n, `${fmt(s.median)} ms`, `${fmt(s.p95)} ms`]],
      ),
    );
    report(`\n${machineLine()}`);
  } finally {
    await cleanup.run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
