import "@/test/isolated-db";
import { afterEach, describe, expect, it } from "vitest";
import { castVote, makeAdmin, makeImage, makeOldDay } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { db } from "@/lib/server/db";
import { closeDay } from "@/lib/rollover/close-day";
import { invalidateSettingsCache, updateSettings } from "@/lib/settings/settings";
import { listDayCandidates } from "@/lib/moderation/candidates";
import { effectiveCounts } from "./effective-counts";
import { vetoLeader } from "../moderation/moderation";

afterEach(async () => {
  await db.setting.deleteMany();
  invalidateSettingsCache();
});

/**
 * A day where banned voters decide the race: `stuffed` leads on the stored tallies (4 up from
 * banned accounts, 1 honest up), `honest` leads once their votes are left out (3 honest ups).
 */
async function stuffedDay() {
  const { day, seed } = await makeOldDay();
  const stuffed = await makeImage(day);
  const honest = await makeImage(day);
  const banned = await Promise.all([1, 2, 3, 4].map(() => makeUser({ bannedAt: new Date() })));
  const fair = await Promise.all([1, 2, 3].map(() => makeUser()));
  for (const u of banned) await castVote(u.id, stuffed.id, 1);
  for (const u of banned.slice(0, 2)) await castVote(u.id, honest.id, -1);
  await castVote(fair[0]!.id, stuffed.id, 1);
  for (const u of fair) await castVote(u.id, honest.id, 1);
  return { day, seed, stuffed, honest };
}

describe("effectiveCounts", () => {
  it("recounts each image's votes without the banned voters", async () => {
    const { day, stuffed, honest } = await stuffedDay();
    const untouched = await makeImage(day);
    const counts = await effectiveCounts(day.id);
    expect(counts.get(stuffed.id)).toEqual({ upvotes: 1, downvotes: 0 });
    expect(counts.get(honest.id)).toEqual({ upvotes: 3, downvotes: 0 });
    expect(counts.has(untouched.id)).toBe(false);
  });
});

describe("with excludeBannedVoters", () => {
  it("off (the default): the rollover crowns the stored tallies' leader", async () => {
    const { day, stuffed } = await stuffedDay();
    expect(await closeDay(day)).toMatchObject({ winnerImageId: stuffed.id });
  });

  it("on: the rollover crowns the leader without banned voters, and keeps the day's figures", async () => {
    await updateSettings({ excludeBannedVoters: true }, null);
    const { day, honest } = await stuffedDay();
    expect(await closeDay(day)).toMatchObject({
      winnerImageId: honest.id,
      nextSeedImageId: honest.id,
      totalVotes: 10,
      totalSubmissions: 2,
    });
  });

  it("on: the veto hits the same leader the rollover would crown", async () => {
    const admin = await makeAdmin();
    await updateSettings({ excludeBannedVoters: true }, admin.id);
    const { day, stuffed, honest } = await stuffedDay();
    expect(await vetoLeader(admin.id, day.id, "checking the veto")).toEqual({ vetoedImageId: honest.id, newLeaderImageId: stuffed.id });
  });

  it("on: the moderation page shows as leader the image a veto would hit, with the counts it was ranked on", async () => {
    const admin = await makeAdmin();
    const { day, stuffed, honest } = await stuffedDay();
    const before = await listDayCandidates(day.id);
    expect(before.map((c) => c.id)).toEqual([stuffed.id, honest.id]);
    await updateSettings({ excludeBannedVoters: true }, admin.id);
    const after = await listDayCandidates(day.id);
    expect(after.map((c) => [c.id, c.eligible, c.counted])).toEqual([
      [honest.id, true, { upvotes: 3, downvotes: 0 }],
      [stuffed.id, true, { upvotes: 1, downvotes: 0 }],
    ]);
    expect(await vetoLeader(admin.id, day.id, "checking the veto", after[0]!.id)).toMatchObject({ vetoedImageId: honest.id });
  });
});
