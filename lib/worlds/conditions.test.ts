// Its own database: a study of three worlds under different conditions.
import "@/test/isolated-db";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestStudy } from "@/test/worlds";
import { makeUser, testImageFields } from "@/test/fixtures";
import { dateFromKey, todayKey } from "../server/clock";
import { db } from "../server/db";
import { DEFAULT_SETTINGS } from "../settings/schema";
import { getVoteFeed } from "../voting/feed";
import { setVote } from "../voting/votes";
import { assignWorld } from "./assignment";
import { applyConditions, conditionLabel, getWorldSettings, parseConditionLabel, parseConditions } from "./conditions";

describe("applyConditions", () => {
  it("lays a world's conditions over the study's settings, keeping the switches in step with the modes", () => {
    const plain = applyConditions(DEFAULT_SETTINGS, {});
    // The defaults: tallies after voting, random order.
    expect(plain).toMatchObject({ tallies: "afterVote", order: "random", hideTalliesUntilVoted: true, randomizeOrder: true });
    expect(applyConditions({ ...DEFAULT_SETTINGS, hideTalliesUntilVoted: false, randomizeOrder: false }, {})).toMatchObject({
      tallies: "always",
      order: "newest",
    });
    expect(
      applyConditions(DEFAULT_SETTINGS, { tallies: "never", order: "score", allowSelfVoting: true, generationQuota: 3 }),
    ).toMatchObject({
      tallies: "never",
      order: "score",
      hideTalliesUntilVoted: true,
      randomizeOrder: false,
      allowSelfVoting: true,
      generationQuota: 3,
    });
    // Bounds that would cross are the study's.
    expect(applyConditions(DEFAULT_SETTINGS, { minMaskCoverage: 0.95 })).toMatchObject({ minMaskCoverage: 0.01, maxMaskCoverage: 0.9 });
  });

  it("labels a condition with everything a world can set, and reads the label back", () => {
    const plain = applyConditions(DEFAULT_SETTINGS, {});
    const label = conditionLabel(plain);
    expect(label).toBe(
      "tallies=afterVote;order=random;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
    );
    // Worlds that differ only in a quota or a mask bound are different conditions.
    expect(conditionLabel(applyConditions(DEFAULT_SETTINGS, { generationQuota: 3 }))).not.toBe(label);
    expect(conditionLabel(applyConditions(DEFAULT_SETTINGS, { maxMaskCoverage: 0.5 }))).not.toBe(label);
    expect(parseConditionLabel(label)).toMatchObject({ tallies: "afterVote", generationQuota: 10, maxMaskCoverage: 0.9 });
    for (const bad of [null, "", "tallies=afterVote;order=random;hideAuthors=true;allowSelfVoting=false", label.replace("=10", "=ten")])
      expect(parseConditionLabel(bad)).toBeNull();
  });

  it("reads stored conditions, and counts unreadable ones as none", () => {
    expect(parseConditions('{"tallies":"never"}')).toEqual({ tallies: "never" });
    for (const bad of [null, "", "not json", '{"tallies":"sometimes"}', '{"unknown":1}', "[1]"]) expect(parseConditions(bad)).toEqual({});
  });
});

describe("worlds under different conditions", () => {
  const worlds: number[] = [];
  beforeAll(async () => {
    const conditions = [{ tallies: "never", order: "score" }, { tallies: "always", order: "newest", allowSelfVoting: true }, null];
    worlds.push(
      ...(
        await startTestStudy(
          conditions.map((c) => ({ conditions: c })),
          "conditions",
        )
      ).worldIds,
    );
  });

  /** Today's day in `worldId` with submissions of these tallies (newest last), and a voter in that world. */
  async function scene(worldId: number, tallies: [number, number][]) {
    const seed = await db.image.create({
      data: {
        prompt: "seed",
        status: "SEED",
        resultKey: "s.png",
        thumbKey: "s.png",
        width: 30,
        height: 20,
        provider: "bundled",
        model: "t",
      },
    });
    const day = await db.day.create({ data: { worldId, date: dateFromKey(todayKey()), seedImageId: seed.id } });
    const creator = await makeUser();
    const images = [];
    for (const [i, [up, down]] of tallies.entries())
      images.push(
        await db.image.create({
          data: {
            dayId: day.id,
            parentId: seed.id,
            creatorId: creator.id,
            prompt: `p${i}`,
            status: "SUBMITTED",
            submittedAt: new Date(Date.now() + i * 1000),
            upvotes: up,
            downvotes: down,
            ...testImageFields,
          },
        }),
      );
    const voter = await makeUser();
    await assignWorld(voter.id, { worldId });
    return { day, creator, images, voter };
  }

  /** A submission of the voter's own on the day. */
  const ownSubmission = (day: { id: number; seedImageId: number }, userId: number) =>
    db.image.create({
      data: {
        dayId: day.id,
        parentId: day.seedImageId,
        creatorId: userId,
        prompt: "mine",
        status: "SUBMITTED",
        submittedAt: new Date(),
        ...testImageFields,
      },
    });

  it("never shows tallies where the world says never, not even after a vote or in the vote's answer, and orders by score", async () => {
    const { day, images, voter } = await scene(worlds[0]!, [
      [1, 0],
      [9, 1],
      [0, 4],
    ]);
    expect(await getWorldSettings(worlds[0]!)).toMatchObject({ tallies: "never", order: "score" });
    const before = (await getVoteFeed(day.id, voter.id))!;
    // By score: 9/1 first, then 1/0, then 0/4.
    expect(before.items.map((i) => i.id)).toEqual([images[1]!.id, images[0]!.id, images[2]!.id]);
    const outcome = await setVote({ userId: voter.id, imageId: images[2]!.id, value: 1 });
    expect(outcome).toEqual({ imageId: images[2]!.id, value: 1, upvotes: null, downvotes: null });
    const after = (await getVoteFeed(day.id, voter.id))!;
    expect(after.items.every((i) => i.tally === null)).toBe(true);
    expect(await db.voteEvent.findFirstOrThrow({ where: { userId: voter.id } })).toMatchObject({ talliesVisible: false });
    // The vote counted all the same.
    expect(await db.image.findUniqueOrThrow({ where: { id: images[2]!.id } })).toMatchObject({ upvotes: 1 });
  });

  it("shows tallies before any vote and allows self-voting where the world says so, newest first", async () => {
    const { day, images, voter } = await scene(worlds[1]!, [
      [3, 0],
      [0, 0],
    ]);
    const feed = (await getVoteFeed(day.id, voter.id))!;
    expect(feed.items.map((i) => [i.id, i.tally])).toEqual([
      [images[1]!.id, { up: 0, down: 0 }],
      [images[0]!.id, { up: 3, down: 0 }],
    ]);
    await setVote({ userId: voter.id, imageId: images[0]!.id, value: -1 });
    expect(await db.voteEvent.findFirstOrThrow({ where: { userId: voter.id } })).toMatchObject({ talliesVisible: true });
    // Self-voting: on in this world.
    const own = await ownSubmission(day, voter.id);
    expect(await setVote({ userId: voter.id, imageId: own.id, value: 1 })).toMatchObject({ value: 1, upvotes: 1 });
  });

  it("keeps the study's settings in a world without conditions: tallies after voting, no self-voting", async () => {
    const { day, images, voter } = await scene(worlds[2]!, [[2, 0]]);
    expect((await getVoteFeed(day.id, voter.id))!.items[0]!.tally).toBeNull();
    expect(await setVote({ userId: voter.id, imageId: images[0]!.id, value: 1 })).toMatchObject({ upvotes: 3, downvotes: 0 });
    expect((await getVoteFeed(day.id, voter.id))!.items[0]!.tally).toEqual({ up: 3, down: 0 });
    const own = await ownSubmission(day, voter.id);
    await expect(setVote({ userId: voter.id, imageId: own.id, value: 1 })).rejects.toMatchObject({ code: "OWN_IMAGE" });
  });
});
