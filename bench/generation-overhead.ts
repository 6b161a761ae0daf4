// Server-side overhead of one generation at 1024x1024, excluding the engine's own time:
// validate the mask, composite, thumbnail, store four files, record the row (real MariaDB,
// local disk). The engine here returns the seed unchanged at once, so what is timed is ours.
// Run: npm run bench (or: node --conditions=react-server --import tsx bench/generation-overhead.ts)
import { rm } from "node:fs/promises";
import { dropDatabase, migrate, newTestDatabase } from "../test/db";
import { summarize, fmt } from "./stats";

const RUNS = 30;

async function main() {
  const dbInfo = newTestDatabase("bench");
  migrate(dbInfo.url);
  process.env.DATABASE_URL = dbInfo.url;
  const { db } = await import("@/lib/db");
  const { generateAttempt } = await import("@/lib/generation");
  const { makeOpenDay, makeUser, rectMask, tempStorage } = await import("../test/fixtures");
  const store = await tempStorage();
  try {
    const { day } = await makeOpenDay(store.storage, { width: 1024, height: 1024 });
    const mask = await rectMask(1024, 1024, { x: 256, y: 256, w: 512, h: 300 });
    const instant = {
      provider: "offline" as const,
      model: "instant",
      edit: async (r: { image: Buffer }) => ({ image: r.image, provider: "offline" as const, model: "instant", engineMs: 0 }),
    };
    const deps = { engine: instant, storage: store.storage, moderate: async () => ({ flagged: false, categories: [] }) };
    const times: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      const user = await makeUser();
      const t = performance.now();
      await generateAttempt({ userId: user.id, dayId: day.id, prompt: "bench", mask }, deps);
      if (i >= 3) times.push(performance.now() - t);
    }
    const s = summarize(times);
    console.log(`| generation overhead, 1024x1024, engine excluded | ${s.n} | ${fmt(s.median)} ms | ${fmt(s.p95)} ms |`);
    await db.$disconnect();
  } finally {
    await rm(store.dir, { recursive: true, force: true });
    await dropDatabase(dbInfo.name);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
