import "server-only";
import { adminTransaction } from "@/lib/admin/admin-tx";
import { recordAudit } from "@/lib/admin/audit";
import { keyFromDate, todayKey } from "@/lib/server/clock";
import { ActionError } from "@/lib/server/errors";
import type { WorldConditionsChange } from "@/lib/validations/study";
import { parseConditions, withConditions } from "@/lib/worlds/conditions";
import { invalidateStudyCache } from "@/lib/worlds/studies";

/**
 * Changes a running world's conditions mid-study (those the change names; null ones go back to the settings). A condition changed while a study runs is
 * part of the record: the audit entry keeps the conditions before and after and the day the
 * change took effect (the world's open day, on which voters see it from the next page they load).
 * Only a world of the running study; conditions the change leaves out stay as they were.
 */
export async function changeWorldConditions(adminId: number, change: WorldConditionsChange): Promise<{ effectiveDay: string }> {
  const result = await adminTransaction(adminId, async (tx) => {
    const [world] = await tx.$queryRaw<{ id: number; conditions: string | null; status: string }[]>`
      SELECT w.id, w.conditions, s.status FROM World w JOIN Study s ON s.id = w.studyId WHERE w.id = ${change.worldId} FOR UPDATE`;
    if (!world || world.status !== "RUNNING") throw new ActionError("NOT_FOUND");
    const before = parseConditions(world.conditions);
    const after = withConditions(before, change);
    const open = await tx.day.findFirst({
      where: { worldId: change.worldId, status: "OPEN" },
      orderBy: { date: "desc" },
      select: { date: true },
    });
    const effectiveDay = open ? keyFromDate(open.date) : todayKey();
    await tx.world.update({ where: { id: change.worldId }, data: { conditions: JSON.stringify(after) } });
    await recordAudit(tx, {
      adminId,
      action: "world.conditions",
      targetType: "world",
      targetId: change.worldId,
      before,
      after: { ...after, effectiveDay },
    });
    return { effectiveDay };
  });
  invalidateStudyCache();
  return result;
}
