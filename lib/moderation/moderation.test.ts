import { describe, expect, it } from "vitest";
import { closeDayAs, makeAdmin, makeImage, makeOldDay } from "@/test/admin";
import { makeUser } from "@/test/fixtures";
import { englishOf } from "@/test/error-text";
import { castVotes } from "@/test/rollover";
import { listDayCandidates } from "@/lib/moderation/candidates";
import { db } from "@/lib/server/db";
import { rankEligible } from "@/lib/voting/eligible-ranking";
import { getSettings } from "@/lib/settings/settings";
import { setVote } from "@/lib/voting/votes";
import { banUser, hideImage, unbanUser, unhideImage, vetoLeader } from "./moderation";

const auditOf = (targetType: string, targetId: number) =>
  db.auditLog.findMany({ where: { targetType, targetId: String(targetId) }, orderBy: { id: "asc" } });

describe("hideImage / unhideImage", () => {
  it("hides reversibly, out of the vote and the race, with an audit row for each change", async () => {
    const admin = await makeAdmin();
    const { day } = await makeOldDay();
    const best = await makeImage(day, { up: 9 });
    const other = await makeImage(day, { up: 2 });
    const voter = await makeUser();

    await hideImage(admin.id, best.id, "  offensive content  ");
    expect(await db.image.findUniqueOrThrow({ where: { id: best.id } })).toMatchObject({ hiddenReason: "offensive content" });
    expect((await rankEligible(db, day.id, (await getSettings()).excludeBannedVoters)).map((i) => i.id)).toEqual([other.id]);
    await expect(setVote({ userId: voter.id, imageId: best.id, value: 1 })).rejects.toMatchObject({ code: "HIDDEN" });

    await unhideImage(admin.id, best.id);
    expect(await db.image.findUniqueOrThrow({ where: { id: best.id } })).toMatchObject({ hiddenAt: null, hiddenReason: null });
    expect((await rankEligible(db, day.id, (await getSettings()).excludeBannedVoters)).map((i) => i.id)).toEqual([best.id, other.id]);

    const audit = await auditOf("image", best.id);
    expect(audit.map((a) => [a.action, a.adminId, a.reason])).toEqual([
      ["hide", admin.id, "offensive content"],
      ["unhide", admin.id, null],
    ]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ hiddenReason: "offensive content" });
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ hiddenReason: "offensive content" });
  });

  it("refuses bad targets with specific codes and records nothing", async () => {
    const admin = await makeAdmin();
    const { day, seed } = await makeOldDay();
    const draft = await makeImage(day, { draft: true });
    const hidden = await makeImage(day, { hidden: true });
    const shown = await makeImage(day);
    const winner = await makeImage(day, { up: 3 });
    await closeDayAs(day.id, winner.id);

    await expect(hideImage(admin.id, 2_000_000_000, "spam spam")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hideImage(admin.id, draft.id, "spam spam")).rejects.toMatchObject({ code: "NOT_SUBMITTED" });
    await expect(hideImage(admin.id, seed.id, "spam spam")).rejects.toMatchObject({ code: "NOT_SUBMITTED" });
    await expect(hideImage(admin.id, hidden.id, "spam spam")).rejects.toMatchObject({ code: "ALREADY_HIDDEN" });
    await expect(hideImage(admin.id, winner.id, "spam spam")).rejects.toMatchObject({ code: "WINNER" });
    const shortReason = await hideImage(admin.id, shown.id, " x ").catch((e: unknown) => e);
    expect(shortReason).toMatchObject({ code: "INVALID", detail: { code: "REASON_TOO_SHORT", values: { min: 3 } } });
    expect(englishOf(shortReason)).toBe("Give a reason of at least 3 characters.");
    await expect(unhideImage(admin.id, shown.id)).rejects.toMatchObject({ code: "NOT_HIDDEN" });
    await expect(unhideImage(admin.id, 2_000_000_000)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const id of [draft.id, hidden.id, shown.id, winner.id]) expect(await auditOf("image", id)).toEqual([]);
  });

  it("is for admins only, even when called directly", async () => {
    const { day } = await makeOldDay();
    const image = await makeImage(day);
    const participant = await makeUser();
    const bannedAdmin = await makeUser({ role: "ADMIN", bannedAt: new Date() });
    await expect(hideImage(participant.id, image.id, "not mine")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(hideImage(bannedAdmin.id, image.id, "not mine")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.image.findUniqueOrThrow({ where: { id: image.id } })).hiddenAt).toBeNull();
  });

  it("lets one of two admins hiding at once win; the other is told", async () => {
    const [a, b] = [await makeAdmin(), await makeAdmin()];
    const { day } = await makeOldDay();
    const image = await makeImage(day);
    const results = await Promise.allSettled([hideImage(a.id, image.id, "first one"), hideImage(b.id, image.id, "second one")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "ALREADY_HIDDEN" } });
    expect(await auditOf("image", image.id)).toHaveLength(1);
  });
});

describe("banUser / unbanUser", () => {
  it("bans (no more votes, images out of the race) and unbans, audited", async () => {
    const admin = await makeAdmin();
    const user = await makeUser();
    const { day } = await makeOldDay();
    const theirs = await makeImage(day, { up: 10, creatorId: user.id });
    const other = await makeImage(day, { up: 1 });

    await banUser(admin.id, user.id, "ballot stuffing");
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ banReason: "ballot stuffing" });
    await expect(setVote({ userId: user.id, imageId: other.id, value: 1 })).rejects.toMatchObject({ code: "BANNED" });
    expect((await rankEligible(db, day.id, (await getSettings()).excludeBannedVoters)).map((i) => i.id)).toEqual([other.id]);

    await unbanUser(admin.id, user.id);
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ bannedAt: null, banReason: null });
    expect((await rankEligible(db, day.id, (await getSettings()).excludeBannedVoters)).map((i) => i.id)).toEqual([theirs.id, other.id]);
    expect((await auditOf("user", user.id)).map((a) => a.action)).toEqual(["ban", "unban"]);
  });

  it("refuses a self-ban, unknown users, a second ban and unbanning the unbanned", async () => {
    const admin = await makeAdmin();
    const user = await makeUser();
    const self = await banUser(admin.id, admin.id, "testing self").catch((e: unknown) => e);
    expect(self).toMatchObject({ code: "SELF" });
    expect(englishOf(self)).toBe("You cannot ban yourself.");
    await expect(banUser(admin.id, 2_000_000_000, "nobody home")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(unbanUser(admin.id, user.id)).rejects.toMatchObject({ code: "NOT_BANNED" });
    await banUser(admin.id, user.id, "first ban");
    await expect(banUser(admin.id, user.id, "second ban")).rejects.toMatchObject({ code: "ALREADY_BANNED" });
    expect((await auditOf("user", user.id)).map((a) => a.action)).toEqual(["ban"]);
    expect(await auditOf("user", admin.id)).toEqual([]);
  });
});

describe("vetoLeader", () => {
  it("hides the leader the rollover would crown (ignoring hidden images and banned creators) and names the next", async () => {
    const admin = await makeAdmin();
    const { day } = await makeOldDay();
    await makeImage(day, { up: 50, hidden: true });
    await makeImage(day, { up: 50, creatorId: (await makeUser({ bannedAt: new Date() })).id });
    const leader = await makeImage(day, { up: 20, down: 1 });
    const second = await makeImage(day, { up: 5, down: 1 });

    expect(await vetoLeader(admin.id, day.id, "breaks the rules")).toEqual({ vetoedImageId: leader.id, newLeaderImageId: second.id });
    expect(await db.image.findUniqueOrThrow({ where: { id: leader.id } })).toMatchObject({ hiddenReason: "breaks the rules" });
    const [entry] = await auditOf("image", leader.id);
    expect(entry).toMatchObject({ action: "veto", adminId: admin.id, reason: "breaks the rules" });
    expect(JSON.parse(entry!.after!)).toMatchObject({ newLeaderImageId: second.id });

    expect(await vetoLeader(admin.id, day.id, "again please")).toEqual({ vetoedImageId: second.id, newLeaderImageId: null });
    await expect(vetoLeader(admin.id, day.id, "and again")).rejects.toMatchObject({ code: "NO_LEADER" });
  });

  it("hits the Wilson leader, not the most up-voted (10 up / 0 down over 12 up / 30 down), as the moderation page shows it", async () => {
    const admin = await makeAdmin();
    const { day } = await makeOldDay();
    // The most up-voted one is also submitted first and has the lower id, so no tie-break favours the other.
    const mostUp = await makeImage(day, { submittedAt: new Date(day.date.getTime() + 9 * 3_600_000) });
    const wilson = await makeImage(day, { submittedAt: new Date(day.date.getTime() + 15 * 3_600_000) });
    await castVotes(mostUp.id, 12, 30);
    await castVotes(wilson.id, 10, 0);

    expect((await listDayCandidates(day.id)).map((c) => [c.id, c.eligible])).toEqual([
      [wilson.id, true],
      [mostUp.id, true],
    ]);
    await expect(vetoLeader(admin.id, day.id, "looking at the other one", mostUp.id)).rejects.toMatchObject({ code: "LEADER_CHANGED" });
    expect(await vetoLeader(admin.id, day.id, "breaks the rules", wilson.id)).toEqual({
      vetoedImageId: wilson.id,
      newLeaderImageId: mostUp.id,
    });
    expect((await db.image.findUniqueOrThrow({ where: { id: mostUp.id } })).hiddenAt).toBeNull();
    const [entry] = await auditOf("image", wilson.id);
    expect(JSON.parse(entry!.before!)).toMatchObject({ rank: 1, upvotes: 10, downvotes: 0 });
  });

  it("refuses a closed or unknown day, and a leader other than the one expected", async () => {
    const admin = await makeAdmin();
    const { day } = await makeOldDay();
    const a = await makeImage(day, { up: 4 });
    const b = await makeImage(day, { up: 1 });
    await expect(vetoLeader(admin.id, day.id, "wrong one", b.id)).rejects.toMatchObject({ code: "LEADER_CHANGED" });
    expect((await db.image.findUniqueOrThrow({ where: { id: a.id } })).hiddenAt).toBeNull();
    await closeDayAs(day.id, a.id);
    await expect(vetoLeader(admin.id, day.id, "too late")).rejects.toMatchObject({ code: "DAY_CLOSED" });
    await expect(vetoLeader(admin.id, 2_000_000_000, "no such day")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditOf("image", a.id)).toEqual([]);
  });
});
