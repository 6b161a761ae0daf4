import "@/test/isolated-db";
import { randomInt } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { makeUser, TEST_WORLD_ID } from "@/test/fixtures";
import { castVotes } from "@/test/rollover";
import { db } from "../server/db";
import { invalidateSettingsCache, updateSettings } from "../settings/settings";
import { getVoteFeed } from "./feed";
import { setVote } from "./votes";

async function dayWithSubmissions(n: number) {
  const creator = await makeUser();
  const seed = await db.image.create({
    data: { prompt: "seed", status: "SEED", resultKey: "s.png", thumbKey: "s.png", width: 30, height: 20, provider: "bundled", model: "t" },
  });
  const day = await db.day.create({
    data: { worldId: TEST_WORLD_ID, date: new Date(Date.UTC(1100, 0, 1) + randomInt(0, 800 * 365) * 86_400_000), seedImageId: seed.id },
  });
  const images = [];
  for (let i = 0; i < n; i++) {
    images.push(
      await db.image.create({
        data: {
          dayId: day.id,
          parentId: seed.id,
          creatorId: creator.id,
          prompt: `p${i}`,
          status: "SUBMITTED",
          submittedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
          resultKey: `r${i}.png`,
          thumbKey: `t${i}.webp`,
          width: 30,
          height: 20,
          provider: "offline",
          model: "t",
        },
      }),
    );
  }
  return { day, images, creator };
}

afterEach(async () => {
  await db.setting.deleteMany();
  invalidateSettingsCache();
});

describe("getVoteFeed and the herding controls", () => {
  it("hides tallies until the viewer votes, and authors, by default", async () => {
    const { day, images } = await dayWithSubmissions(3);
    const viewer = await makeUser();
    let feed = (await getVoteFeed(day.id, viewer.id))!;
    expect(feed.items.every((i) => i.tally === null && i.author === null && i.myVote === 0)).toBe(true);
    await setVote({ userId: viewer.id, imageId: images[1]!.id, value: 1 });
    feed = (await getVoteFeed(day.id, viewer.id))!;
    const voted = feed.items.find((i) => i.id === images[1]!.id)!;
    expect(voted).toMatchObject({ myVote: 1, tally: { up: 1, down: 0 } });
    expect(feed.items.filter((i) => i.id !== images[1]!.id).every((i) => i.tally === null)).toBe(true);
  });

  it("shows tallies and authors when the experiment says so, and records tallies as visible", async () => {
    const { day, images, creator } = await dayWithSubmissions(2);
    await updateSettings({ hideTalliesUntilVoted: false, hideAuthors: false }, null);
    const viewer = await makeUser();
    const feed = (await getVoteFeed(day.id, viewer.id))!;
    expect(feed.items.every((i) => i.tally !== null && i.author?.displayName === creator.displayName)).toBe(true);
    await setVote({ userId: viewer.id, imageId: images[0]!.id, value: -1 });
    expect((await db.vote.findFirstOrThrow({ where: { userId: viewer.id } })).talliesVisible).toBe(true);
  });

  it("orders images per voter, stable across reloads, or newest first when randomising is off", async () => {
    const { day, images } = await dayWithSubmissions(12);
    const [v1, v2] = [await makeUser(), await makeUser()];
    const order = async (id: number) => (await getVoteFeed(day.id, id))!.items.map((i) => i.id);
    expect(await order(v1.id)).toEqual(await order(v1.id));
    expect(await order(v1.id)).not.toEqual(await order(v2.id));
    expect((await getVoteFeed(day.id, v1.id))!.items.map((i) => i.position)).toEqual([...Array(12).keys()]);
    await updateSettings({ randomizeOrder: false }, null);
    expect(await order(v1.id)).toEqual(images.map((i) => i.id).reverse());
  });

  it("leaves out hidden images and shows a closed day as its final ranking", async () => {
    const { day, images } = await dayWithSubmissions(3);
    await db.image.update({ where: { id: images[0]!.id }, data: { hiddenAt: new Date() } });
    await db.image.update({ where: { id: images[2]!.id }, data: { upvotes: 5 } });
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED" } });
    const feed = (await getVoteFeed(day.id, null))!;
    expect(feed.day.closed).toBe(true);
    expect(feed.items.map((i) => i.id)).toEqual([images[2]!.id, images[1]!.id]);
    expect(feed.items.every((i) => i.tally !== null)).toBe(true);
  });

  it("ranks a closed day (the /days/[date] page) by the Wilson bound, not by up-votes or up minus down", async () => {
    // Made in this order, so submission time and id favour the other two over the Wilson leader.
    const { day, images } = await dayWithSubmissions(3);
    const [fewestNet, mostUp, wilson] = images.map((i) => i.id) as [number, number, number];
    await castVotes(fewestNet, 12, 30); // Wilson 0.17, net -18
    await castVotes(mostUp, 40, 25); // Wilson 0.49, net +15
    await castVotes(wilson, 10, 0); // Wilson 0.72, net +10
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED" } });
    const feed = (await getVoteFeed(day.id, null))!;
    expect(feed.items.map((i) => [i.id, i.tally])).toEqual([
      [wilson, { up: 10, down: 0 }],
      [mostUp, { up: 40, down: 25 }],
      [fewestNet, { up: 12, down: 30 }],
    ]);
  });

  it("ranks a closed day as the rollover decided it: the recorded winner first, a banned creator's image after the race", async () => {
    const { day, images } = await dayWithSubmissions(3);
    const [winner, second, banned] = images.map((i) => i.id) as [number, number, number];
    await castVotes(winner, 6, 0);
    await castVotes(second, 3, 0);
    // The best tally of the day, but its creator is banned: it could not win, and is not shown as winning.
    const bannedCreator = await makeUser({ bannedAt: new Date() });
    await db.image.update({ where: { id: banned }, data: { creatorId: bannedCreator.id } });
    await castVotes(banned, 30, 0);
    // The recorded result stands even if the race has moved since the close (here: by fiat).
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED", winnerImageId: second } });
    const feed = (await getVoteFeed(day.id, null))!;
    expect(feed.items.map((i) => i.id)).toEqual([second, winner, banned]);
  });

  it("lets people vote on their own images only when self-voting is allowed", async () => {
    const { images, creator } = await dayWithSubmissions(1);
    await expect(setVote({ userId: creator.id, imageId: images[0]!.id, value: 1 })).rejects.toMatchObject({ code: "OWN_IMAGE" });
    await updateSettings({ allowSelfVoting: true }, null);
    await expect(setVote({ userId: creator.id, imageId: images[0]!.id, value: 1 })).resolves.toMatchObject({ upvotes: 1 });
  });
});
