import "@/test/isolated-db";
import { afterEach, describe, expect, it } from "vitest";
import { makeUser } from "@/test/fixtures";
import { englishOf } from "@/test/error-text";
import { db } from "../server/db";
import { changeSettings, changedSettings } from "./change";
import { DEFAULT_SETTINGS, getSettings, invalidateSettingsCache, updateSettings } from "./settings";

afterEach(async () => {
  await db.setting.deleteMany();
  invalidateSettingsCache();
});

describe("settings", () => {
  it("are the defaults until changed", async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it("take effect at once when changed, and are stored with who changed them", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    await updateSettings({ generationQuota: 3, allowSelfVoting: true }, admin.id);
    expect(await getSettings()).toMatchObject({ generationQuota: 3, allowSelfVoting: true, hideAuthors: true });
    const row = await db.setting.findUniqueOrThrow({ where: { key: "generationQuota" } });
    expect([row.value, row.updatedById]).toEqual(["3", admin.id]);
  });

  it("changed by an admin are audited with before and after in the same change; a participant is refused", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const participant = await makeUser();
    await changeSettings(admin.id, { submissionsPerDay: 4 });
    const entry = await db.auditLog.findFirstOrThrow({ where: { adminId: admin.id, action: "settings" } });
    expect(JSON.parse(entry.before ?? "null").submissionsPerDay).toBe(DEFAULT_SETTINGS.submissionsPerDay);
    expect(JSON.parse(entry.after ?? "null").submissionsPerDay).toBe(4);
    expect((await getSettings()).submissionsPerDay).toBe(4);
    const refused = await changeSettings(participant.id, { submissionsPerDay: 9 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "FORBIDDEN", detail: { code: "ADMIN_ONLY" } });
    expect(englishOf(refused)).toBe("Only an admin can do that.");
    invalidateSettingsCache();
    expect((await getSettings()).submissionsPerDay).toBe(4);
  });

  it("saved from the form keep what another admin changed meanwhile in another field", async () => {
    const [alice, bob] = [await makeUser({ role: "ADMIN" }), await makeUser({ role: "ADMIN" })];
    // Both open the form on the defaults; Alice turns the leaderboard on, then Bob changes the quota.
    const shown = JSON.stringify(DEFAULT_SETTINGS);
    await changeSettings(alice.id, changedSettings({ ...DEFAULT_SETTINGS, creatorsLeaderboard: true }, shown));
    await changeSettings(bob.id, changedSettings({ ...DEFAULT_SETTINGS, generationQuota: 4 }, shown));
    invalidateSettingsCache();
    expect(await getSettings()).toMatchObject({ creatorsLeaderboard: true, generationQuota: 4 });
    // Without what the form showed, every field counts as changed (a plain post).
    expect(changedSettings({ ...DEFAULT_SETTINGS, generationQuota: 4 }, undefined)).toEqual({ ...DEFAULT_SETTINGS, generationQuota: 4 });
    expect(changedSettings({ ...DEFAULT_SETTINGS, generationQuota: 4 }, "not json")).toEqual({ ...DEFAULT_SETTINGS, generationQuota: 4 });
  });

  it("refuse invalid or inconsistent values and change nothing", async () => {
    await expect(updateSettings({ generationQuota: -1 }, null)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { generationQuota: [{ code: "FIELD_AT_LEAST" }] },
    });
    const order = await updateSettings({ minMaskCoverage: 0.95 }, null).catch((e: unknown) => e);
    expect(order).toMatchObject({ code: "INVALID", fieldErrors: { minMaskCoverage: [{ code: "MASK_BOUNDS_ORDER" }] } });
    expect(englishOf(order)).toBe("The minimum mask coverage must be below the maximum.");
    expect(await db.setting.count()).toBe(0);
  });

  it("fall back to the default for a stored value that is unreadable or out of range", async () => {
    await db.setting.createMany({
      data: [
        { key: "generationQuota", value: "not json" },
        { key: "submissionsPerDay", value: "-5" },
        { key: "unknownKey", value: "1" },
      ],
    });
    invalidateSettingsCache();
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
