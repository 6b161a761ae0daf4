// Its own database: 200,000 votes would slow every other file's queries on the shared one.
// The 1,000,000-vote figure is for the benchmark; this checks that memory does not grow with rows.
import "@/test/isolated-db";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { makeOldDay } from "@/test/admin";
import { db } from "@/lib/server/db";
import { exportTable } from "./export";

const USERS = 400;
const IMAGES = 500;
const VOTES = USERS * IMAGES; // 200,000: every user votes on every image once
const MB = 1024 * 1024;

// heapUsed between collections is mostly garbage, whose amount is V8's choice (a run measured
// 127 MB of it for this export). What must stay bounded is the live heap, so the test measures
// after a forced collection: --expose-gc switched on from here, since the test workers start without it.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

/** Seeds the votes with single INSERT ... SELECTs from MariaDB's sequence engine (seq_1_to_N). */
async function seedVotes() {
  const { day, seed } = await makeOldDay();
  await db.$executeRawUnsafe(
    `INSERT INTO User (displayName, participantId) SELECT CONCAT('s', seq), CONCAT('stream-', seq) FROM seq_1_to_${USERS}`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO Image (dayId, parentId, prompt, status, resultKey, thumbKey, width, height, provider, model, submittedAt)
     SELECT ${day.id}, ${seed.id}, CONCAT('p', seq), 'SUBMITTED', 'r.png', 't.webp', 30, 20, 'offline', 't', NOW(3) FROM seq_1_to_${IMAGES}`,
  );
  const [u] = await db.$queryRaw<
    { lo: number; hi: number }[]
  >`SELECT MIN(id) AS lo, MAX(id) AS hi FROM User WHERE participantId LIKE 'stream-%'`;
  const [i] = await db.$queryRaw<
    { lo: number; hi: number }[]
  >`SELECT MIN(id) AS lo, MAX(id) AS hi FROM Image WHERE dayId = ${day.id} AND status = 'SUBMITTED'`;
  // One INSERT ... SELECT gets consecutive ids (innodb_autoinc_lock_mode 0 or 1); checked, as the arithmetic below relies on it.
  expect([Number(u!.hi) - Number(u!.lo) + 1, Number(i!.hi) - Number(i!.lo) + 1]).toEqual([USERS, IMAGES]);
  await db.$executeRawUnsafe(
    `INSERT INTO Vote (userId, imageId, value, position, talliesVisible, createdAt, updatedAt)
     SELECT ${Number(u!.lo)} + (seq - 1) DIV ${IMAGES}, ${Number(i!.lo)} + (seq - 1) MOD ${IMAGES}, IF(seq MOD 3 = 0, -1, 1), seq MOD 40, seq MOD 2, NOW(3), NOW(3)
     FROM seq_1_to_${VOTES}`,
  );
}

describe("exportTable streaming", () => {
  it(`exports ${VOTES.toLocaleString("en")} votes as CSV in chunks, with bounded live heap`, async () => {
    await seedVotes();
    expect(await db.vote.count()).toBe(VOTES);

    const baseline = liveHeap();
    let peak = baseline;
    let records = 0;
    let downs = 0;
    let chunks = 0;
    let largestChunk = 0;
    let valueAt = -1;
    for await (const chunk of await exportTable("votes", "csv")) {
      chunks++;
      largestChunk = Math.max(largestChunk, chunk.length);
      for (const line of chunk.split("\r\n")) {
        if (!line) continue;
        if (records++ === 0) valueAt = line.split(",").indexOf("value");
        else if (line.split(",")[valueAt] === "-1") downs++;
      }
      // Sampled while the generator is suspended mid-table: whatever it holds on to is counted.
      if (chunks % 5 === 0) peak = Math.max(peak, liveHeap());
    }
    const growthMb = (peak - baseline) / MB;
    console.log(
      JSON.stringify({
        msg: "vote export live heap",
        rows: VOTES,
        chunks,
        largestChunkKb: Math.round(largestChunk / 1024),
        peakGrowthMb: Math.round(growthMb * 10) / 10,
      }),
    );
    expect(records).toBe(VOTES + 1); // and the header
    expect(downs).toBe(Math.floor(VOTES / 3));
    // Streamed: about one chunk per 2,000-row batch, none of them the whole table.
    expect(chunks).toBeGreaterThanOrEqual(VOTES / 2000);
    expect(largestChunk).toBeLessThan(1 * MB);
    expect(growthMb).toBeLessThan(64);
  }, 180_000);
});
