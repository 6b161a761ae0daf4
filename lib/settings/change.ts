import "server-only";
import { adminTransaction } from "@/lib/admin/admin-tx";
import { recordAudit } from "@/lib/admin/audit";
import { type Settings, writeSettings } from "@/lib/settings/settings";

/** An admin's change of the settings and its audit row, committed together or not at all. */
export async function changeSettings(adminId: number, patch: Partial<Settings>): Promise<Settings> {
  return adminTransaction(adminId, async (tx) => {
    const { before, after } = await writeSettings(tx, patch, adminId);
    await recordAudit(tx, { adminId, action: "settings", targetType: "settings", targetId: null, before, after });
    return after;
  });
}

/**
 * The fields of a submitted settings form that differ from the settings the form was showing
 * (`loaded`, its JSON): what the admin actually changed. Without a readable `loaded` every field
 * counts as changed, as a plain form post would.
 */
export function changedSettings(submitted: Settings, loaded: string | undefined): Partial<Settings> {
  let before: Partial<Settings> | null = null;
  try {
    const parsed: unknown = JSON.parse(loaded ?? "null");
    before = parsed && typeof parsed === "object" ? (parsed as Partial<Settings>) : null;
  } catch {
    before = null;
  }
  if (!before) return submitted;
  return Object.fromEntries(
    Object.entries(submitted).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k as keyof Settings])),
  ) as Partial<Settings>;
}
