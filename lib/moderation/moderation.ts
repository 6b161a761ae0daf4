import "server-only";
import { now } from "@/lib/server/clock";
import type { Tx } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { adminTransaction, optionalReason, requireReason } from "@/lib/admin/admin-tx";
import { recordAudit } from "@/lib/admin/audit";

// Each change and its audit row are written in one transaction: there is never a hidden image or
// a ban without its record, nor a record of a change that did not happen. The target row is
// locked first (FOR UPDATE), so two admins acting at once are serialised and the second is told
// what the first did rather than silently repeating it.

export { vetoLeader, type VetoResult } from "@/lib/moderation/veto";

const imageFields = { id: true, status: true, hiddenAt: true, hiddenReason: true } as const;

async function lockImage(tx: Tx, imageId: number) {
  await tx.$queryRaw`SELECT id FROM Image WHERE id = ${imageId} FOR UPDATE`;
  const image = await tx.image.findUnique({ where: { id: imageId }, select: imageFields });
  if (!image) throw new ActionError("NOT_FOUND", { detail: "IMAGE_NOT_FOUND" });
  return image;
}

async function lockUser(tx: Tx, userId: number) {
  await tx.$queryRaw`SELECT id FROM User WHERE id = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, bannedAt: true, banReason: true } });
  if (!user) throw new ActionError("NOT_FOUND", { detail: "USER_NOT_FOUND" });
  return user;
}

/**
 * Hides a submission: it leaves the vote and can never win (votes, the vote feed and the rollover
 * all skip hidden images). Reversible with unhideImage. A day's winner cannot be hidden: it is
 * already the next day's picture, which hiding would not change.
 */
export async function hideImage(adminId: number, imageId: number, reason: string): Promise<{ imageId: number; hiddenAt: Date }> {
  const why = requireReason(reason);
  return adminTransaction(adminId, async (tx) => {
    const image = await lockImage(tx, imageId);
    if (image.status !== "SUBMITTED") throw new ActionError("NOT_SUBMITTED");
    if (image.hiddenAt) throw new ActionError("ALREADY_HIDDEN");
    const seeds = await tx.day.count({ where: { OR: [{ winnerImageId: imageId }, { seedImageId: imageId }] } });
    if (seeds > 0) throw new ActionError("WINNER");
    const hiddenAt = now();
    await tx.image.update({ where: { id: imageId }, data: { hiddenAt, hiddenReason: why } });
    await recordAudit(tx, {
      adminId,
      action: "hide",
      targetType: "image",
      targetId: imageId,
      reason: why,
      before: { hiddenAt: null, hiddenReason: null },
      after: { hiddenAt, hiddenReason: why },
    });
    return { imageId, hiddenAt };
  });
}

/** Puts a hidden image back (into the vote, if its day is still open). */
export async function unhideImage(adminId: number, imageId: number, reason?: string | null): Promise<{ imageId: number }> {
  const why = optionalReason(reason);
  return adminTransaction(adminId, async (tx) => {
    const image = await lockImage(tx, imageId);
    if (!image.hiddenAt) throw new ActionError("NOT_HIDDEN");
    await tx.image.update({ where: { id: imageId }, data: { hiddenAt: null, hiddenReason: null } });
    await recordAudit(tx, {
      adminId,
      action: "unhide",
      targetType: "image",
      targetId: imageId,
      reason: why,
      before: { hiddenAt: image.hiddenAt, hiddenReason: image.hiddenReason },
      after: { hiddenAt: null, hiddenReason: null },
    });
    return { imageId };
  });
}

/**
 * Bans a user: they can no longer sign in, vote or submit, and their images cannot win. Their
 * votes stay counted unless the excludeBannedVoters setting is on. An admin cannot ban themselves.
 */
export async function banUser(adminId: number, userId: number, reason: string): Promise<{ userId: number; bannedAt: Date }> {
  const why = requireReason(reason);
  if (userId === adminId) throw new ActionError("SELF");
  return adminTransaction(adminId, async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.bannedAt) throw new ActionError("ALREADY_BANNED");
    const bannedAt = now();
    await tx.user.update({ where: { id: userId }, data: { bannedAt, banReason: why } });
    await recordAudit(tx, {
      adminId,
      action: "ban",
      targetType: "user",
      targetId: userId,
      reason: why,
      before: { bannedAt: null, banReason: null },
      after: { bannedAt, banReason: why },
    });
    return { userId, bannedAt };
  });
}

/** Lifts a ban; the user takes part again from their next request. */
export async function unbanUser(adminId: number, userId: number): Promise<{ userId: number }> {
  return adminTransaction(adminId, async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user.bannedAt) throw new ActionError("NOT_BANNED");
    await tx.user.update({ where: { id: userId }, data: { bannedAt: null, banReason: null } });
    await recordAudit(tx, {
      adminId,
      action: "unban",
      targetType: "user",
      targetId: userId,
      before: { bannedAt: user.bannedAt, banReason: user.banReason },
      after: { bannedAt: null, banReason: null },
    });
    return { userId };
  });
}
