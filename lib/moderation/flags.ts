import "server-only";
import { assignWorld } from "@/lib/worlds/assignment";
import { now } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { flagSchema } from "@/lib/validations/flag";

/** One flagged image for the moderators' queue. */
export type FlaggedImage = {
  imageId: number;
  dayId: number | null;
  prompt: string;
  /** How many people flagged it. */
  count: number;
  lastFlaggedAt: Date;
  /** The latest few reasons, newest first. */
  reasons: string[];
  hidden: boolean;
  hiddenReason: string | null;
};

const REASONS_SHOWN = 3;

const knownError = (err: unknown, code: string) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === code;

/**
 * A participant reports a submitted image (of any day, open or closed) for the moderators, once
 * per image: a second report gets ALREADY_FLAGGED. One's own image cannot be flagged, and a
 * banned account cannot flag at all. The reason is 3-500 characters (lib/validations/flag.ts).
 */
export async function flagImage(userId: number, imageId: number, reason: string): Promise<{ id: number; imageId: number }> {
  const parsed = flagSchema.safeParse({ imageId, reason });
  if (!parsed.success) throw new ActionError("INVALID", { fieldErrors: fieldErrorsOf(parsed.error) });
  const [user, image] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { bannedAt: true } }),
    db.image.findUnique({ where: { id: imageId }, select: { status: true, creatorId: true, day: { select: { worldId: true } } } }),
  ]);
  if (!user || user.bannedAt) throw new ActionError("BANNED");
  // Another world's image does not exist for this participant.
  if (!image || image.status !== "SUBMITTED" || image.day?.worldId !== (await assignWorld(userId)))
    throw new ActionError("NOT_FOUND", { detail: "FLAG_NOT_IN_VOTE" });
  if (image.creatorId === userId) throw new ActionError("OWN_IMAGE", { detail: "FLAG_OWN_IMAGE" });
  try {
    // The unique (imageId, userId) index settles a double click or two tabs: one row, ever.
    return await db.flag.create({
      data: { imageId, userId, reason: parsed.data.reason, createdAt: now() },
      select: { id: true, imageId: true },
    });
  } catch (err) {
    if (knownError(err, "P2002")) throw new ActionError("ALREADY_FLAGGED");
    if (knownError(err, "P2003")) throw new ActionError("NOT_FOUND", { detail: "FLAG_NOT_IN_VOTE" });
    throw err;
  }
}

/**
 * The moderators' queue: flagged images, most-flagged first (then the most recently flagged),
 * with the latest reasons and whether the image is hidden already. Hidden ones are included,
 * marked, unless `includeHidden` is false.
 */
export async function listFlagged({ take, includeHidden = true }: { take: number; includeHidden?: boolean }): Promise<FlaggedImage[]> {
  const groups = await db.flag.groupBy({
    by: ["imageId"],
    where: includeHidden ? {} : { image: { hiddenAt: null } },
    _count: { _all: true },
    _max: { createdAt: true },
    orderBy: [{ _count: { imageId: "desc" } }, { _max: { createdAt: "desc" } }, { imageId: "desc" }],
    take: Math.min(Math.max(Math.trunc(take) || 1, 1), 500),
  });
  if (groups.length === 0) return [];
  const ids = groups.map((g) => g.imageId);
  const [images, reasonRows] = await Promise.all([
    db.image.findMany({ where: { id: { in: ids } }, select: { id: true, dayId: true, prompt: true, hiddenAt: true, hiddenReason: true } }),
    // Only the latest few per image: a mass-flagged image must not drag thousands of rows along.
    db.$queryRaw<{ imageId: number; reason: string }[]>`
      SELECT imageId, reason FROM (
        SELECT imageId, reason, ROW_NUMBER() OVER (PARTITION BY imageId ORDER BY createdAt DESC, id DESC) AS rn
        FROM Flag WHERE imageId IN (${Prisma.join(ids)})
      ) latest WHERE rn <= ${REASONS_SHOWN} ORDER BY imageId, rn`,
  ]);
  const byId = new Map(images.map((i) => [i.id, i]));
  const reasons = new Map<number, string[]>();
  for (const r of reasonRows) {
    const id = Number(r.imageId);
    reasons.set(id, [...(reasons.get(id) ?? []), r.reason]);
  }
  return groups.flatMap((g) => {
    const image = byId.get(g.imageId);
    if (!image) return []; // deleted between the two reads
    return [
      {
        imageId: g.imageId,
        dayId: image.dayId,
        prompt: image.prompt,
        count: g._count._all,
        lastFlaggedAt: g._max.createdAt ?? new Date(0),
        reasons: reasons.get(g.imageId) ?? [],
        hidden: image.hiddenAt !== null,
        hiddenReason: image.hiddenReason,
      },
    ];
  });
}
