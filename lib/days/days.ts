import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { dateFromKey, keyFromDate, todayKey } from "@/lib/server/clock";
import { getEnv } from "@/lib/server/env";
import { nextDateKey, startOfLocalDay } from "@/lib/days/midnight";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { ActionError } from "@/lib/server/errors";
import { makeThumbnail } from "@/lib/images/thumbnail";
import { getStorage } from "@/lib/storage";
import { personNameFields } from "@/i18n/person-name";

const DEFAULT_SEED = {
  file: join(/*turbopackIgnore: true*/ process.cwd(), "public", "default-seed.png"),
  resultKey: "seeds/default-seed.png",
  thumbKey: "seeds/default-seed.thumb.webp",
  prompt: "The first seed: a sunset over mountains and a lake.",
};

const seedFields = { id: true, resultKey: true, thumbKey: true, width: true, height: true, prompt: true, variants: true } as const;

/**
 * A world's first visit: it has no Day yet, so today is opened with its first seed (the bundled
 * seed, stored now, when the world names none). Safe to call on every request; concurrent first
 * requests race on (worldId, date)'s unique index and the loser rolls back (the bundled seed's
 * files have fixed keys, so the winner's copy is the same bytes).
 */
export async function ensureFirstDay(worldId: number): Promise<void> {
  if (await db.day.findFirst({ where: { worldId }, select: { id: true } })) return;
  const world = await db.world.findUnique({ where: { id: worldId }, select: { firstSeedImageId: true } });
  if (!world) throw new ActionError("NOT_FOUND");
  const bundled = world.firstSeedImageId === null ? await storeBundledSeed() : null;
  try {
    await db.$transaction(async (tx) => {
      const seedImageId =
        world.firstSeedImageId ??
        (
          await tx.image.create({
            data: { ...bundled!, status: "SEED", provider: "bundled", model: "default-seed" },
            select: { id: true },
          })
        ).id;
      await tx.day.create({ data: { worldId, date: dateFromKey(todayKey()), seedImageId } });
      if (world.firstSeedImageId === null) await tx.world.update({ where: { id: worldId }, data: { firstSeedImageId: seedImageId } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) return;
    throw err;
  }
}

/** The bundled first seed's files, stored under their fixed keys, and the row fields that describe them. */
async function storeBundledSeed() {
  const png = await readFile(DEFAULT_SEED.file);
  const meta = await sharp(png).metadata();
  const storage = getStorage();
  await storage.put(DEFAULT_SEED.resultKey, png, "image/png");
  await storage.put(DEFAULT_SEED.thumbKey, await makeThumbnail(png), "image/webp");
  return {
    prompt: DEFAULT_SEED.prompt,
    resultKey: DEFAULT_SEED.resultKey,
    thumbKey: DEFAULT_SEED.thumbKey,
    width: meta.width ?? 0,
    height: meta.height ?? 0,
  };
}

/** A world's open day participants work on (its latest), with its seed; opens the world's first on its first visit. */
export async function getCurrentDay(worldId: number) {
  await ensureFirstDay(worldId);
  const day = await db.day.findFirst({
    where: { status: "OPEN", worldId },
    orderBy: { date: "desc" },
    // winnerImageId (null while open): so the row serves a vote feed as it is (lib/voting/feed.ts).
    select: { id: true, worldId: true, date: true, status: true, winnerImageId: true, seedImage: { select: seedFields } },
  });
  return day && { ...day, dateKey: keyFromDate(day.date) };
}

/** When day `dateKey` ends: the next local midnight in APP_TIME_ZONE, after which the rollover closes it. */
export function dayEndsAt(dateKey: string): Date {
  return new Date(startOfLocalDay(nextDateKey(dateKey), getEnv().APP_TIME_ZONE));
}

/** A world's closed days that have a winner, newest first: the landing strip, /winners and the timelapse share it. */
export async function listWinners(worldId: number, take = 12) {
  const days = await db.day.findMany({
    where: { worldId, status: "CLOSED", winnerImageId: { not: null } },
    orderBy: { date: "desc" },
    take,
    select: {
      date: true,
      totalVotes: true,
      winnerImage: { select: { ...seedFields, upvotes: true, downvotes: true, creator: { select: personNameFields } } },
    },
  });
  return days.flatMap((d) => (d.winnerImage ? [{ dateKey: keyFromDate(d.date), totalVotes: d.totalVotes, image: d.winnerImage }] : []));
}

/**
 * A world's timelapse: its first seed, then every day's winner, oldest first (at most `take`
 * frames, the newest kept). Each frame is a day and its picture; `firstSeed` marks the bundled
 * picture the first day started from, which pages caption in the reader's language. The player
 * on /winners and the downloadable animation share it.
 */
export async function listTimelapseFrames(worldId: number, take = 365) {
  const [first, winners] = await Promise.all([
    db.day.findFirst({ where: { worldId }, orderBy: { date: "asc" }, select: { date: true, seedImage: { select: seedFields } } }),
    listWinners(worldId, take - 1),
  ]);
  const frames = winners.reverse().map((w) => ({ dateKey: w.dateKey, firstSeed: false, image: w.image }));
  if (first)
    frames.unshift({
      dateKey: keyFromDate(first.date),
      firstSeed: true,
      image: { ...first.seedImage, upvotes: 0, downvotes: 0, creator: null },
    });
  return frames;
}
