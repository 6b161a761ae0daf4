// Its own database: the requirements are settings, which other files would see change.
import "@/test/isolated-db";
import { afterEach, describe, expect, it } from "vitest";
import { castVote, makeImage, makeOldDay } from "@/test/admin";
import { makeDay } from "@/test/rollover";
import { makeUser } from "@/test/fixtures";
import { englishOf } from "@/test/error-text";
import { db } from "../server/db";
import { resetEnvForTests } from "../server/env";
import { invalidateSettingsCache, updateSettings } from "../settings/settings";
import { completionCode, getCompletionStatus, issueCompletion } from "./completion";

const savedSecret = process.env.NEXTAUTH_SECRET;

afterEach(async () => {
  await db.setting.deleteMany();
  invalidateSettingsCache();
  process.env.NEXTAUTH_SECRET = savedSecret;
  delete process.env.EXPORT_HASH_SALT;
  resetEnvForTests();
});

/** The open day participants vote on now: the latest-dated open day, so each test makes a later one. */
let year = 2900;
async function currentDay() {
  return makeDay(new Date(Date.UTC(++year, 0, 1)));
}

const issue = (userId: number) => issueCompletion(userId).catch((e: unknown) => e);

describe("getCompletionStatus", () => {
  it("counts submissions and votes over all days, and is met only once both are", async () => {
    await updateSettings({ completionSubmissions: 1, completionVotes: 2 }, null);
    const user = await makeUser();
    const { day: now } = await currentDay();
    const open = [await makeImage(now), await makeImage(now), await makeImage(now)];
    const { day: d1 } = await makeOldDay();
    const { day: d2 } = await makeOldDay();
    await makeImage(d1, { creatorId: user.id, draft: true });
    expect(await getCompletionStatus(user.id)).toEqual({
      submissions: 0,
      votes: 0,
      required: { submissions: 1, votes: 2 },
      votesNeeded: 2,
      votable: 3,
      met: false,
      banned: false,
      completion: null,
    });

    await makeImage(d1, { creatorId: user.id, hidden: true });
    await castVote(user.id, (await makeImage(d2)).id, -1); // another day's vote counts too
    expect(await getCompletionStatus(user.id)).toMatchObject({ submissions: 1, votes: 1, votesNeeded: 2, votable: 3, met: false });

    await castVote(user.id, open[0]!.id, 1);
    // Met, but nothing is issued until the participant asks.
    expect(await getCompletionStatus(user.id)).toMatchObject({ votes: 2, votable: 2, met: true, completion: null });
  });

  it("caps the vote requirement at the images the participant can still vote on today", async () => {
    await updateSettings({ completionSubmissions: 0, completionVotes: 5 }, null);
    const user = await makeUser();
    const { day: now } = await currentDay();
    const [a, b] = [await makeImage(now), await makeImage(now)];
    await makeImage(now, { creatorId: user.id }); // their own: not theirs to vote on
    await makeImage(now, { hidden: true }); // removed from the vote
    await makeImage(now, { draft: true }); // never in it
    expect(await getCompletionStatus(user.id)).toMatchObject({ votes: 0, votable: 2, votesNeeded: 2, met: false });
    await castVote(user.id, a.id, 1);
    expect(await getCompletionStatus(user.id)).toMatchObject({ votes: 1, votable: 1, votesNeeded: 2, met: false });
    await castVote(user.id, b.id, -1);
    expect(await getCompletionStatus(user.id)).toMatchObject({ votes: 2, votable: 0, votesNeeded: 2, met: true });

    // Self-voting on: their own image is one more to vote on.
    await updateSettings({ allowSelfVoting: true }, null);
    expect(await getCompletionStatus(user.id)).toMatchObject({ votable: 1, votesNeeded: 3, met: false });
    // Sample mode: at most voteSampleSize images are ever shown, two of which they voted on.
    await updateSettings({ voteSampleSize: 2 }, null);
    expect(await getCompletionStatus(user.id)).toMatchObject({ votable: 0, votesNeeded: 2, met: true });
    await updateSettings({ voteSampleSize: 3 }, null);
    expect(await getCompletionStatus(user.id)).toMatchObject({ votable: 1, votesNeeded: 3, met: false });

    // A requirement the participant can meet in full is not capped.
    await updateSettings({ completionVotes: 1 }, null);
    expect(await getCompletionStatus(user.id)).toMatchObject({ votesNeeded: 1, met: true });
  });

  it("uses the defaults (1 submission, 5 votes), and is never met for a banned account", async () => {
    const user = await makeUser({ bannedAt: new Date() });
    await updateSettings({ completionSubmissions: 0, completionVotes: 0 }, null);
    expect(await getCompletionStatus(user.id)).toMatchObject({ met: false, completion: null, banned: true });
    await db.setting.deleteMany();
    invalidateSettingsCache();
    expect((await getCompletionStatus((await makeUser()).id)).required).toEqual({ submissions: 1, votes: 5 });
    await expect(getCompletionStatus(2_000_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("issueCompletion", () => {
  it("refuses until the requirements are met, then issues the code once, with its time", async () => {
    await updateSettings({ completionSubmissions: 1, completionVotes: 1 }, null);
    const user = await makeUser();
    const { day: now } = await currentDay();
    const other = await makeImage(now);

    const early = await issue(user.id);
    expect(early).toMatchObject({ code: "STUDY_NOT_COMPLETE" });
    expect(englishOf(early)).toBe("The study is not finished yet: 0 of 1 submissions and 0 of 1 votes so far.");
    expect(await db.participation.count({ where: { userId: user.id } })).toBe(0);

    await makeImage(now, { creatorId: user.id });
    await castVote(user.id, other.id, 1);
    const before = Date.now();
    const issued = await issueCompletion(user.id);
    expect(issued.code).toBe(completionCode(user.id));
    expect(issued.completedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const row = await db.participation.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row).toMatchObject({ completionCode: issued.code, completedAt: issued.completedAt, platform: null });
    expect((await getCompletionStatus(user.id)).completion).toEqual({ code: issued.code, completedAt: issued.completedAt });

    // A replay changes nothing and says why.
    const again = await issue(user.id);
    expect(again).toMatchObject({ code: "ALREADY_COMPLETED" });
    expect(englishOf(again)).toBe("Your completion code has already been issued; it is shown on this page.");
    expect(await db.participation.findUniqueOrThrow({ where: { userId: user.id } })).toEqual(row);
  });

  it("issues exactly one code when several requests arrive at once, keeping the arrival recorded before", async () => {
    await updateSettings({ completionSubmissions: 0, completionVotes: 0 }, null);
    const fresh = await makeUser();
    const arrived = await makeUser();
    await db.participation.create({
      data: { userId: arrived.id, platform: "MTURK", hitId: "H", assignmentId: "A", submitTo: "https://www.mturk.com" },
    });
    for (const user of [fresh, arrived]) {
      const results = await Promise.all(Array.from({ length: 6 }, () => issue(user.id)));
      const codes = results.filter((r) => !(r instanceof Error));
      expect(codes).toHaveLength(1);
      expect(results.filter((r) => r instanceof Error).map((r) => (r as unknown as { code: string }).code)).toEqual(
        Array(5).fill("ALREADY_COMPLETED"),
      );
    }
    expect(await db.participation.findUniqueOrThrow({ where: { userId: arrived.id } })).toMatchObject({
      platform: "MTURK",
      assignmentId: "A",
      completionCode: completionCode(arrived.id),
    });
  });

  it("refuses a banned account and writes nothing", async () => {
    await updateSettings({ completionSubmissions: 0, completionVotes: 0 }, null);
    const user = await makeUser({ bannedAt: new Date() });
    expect(await issue(user.id)).toMatchObject({ code: "BANNED" });
    expect(await db.participation.count({ where: { userId: user.id } })).toBe(0);
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
