// Benchmark data written straight through the mariadb driver: hundreds of rows in a few batched
// statements, and no Prisma client to build for a one-off script. Column lists follow
// prisma/schema.prisma; the app itself creates today's Day (and its seed image) on first request.
import type { Pool } from "mariadb";

export type OpenDay = { dayId: number; seedImageId: number };

/** Asks the app for `/` once (which opens today's Day), then reads that day back. */
export async function openToday(baseUrl: string, pool: Pool): Promise<OpenDay> {
  const res = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET / answered ${res.status}`);
  const rows = (await pool.query("SELECT id, seedImageId FROM Day WHERE status = 'OPEN' ORDER BY date DESC LIMIT 1")) as {
    id: number;
    seedImageId: number;
  }[];
  const day = rows[0];
  if (!day) throw new Error("the app did not open a day");
  return { dayId: day.id, seedImageId: day.seedImageId };
}

export type SeededUser = { id: number; participantId: string };

/** `count` participants named `<prefix>-<n>`; returns them in order with their ids. */
export async function insertUsers(pool: Pool, prefix: string, count: number): Promise<SeededUser[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await pool.batch(
    "INSERT INTO User (participantId, displayName, role, createdAt) VALUES (?, ?, 'PARTICIPANT', NOW(3))",
    ids.map((p) => [p, p]),
  );
  const rows = (await pool.query("SELECT id, participantId FROM User WHERE participantId IN (?)", [ids])) as SeededUser[];
  // In the running study's first world, as if each had signed in once: a benchmark measures
  // the steady state, not every participant's first-visit assignment.
  await pool.query(
    `INSERT IGNORE INTO Assignment (userId, studyId, worldId, method, createdAt)
     SELECT u.id, w.studyId, w.id, 'RANDOM', NOW(3) FROM User u
     JOIN World w ON w.position = 1 JOIN Study s ON s.id = w.studyId AND s.status = 'RUNNING'
     WHERE u.participantId IN (?)`,
    [ids],
  );
  const byPid = new Map(rows.map((r) => [r.participantId, r.id]));
  return ids.map((participantId) => ({ participantId, id: byPid.get(participantId)! }));
}

export type Submission = { resultKey: string; thumbKey: string; width: number; height: number; prompt: string };

/** SUBMITTED images on the day, made from its seed by `creatorId`; returns their ids in order. */
export async function insertSubmissions(pool: Pool, day: OpenDay, creatorId: number, items: Submission[]): Promise<number[]> {
  // createdAt one millisecond apart, so the feed's newest-first order is stable.
  const base = Date.now() - items.length;
  await pool.batch(
    `INSERT INTO Image (dayId, parentId, creatorId, prompt, status, resultKey, thumbKey, width, height, provider, model, createdAt, submittedAt)
     VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, 'offline', 'bench', ?, ?)`,
    items.map((it, i) => [
      day.dayId,
      day.seedImageId,
      creatorId,
      it.prompt,
      it.resultKey,
      it.thumbKey,
      it.width,
      it.height,
      new Date(base + i),
      new Date(base + i),
    ]),
  );
  const rows = (await pool.query("SELECT id FROM Image WHERE dayId = ? AND status = 'SUBMITTED' AND creatorId = ? ORDER BY id", [
    day.dayId,
    creatorId,
  ])) as { id: number }[];
  if (rows.length !== items.length) throw new Error(`seeded ${rows.length} images, expected ${items.length}`);
  return rows.map((r) => r.id);
}
