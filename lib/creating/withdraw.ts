import "server-only";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { lockImageThenDay, onTransaction } from "@/lib/days/lock";
import { refundQuota } from "@/lib/creating/quotas";

type Locked = { creatorId: number | null; dayId: number | null; status: string; hidden: number };

/**
 * Takes one of the participant's submissions back out of the day's vote, so they can submit
 * another in its place: only their own, only while the day is open, and only before its first
 * vote, ever (a vote cast and then retracted still counts: someone judged it). In one
 * transaction, the image row locked first as setVote locks it (lib/days/lock.ts), so a vote
 * arriving at the same moment either came first, and the withdrawal is refused, or waits and
 * finds the image no longer in the vote. The attempt goes back to DRAFT, the day's submission
 * is given back, and the withdrawal is recorded (SubmissionEvent).
 */
export async function withdrawSubmission(userId: number, imageId: number): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    const { image, dayStatus } = await lockImageThenDay<Locked>(
      onTransaction(tx),
      { id: imageId, mode: "FOR UPDATE", columns: "creatorId, dayId, status, hiddenAt IS NOT NULL AS hidden" },
      { id: "ofImage", mode: "LOCK IN SHARE MODE" },
    );
    if (!image || image.creatorId !== userId || image.dayId === null) throw new ActionError("NOT_FOUND", { detail: "ATTEMPT_NOT_FOUND" });
    if (dayStatus !== "OPEN") throw new ActionError("DAY_CLOSED");
    if (image.status !== "SUBMITTED") throw new ActionError("NOT_SUBMITTED");
    // A hidden submission stays as the moderators left it.
    if (Number(image.hidden)) throw new ActionError("NOT_ALLOWED");
    const [votes, events] = await Promise.all([tx.vote.count({ where: { imageId } }), tx.voteEvent.count({ where: { imageId } })]);
    if (votes > 0 || events > 0) throw new ActionError("WITHDRAW_AFTER_VOTE");
    await tx.image.update({ where: { id: imageId }, data: { status: "DRAFT", submittedAt: null } });
    await refundQuota(userId, image.dayId, "submissions", tx);
    await tx.submissionEvent.create({ data: { imageId, userId, dayId: image.dayId, action: "WITHDRAW" } });
    return { id: imageId };
  });
}
