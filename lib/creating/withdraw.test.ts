import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { englishOf } from "@/test/error-text";
import { makeUser, testImageFields, TEST_WORLD_ID } from "@/test/fixtures";
import { db } from "../server/db";
import { setVote } from "../voting/votes";
import { submitAttempt } from "./attempts";
import { withdrawSubmission } from "./withdraw";

async function openDayWithDrafts(creatorId: number, n: number) {
  const seed = await db.image.create({
    data: { prompt: "seed", status: "SEED", resultKey: "s.png", thumbKey: "s.png", width: 30, height: 20, provider: "bundled", model: "t" },
  });
  const date = new Date(Date.UTC(1100, 0, 1) + (Number.parseInt(randomBytes(3).toString("hex"), 16) % (800 * 365)) * 86_400_000);
  const day = await db.day.create({ data: { worldId: TEST_WORLD_ID, date, seedImageId: seed.id } });
  const drafts = [];
  for (let i = 0; i < n; i++)
    drafts.push(await db.image.create({ data: { dayId: day.id, parentId: seed.id, creatorId, prompt: `d${i}`, ...testImageFields } }));
  return { day, drafts };
}

const refused = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);
const events = (imageId: number) =>
  db.submissionEvent.findMany({ where: { imageId }, orderBy: { id: "asc" }, select: { action: true, userId: true } });

describe("withdrawSubmission", () => {
  it("takes a submission back before its first vote, gives the day's submission back and records both events", async () => {
    const user = await makeUser();
    const { day, drafts } = await openDayWithDrafts(user.id, 2);
    await submitAttempt(user.id, drafts[0]!.id);
    expect(await withdrawSubmission(user.id, drafts[0]!.id)).toEqual({ id: drafts[0]!.id });
    expect(await db.image.findUniqueOrThrow({ where: { id: drafts[0]!.id } })).toMatchObject({ status: "DRAFT", submittedAt: null });
    expect(await db.userDayUsage.findUniqueOrThrow({ where: { userId_dayId: { userId: user.id, dayId: day.id } } })).toMatchObject({
      submissions: 0,
    });
    expect(await events(drafts[0]!.id)).toEqual([
      { action: "SUBMIT", userId: user.id },
      { action: "WITHDRAW", userId: user.id },
    ]);
    // Replaced: the day's one submission goes to the other attempt.
    await submitAttempt(user.id, drafts[1]!.id);
    expect(await db.image.findUniqueOrThrow({ where: { id: drafts[1]!.id } })).toMatchObject({ status: "SUBMITTED" });
    // Not in the vote any more: nothing to withdraw.
    expect(await refused(withdrawSubmission(user.id, drafts[0]!.id))).toMatchObject({ code: "NOT_SUBMITTED" });
  });

  it("is refused once the submission has had a vote, even one taken back, and changes nothing", async () => {
    const user = await makeUser();
    const voter = await makeUser();
    const { drafts } = await openDayWithDrafts(user.id, 1);
    const id = drafts[0]!.id;
    await submitAttempt(user.id, id);
    await setVote({ userId: voter.id, imageId: id, value: 1 });
    await setVote({ userId: voter.id, imageId: id, value: 0 });
    const before = await db.image.findUniqueOrThrow({ where: { id } });
    const err = await refused(withdrawSubmission(user.id, id));
    expect(err).toMatchObject({ code: "WITHDRAW_AFTER_VOTE" });
    expect(englishOf(err)).toBe("This submission has already received a vote, so it can no longer be withdrawn.");
    expect(await db.image.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await events(id)).toEqual([{ action: "SUBMIT", userId: user.id }]);
  });

  it("refuses someone else's submission, a closed day's and a hidden one, writing nothing", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const { day, drafts } = await openDayWithDrafts(user.id, 2);
    await submitAttempt(user.id, drafts[0]!.id);
    const err = await refused(withdrawSubmission(other.id, drafts[0]!.id));
    expect(err).toMatchObject({ code: "NOT_FOUND" });
    expect(englishOf(err)).toBe("That attempt was not found among yours.");
    await db.image.update({ where: { id: drafts[0]!.id }, data: { hiddenAt: new Date() } });
    expect(await refused(withdrawSubmission(user.id, drafts[0]!.id))).toMatchObject({ code: "NOT_ALLOWED" });
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED" } });
    expect(await refused(withdrawSubmission(user.id, drafts[0]!.id))).toMatchObject({ code: "DAY_CLOSED" });
    expect(await refused(withdrawSubmission(user.id, 2_000_000_000))).toMatchObject({ code: "NOT_FOUND" });
    expect(await events(drafts[0]!.id)).toEqual([{ action: "SUBMIT", userId: user.id }]);
  });

  it("settles a withdrawal and a vote at the same moment one way or the other, never both", async () => {
    for (let round = 0; round < 8; round++) {
      const user = await makeUser();
      const voter = await makeUser();
      const { drafts } = await openDayWithDrafts(user.id, 1);
      const id = drafts[0]!.id;
      await submitAttempt(user.id, id);
      const [withdrawn, voted] = await Promise.all([
        refused(withdrawSubmission(user.id, id)),
        refused(setVote({ userId: voter.id, imageId: id, value: 1 })),
      ]);
      const image = await db.image.findUniqueOrThrow({ where: { id } });
      if (withdrawn === null) {
        expect(voted).toMatchObject({ code: "NOT_FOUND" });
        expect(image).toMatchObject({ status: "DRAFT", upvotes: 0 });
        expect(await db.voteEvent.count({ where: { imageId: id } })).toBe(0);
      } else {
        expect(withdrawn).toMatchObject({ code: "WITHDRAW_AFTER_VOTE" });
        expect(voted).toBeNull();
        expect(image).toMatchObject({ status: "SUBMITTED", upvotes: 1 });
      }
    }
  });
});
