import "server-only";
import { adminTransaction } from "@/lib/admin/admin-tx";
import { recordAudit } from "@/lib/admin/audit";
import { type Settings, writeSettings } from "@/lib/settings";

/** An admin's change of the settings and its audit row, committed together or not at all. */
export async function changeSettings(adminId: number, patch: Partial<Settings>): Promise<Settings> {
  return adminTransaction(adminId, async (tx) => {
    const { before, after } = await writeSettings(tx, patch, adminId);
    await recordAudit(tx, { adminId, action: "settings", targetType: "settings", targetId: null, before, after });
    return after;
  });
}
