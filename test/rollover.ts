// Helpers for tests that run the daily rollover. The rollover acts on "the latest open day" of the
// whole database, which every test file shares. Other files only make days between 1100 and 1900,
// below anything here; but two rollover test files running at once would see each other's days.
// So each such file holds a database-wide named lock while it runs, uses its own band of years far
// in the future, and closes the future days it left open before letting go.
import { randomInt } from "node:crypto";
import mariadb from "mariadb";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { makeUser, TEST_WORLD_ID, testImageFields } from "@/test/fixtures";

const DAY_MS = 86_400_000;
/** Every day a rollover test makes is on or after this date; other tests stay below 1900. */
const FUTURE = "2500-01-01";

/** Waits for (up to 5 minutes) and takes the rollover-tests lock; call the result to release it. */
export async function holdRolloverLock(): Promise<() => Promise<void>> {
  const u = new URL(getEnv().DATABASE_URL);
  const conn = await mariadb.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  });
  // Named locks are server-wide: the database name keeps parallel test runs apart.
  const [row] = (await conn.query("SELECT GET_LOCK(CONCAT('ppw_rollover_', DATABASE()), 300) AS ok")) as { ok: number | bigint | null }[];
  if (Number(row?.ok) !== 1) throw new Error("Could not take the rollover-tests lock within 5 minutes");
  return async () => {
    await closeFutureDays();
    await conn.query("SELECT RELEASE_LOCK(CONCAT('ppw_rollover_', DATABASE()))");
    await conn.end();
  };
}

/** Closes every open rollover-test day, so the next test starts with none later than its own. */
export async function closeFutureDays(): Promise<void> {
  await db.day.updateMany({ where: { status: "OPEN", date: { gte: new Date(`${FUTURE}T00:00:00Z`) } }, data: { status: "CLOSED" } });
}

/**
 * Hands out UTC-midnight dates in a random year of [fromYear, toYear), 40 days apart per call, so
 * each test has its own stretch of calendar (room for a day and the few it rolls over into).
 */
export function futureDates(fromYear: number, toYear: number): () => Date {
  let next = Date.UTC(randomInt(fromYear, toYear), 0, 1);
  return () => {
    const d = new Date(next);
    next += 40 * DAY_MS;
    return d;
  };
}

/** `date` plus `days` days and `hours` hours. */
export function at(date: Date, days: number, hours = 0): Date {
  return new Date(date.getTime() + days * DAY_MS + hours * 3_600_000);
}

/** An open day on `date` with its own seed image. */
export async function makeDay(date: Date, worldId = TEST_WORLD_ID) {
  const seed = await db.image.create({
    data: { prompt: "seed", status: "SEED", resultKey: "s.png", thumbKey: "s.png", width: 30, height: 20, provider: "bundled", model: "t" },
  });
  const day = await db.day.create({ data: { worldId, date, seedImageId: seed.id, openedAt: date } });
  return { day, seed };
}

/**
 * `up` up-votes and `down` down-votes on an image, each by a new user, left as setVote leaves
 * them: the Vote rows, the image's counters and the casts' events. Returns the voters' ids.
 */
export async function castVotes(imageId: number, up: number, down: number): Promise<number[]> {
  const voters: number[] = [];
  for (let i = 0; i < up + down; i++) voters.push((await makeUser()).id);
  const votes = voters.map((userId, i) => ({ userId, imageId, value: i < up ? 1 : -1 }));
  await db.vote.createMany({ data: votes });
  const { dayId } = await db.image.update({
    where: { id: imageId },
    data: { upvotes: { increment: up }, downvotes: { increment: down } },
    select: { dayId: true },
  });
  await db.voteEvent.createMany({ data: votes.map((v) => ({ ...v, dayId: dayId!, previous: 0, talliesVisible: false })) });
  return voters;
}

type ImageOptions = { up?: number; down?: number; submittedAt?: Date; creatorId?: number; hidden?: boolean; draft?: boolean };

/** An image on `day` (submitted unless `draft`), by a new user unless `creatorId` is given; tallies set directly. */
export async function makeImage(day: { id: number; seedImageId: number; date: Date }, o: ImageOptions = {}) {
  const creatorId = o.creatorId ?? (await makeUser()).id;
  return db.image.create({
    data: {
      dayId: day.id,
      parentId: day.seedImageId,
      creatorId,
      prompt: "p",
      status: o.draft ? "DRAFT" : "SUBMITTED",
      submittedAt: o.draft ? null : (o.submittedAt ?? at(day.date, 0, 12)),
      hiddenAt: o.hidden ? at(day.date, 0, 13) : null,
      upvotes: o.up ?? 0,
      downvotes: o.down ?? 0,
      ...testImageFields,
    },
  });
}
