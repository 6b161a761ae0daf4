// Its own database: the requirements are settings, which other files would see change.
import "@/test/isolated-db";
import { afterEach, describe, expect, it } from "vitest";
import { castVote, makeImage, makeOldDay } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { englishOf } from "@/test/error-text";
import { db } from "../server/db";
import { resetEnvForTests } from "../server/env";
import { invalidateSettingsCache, updateSettings } from "../settings/settings";
import { completionCode, getCompletionStatus } from "./completion";

const savedSecret = process.env.NEXTAUTH_SECRET;

afterEach(async () => {
  await db.setting.deleteMany();
  invalidateSettingsCache();
  process.env.NEXTAUTH_SECRET = savedSecret;
  delete process.env.EXPORT_HASH_SALT;
  resetEnvForTests();
});

describe("getCompletionStatus", () => {
  it("counts submissions and votes over all days and shows the code only once both are met", async () => {
    await updateSettings({ completionSubmissions: 1, completionVotes: 2 }, null);
    const user = await makeUser();
    const { day: d1 } = await makeOldDay();
    const { day: d2 } = await makeOldDay();
    await makeImage(d1, { creatorId: user.id, draft: true });
    expect(await getCompletionStatus(user.id)).toEqual({
      done: false,
      submissions: 0,
      votes: 0,
      required: { submissions: 1, votes: 2 },
      code: null,
      banned: false,
    });

    await makeImage(d1, { creatorId: user.id, hidden: true });
    await castVote(user.id, (await makeImage(d1)).id, 1);
    expect(await getCompletionStatus(user.id)).toMatchObject({ done: false, submissions: 1, votes: 1, code: null });

    await castVote(user.id, (await makeImage(d2)).id, -1); // another day's vote counts too
    const status = await getCompletionStatus(user.id);
    expect(status).toMatchObject({ done: true, submissions: 1, votes: 2 });
    expect(status.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(status.code).toBe(completionCode(user.id));
  });

  it("uses the defaults (1 submission, 5 votes), and gives banned accounts no code", async () => {
    const user = await makeUser({ bannedAt: new Date() });
    await updateSettings({ completionSubmissions: 0, completionVotes: 0 }, null);
    expect(await getCompletionStatus(user.id)).toMatchObject({ done: false, code: null, banned: true });
    await db.setting.deleteMany();
    invalidateSettingsCache();
    expect((await getCompletionStatus((await makeUser()).id)).required).toEqual({ submissions: 1, votes: 5 });
    await expect(getCompletionStatus(2_000_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("completionCode", () => {
  it("is stable per user, differs between users, and depends on the server secret", () => {
    const codes = new Set(Array.from({ length: 500 }, (_, i) => completionCode(i + 1)));
    expect(codes.size).toBe(500);
    expect(completionCode(7)).toBe(completionCode(7));
    const before = completionCode(7);
    process.env.NEXTAUTH_SECRET = "another-secret-that-is-long-enough-000000";
    resetEnvForTests();
    expect(completionCode(7)).not.toBe(before);
  });

  it("falls back to EXPORT_HASH_SALT, and refuses with neither secret", () => {
    delete process.env.NEXTAUTH_SECRET;
    resetEnvForTests();
    expect(() => completionCode(1)).toThrow(expect.objectContaining({ code: "NOT_CONFIGURED" }));
    process.env.EXPORT_HASH_SALT = "a-salt-of-sixteen-chars";
    resetEnvForTests();
    expect(completionCode(1)).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  });
});

describe("completion settings", () => {
  it("accept an http(s) return URL or null, and refuse anything else", async () => {
    const url = "https://app.prolific.com/submissions/complete?cc=C1234";
    expect((await updateSettings({ prolificCompletionUrl: url }, null)).prolificCompletionUrl).toBe(url);
    expect((await updateSettings({ prolificCompletionUrl: null }, null)).prolificCompletionUrl).toBeNull();
    const refused = await updateSettings({ prolificCompletionUrl: "javascript:alert(1)" }, null).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "INVALID", detail: { code: "COMPLETION_URL" } });
    expect(englishOf(refused)).toBe("Enter a full http(s):// URL.");
    await expect(updateSettings({ completionVotes: -1 }, null)).rejects.toThrow();
  });
});
