import "server-only";
import { now } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { lockOpenDay } from "@/lib/days/lock";
import { detail } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";
import { imageUrls } from "@/lib/images/urls";
import { takeQuota } from "@/lib/creating/quotas";
import { getWorldSettings } from "@/lib/worlds/conditions";

/** A participant's attempts on a day, newest first, as the create page shows them. */
export async function listAttempts(userId: number, dayId: number) {
  const rows = await db.image.findMany({
    where: { creatorId: userId, dayId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      prompt: true,
      status: true,
      width: true,
      height: true,
      resultKey: true,
      thumbKey: true,
      maskCoverage: true,
      provider: true,
      model: true,
      createdAt: true,
      hiddenAt: true,
      _count: { select: { votes: true, voteEvents: true } },
    },
  });
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      prompt: r.prompt,
      submitted: r.status === "SUBMITTED",
      hidden: r.hiddenAt !== null,
      /** In the vote and never voted on: it can still be withdrawn (lib/creating/withdraw.ts). */
      withdrawable: r.status === "SUBMITTED" && r.hiddenAt === null && r._count.votes + r._count.voteEvents === 0,
      width: r.width,
      height: r.height,
      maskCoverage: r.maskCoverage,
      provider: r.provider,
      model: r.model,
      createdAt: r.createdAt.toISOString(),
      ...(await imageUrls(r)),
    })),
  );
}

export type Attempt = Awaited<ReturnType<typeof listAttempts>>[number];

/**
 * Puts one of the user's own attempts on today's vote. In one transaction: the day is open and
 * stays so (share lock), a unit of the daily submission quota is taken, the attempt flips
 * from DRAFT to SUBMITTED and the submission is recorded (SubmissionEvent); if any step refuses,
 * none of it happens.
 */
export async function submitAttempt(userId: number, imageId: number) {
  return db.$transaction(async (tx) => {
    const image = await tx.image.findUnique({
      where: { id: imageId },
      select: { creatorId: true, dayId: true, status: true, hiddenAt: true, day: { select: { worldId: true } } },
    });
    if (!image || image.creatorId !== userId || image.dayId === null || !image.day)
      throw new ActionError("NOT_FOUND", { detail: "ATTEMPT_NOT_FOUND" });
    // The quota of the attempt's world.
    const settings = await getWorldSettings(image.day.worldId);
    await lockOpenDay(tx, image.dayId);
    if (image.status === "SUBMITTED") throw new ActionError("ALREADY_SUBMITTED");
    if (image.status !== "DRAFT" || image.hiddenAt) throw new ActionError("NOT_ALLOWED");
    if (!(await takeQuota(userId, image.dayId, "submissions", settings.submissionsPerDay, tx))) {
      throw new ActionError("QUOTA", { detail: detail("SUBMISSION_QUOTA", { count: settings.submissionsPerDay }) });
    }
    const { count } = await tx.image.updateMany({
      where: { id: imageId, status: "DRAFT" },
      data: { status: "SUBMITTED", submittedAt: now() },
    });
    // Throwing rolls the quota back with everything else in the transaction.
    if (count !== 1) throw new ActionError("ALREADY_SUBMITTED");
    await tx.submissionEvent.create({ data: { imageId, userId, dayId: image.dayId, action: "SUBMIT" } });
    return { id: imageId };
  });
}
