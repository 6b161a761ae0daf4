import "server-only";
import { now } from "@/lib/server/clock";
import { lockImageThenDay, onTransaction } from "@/lib/days/lock";
import { db } from "@/lib/server/db";
import { retry } from "@/lib/server/retry";
import { rankEligible } from "@/lib/voting/eligible-ranking";
import { getSettings } from "@/lib/settings/settings";
import { ActionError } from "@/lib/server/errors";
import { adminTransaction, requireReason } from "@/lib/admin/admin-tx";
import { recordAudit } from "@/lib/admin/audit";

/** The image a veto hid, and who leads the day now (null when nobody eligible is left). */
export type VetoResult = { vetoedImageId: number; newLeaderImageId: number | null };

/** Thrown inside the transaction when another image took the lead after it was ranked. */
class LeaderMoved extends Error {}

const MAX_ATTEMPTS = 4;

/**
 * Vetoes an open day's current leader: hides the image the rollover would crown right now
 * (lib/voting/eligible-ranking.ts) with the reason, audited as "veto". Pass `expectedImageId` (the
 * leader the admin was looking at) to refuse with LEADER_CHANGED rather than veto an image that
 * overtook it meanwhile.
 *
 * In the one lock order (lib/days/lock.ts): the leader's Image row FOR UPDATE, so no vote moves
 * it, then the Day row in share mode, so the rollover cannot close the day under us. Votes on
 * other images can still overtake it between ranking and locking; then the attempt rolls back
 * and starts over.
 */
export async function vetoLeader(adminId: number, dayId: number, reason: string, expectedImageId?: number): Promise<VetoResult> {
  const why = requireReason(reason);
  const { excludeBannedVoters } = await getSettings();
  try {
    return await retry(() => vetoOnce(adminId, dayId, why, excludeBannedVoters, expectedImageId), {
      attempts: MAX_ATTEMPTS,
      retryable: (err) => err instanceof LeaderMoved,
    });
  } catch (err) {
    if (err instanceof LeaderMoved) throw new ActionError("LEADER_CHANGED", { detail: "LEADER_KEPT_CHANGING" });
    throw err;
  }
}

/** One attempt: rank, then lock the leader and its day in the one lock order and rank again. */
async function vetoOnce(
  adminId: number,
  dayId: number,
  why: string,
  excludeBannedVoters: boolean,
  expectedImageId?: number,
): Promise<VetoResult> {
  const day = await db.day.findUnique({ where: { id: dayId }, select: { status: true } });
  if (!day) throw new ActionError("NOT_FOUND", { detail: "DAY_NOT_FOUND" });
  if (day.status !== "OPEN") throw new ActionError("DAY_CLOSED", { detail: "VETO_DAY_NOT_OPEN" });
  const leader = (await rankEligible(db, dayId, excludeBannedVoters))[0];
  if (!leader) throw new ActionError("NO_LEADER");
  if (expectedImageId !== undefined && leader.id !== expectedImageId) throw new ActionError("LEADER_CHANGED");
  return adminTransaction(adminId, async (tx) => {
    const { dayStatus } = await lockImageThenDay(
      onTransaction(tx),
      { id: leader.id, mode: "FOR UPDATE" },
      { id: dayId, mode: "LOCK IN SHARE MODE" },
    );
    if (dayStatus !== "OPEN") throw new ActionError("DAY_CLOSED", { detail: "VETO_TOO_LATE" });
    const ranked = await rankEligible(tx, dayId, excludeBannedVoters);
    const top = ranked[0];
    if (top?.id !== leader.id) throw new LeaderMoved();
    const hiddenAt = now();
    await tx.image.update({ where: { id: top.id }, data: { hiddenAt, hiddenReason: why } });
    // The order is total, so without the vetoed image the runner-up leads.
    const newLeaderImageId = ranked[1]?.id ?? null;
    await recordAudit(tx, {
      adminId,
      action: "veto",
      targetType: "image",
      targetId: top.id,
      reason: why,
      before: { dayId, rank: 1, upvotes: top.upvotes, downvotes: top.downvotes, hiddenAt: null },
      after: { hiddenAt, hiddenReason: why, newLeaderImageId },
    });
    return { vetoedImageId: top.id, newLeaderImageId };
  });
}
