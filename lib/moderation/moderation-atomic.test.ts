// The change and its audit row are one transaction: when writing the audit row fails, the change
// is rolled back too. The audit module is replaced by one that always fails.
import "@/test/isolated-db";
import { describe, expect, it, vi } from "vitest";
import { makeAdmin, makeImage, makeOldDay } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { db } from "@/lib/server/db";
import { DEFAULT_SETTINGS, getSettings, invalidateSettingsCache } from "@/lib/settings/settings";
import { banUser, hideImage, vetoLeader } from "./moderation";
import { changeSettings } from "../settings/change";

vi.mock("@/lib/admin/audit", () => ({
  recordAudit: vi.fn(async () => {
    throw new Error("audit log unavailable");
  }),
}));

describe("moderation without a working audit log", () => {
  it("changes nothing", async () => {
    const admin = await makeAdmin();
    const { day } = await makeOldDay();
    const image = await makeImage(day, { up: 3 });
    const user = await makeUser();
    await expect(hideImage(admin.id, image.id, "some reason")).rejects.toThrow("audit log unavailable");
    await expect(vetoLeader(admin.id, day.id, "some reason")).rejects.toThrow("audit log unavailable");
    await expect(banUser(admin.id, user.id, "some reason")).rejects.toThrow("audit log unavailable");
    expect((await db.image.findUniqueOrThrow({ where: { id: image.id } })).hiddenAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).bannedAt).toBeNull();

    await expect(changeSettings(admin.id, { generationQuota: 77 })).rejects.toThrow("audit log unavailable");
    invalidateSettingsCache();
    expect((await getSettings()).generationQuota).toBe(DEFAULT_SETTINGS.generationQuota);
    expect(await db.setting.count()).toBe(0);
  });
});
