import "server-only";
import { adminTransaction } from "@/lib/admin/admin-tx";
import { recordAudit } from "@/lib/admin/audit";
import { now } from "@/lib/server/clock";
import { ActionError } from "@/lib/server/errors";
import { dayStats } from "@/lib/rollover/close-day";
import { getSettings } from "@/lib/settings/settings";
import { applyConditions, conditionLabel, parseConditions, withConditions } from "@/lib/worlds/conditions";
import type { StartStudyInput } from "@/lib/validations/study";
import { invalidateStudyCache } from "@/lib/worlds/studies";

/**
 * Ends the running study and starts the next, in one transaction: the new study's worlds, each
 * with its name, weight and conditions, all starting from `firstSeedImageId` (a seed or a day's
 * winner: a picture that was once a day's starting point or its result). The old study's open
 * days close as they stand, with their figures and no winner, since no next day of theirs will
 * open; its data stays as it was, browsable and exportable. Participants are assigned afresh at
 * their first visit in the new study. Audited with the study before and after.
 */
export async function startStudy(adminId: number, input: StartStudyInput): Promise<{ studyId: number; worldIds: number[] }> {
  const result = await adminTransaction(adminId, async (tx) => {
    const seed = await tx.image.findUnique({
      where: { id: input.firstSeedImageId },
      select: { status: true, hiddenAt: true, _count: { select: { winnerOf: true, seedOf: true } } },
    });
    const usable = seed && !seed.hiddenAt && (seed.status === "SEED" || seed._count.winnerOf > 0 || seed._count.seedOf > 0);
    if (!usable) throw new ActionError("NOT_FOUND", { detail: "IMAGE_NOT_FOUND" });
    // The running study's row first: two admins starting studies at once take turns here.
    const running = await tx.$queryRaw<{ id: number; name: string }[]>`SELECT id, name FROM Study WHERE status = 'RUNNING' FOR UPDATE`;
    const at = now();
    const settings = await getSettings();
    for (const old of running) {
      const open = await tx.day.findMany({
        where: { status: "OPEN", world: { studyId: old.id } },
        select: { id: true, world: { select: { conditions: true } } },
      });
      for (const day of open) {
        const condition = conditionLabel(applyConditions(settings, parseConditions(day.world.conditions)));
        await tx.day.update({
          where: { id: day.id },
          data: { status: "CLOSED", closedAt: at, condition, ...(await dayStats(tx, day.id)) },
        });
      }
      await tx.study.update({ where: { id: old.id }, data: { status: "ENDED", endedAt: at } });
    }
    const study = await tx.study.create({
      data: {
        name: input.name,
        startedAt: at,
        worlds: {
          create: input.worlds.map((w, i) => ({
            position: i + 1,
            name: w.name,
            weight: w.weight,
            firstSeedImageId: input.firstSeedImageId,
            conditions: JSON.stringify(withConditions({}, w)),
          })),
        },
      },
      select: { id: true, worlds: { orderBy: { position: "asc" }, select: { id: true } } },
    });
    await recordAudit(tx, {
      adminId,
      action: "study.start",
      targetType: "study",
      targetId: study.id,
      before: running.map((r) => ({ id: Number(r.id), name: r.name })),
      after: { id: study.id, ...input },
    });
    return { studyId: study.id, worldIds: study.worlds.map((w) => w.id) };
  });
  invalidateStudyCache();
  return result;
}
