import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { dateFromKey, keyFromDate, todayKey } from "@/lib/server/clock";
import { getEnv } from "@/lib/server/env";
import { nextDateKey, startOfLocalDay } from "@/lib/days/midnight";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * On the very first run there is no Day: store the bundled seed and open today with it. Safe to
 * call on every request; concurrent first requests race on Day.date's unique index and the loser
 * rolls back (the seed files have fixed keys, so the winner's copy is the same bytes).
 */
export async function ensureFirstDay(): Promise<void> {
  if (await db.day.findFirst({ select: { id: true } })) return;
  const png = await readFile(DEFAULT_SEED.file);
  const meta = await sharp(png).metadata();
  const storage = getStorage();
  await storage.put(DEFAULT_SEED.resultKey, png, "image/png");
  await storage.put(DEFAULT_SEED.thumbKey, await makeThumbnail(png), "image/webp");
  try {
    await db.$transaction(async (tx) => {
      const seed = await tx.image.create({
        data: {
          prompt: DEFAULT_SEED.prompt,
          status: "SEED",
          resultKey: DEFAULT_SEED.resultKey,
          thumbKey: DEFAULT_SEED.thumbKey,
          width: meta.width ?? 0,
          height: meta.height ?? 0,
          provider: "bundled",
          model: "default-seed",
        },
      });
      await tx.day.create({ data: { date: dateFromKey(todayKey()), seedImageId: seed.id } });
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return;
    throw err;
  }
}

/** The open day participants work on (the latest one), with its seed; creates the first on first run. */
export async function getCurrentDay() {
  await ensureFirstDay();
  const day = await db.day.findFirst({
    where: { status: "OPEN" },
    orderBy: { date: "desc" },
    // winnerImageId (null while open): so the row serves a vote feed as it is (lib/voting/feed.ts).
    select: { id: true, date: true, status: true, winnerImageId: true, seedImage: { select: seedFields } },
  });
  return day && { ...day, dateKey: keyFromDate(day.date) };
}

/** When day `dateKey` ends: the next local midnight in APP_TIME_ZONE, after which the rollover closes it. */
export function dayEndsAt(dateKey: string): Date {
  return new Date(startOfLocalDay(nextDateKey(dateKey), getEnv().APP_TIME_ZONE));
}

/** Closed days that have a winner, newest first: the landing strip, /winners and the timelapse share it. */
export async function listWinners(take = 12) {
  const days = await db.day.findMany({
    where: { status: "CLOSED", winnerImageId: { not: null } },
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
 * The timelapse: the very first seed, then every day's winner, oldest first (at most `take`
 * frames, the newest kept). Each frame is a day and its picture; `firstSeed` marks the bundled
 * picture the first day started from, which pages caption in the reader's language. The player
 * on /winners and the downloadable animation share it.
 */
export async function listTimelapseFrames(take = 365) {
  const [first, winners] = await Promise.all([
    db.day.findFirst({ orderBy: { date: "asc" }, select: { date: true, seedImage: { select: seedFields } } }),
    listWinners(take - 1),
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
