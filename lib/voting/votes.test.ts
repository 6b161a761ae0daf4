import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeUser, testImageFields, TEST_WORLD_ID } from "@/test/fixtures";
import { db } from "../server/db";
import { invalidateSettingsCache, updateSettings } from "../settings/settings";
import { setVote, type VoteValue } from "./votes";

async function openDayWith(n: number, creatorId?: number) {
  const seed = await db.image.create({
    data: { prompt: "seed", status: "SEED", resultKey: "s.png", thumbKey: "s.png", width: 30, height: 20, provider: "bundled", model: "t" },
  });
  const date = new Date(Date.UTC(1100, 0, 1) + randomInt(0, 800 * 365) * 86_400_000);
  const day = await db.day.create({ data: { worldId: TEST_WORLD_ID, date, seedImageId: seed.id } });
  const creator = creatorId ?? (await makeUser()).id;
  const images = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.image.create({
        data: {
          dayId: day.id,
          parentId: seed.id,
          creatorId: creator,
          prompt: `i${i}`,
          status: "SUBMITTED",
          submittedAt: new Date(),
          ...testImageFields,
        },
      }),
    ),
  );
  return { day, images };
}

async function counters(imageId: number) {
  return db.image.findUniqueOrThrow({ where: { id: imageId }, select: { upvotes: true, downvotes: true } });
}

describe("setVote", () => {
  it("votes, clears and switches, keeping counters equal to the Vote rows", async () => {
    const voter = await makeUser();
    const { images } = await openDayWith(1);
    const id = images[0]!.id;
    expect(await setVote({ userId: voter.id, imageId: id, value: 1, position: 3 })).toMatchObject({ value: 1, upvotes: 1, downvotes: 0 });
    const row = await db.vote.findUniqueOrThrow({ where: { userId_imageId: { userId: voter.id, imageId: id } } });
    expect([row.value, row.position, row.talliesVisible]).toEqual([1, 3, false]);
    expect(await setVote({ userId: voter.id, imageId: id, value: -1 })).toMatchObject({ value: -1, upvotes: 0, downvotes: 1 });
    expect((await db.vote.findUniqueOrThrow({ where: { id: row.id } })).talliesVisible).toBe(true);
    expect(await setVote({ userId: voter.id, imageId: id, value: 0 })).toMatchObject({ value: 0, upvotes: 0, downvotes: 0 });
    expect(await db.vote.count({ where: { imageId: id } })).toBe(0);
  });

  it("keeps every change as an event: cast, switch, retract and re-cast give four, each with what it replaced", async () => {
    const voter = await makeUser();
    const { day, images } = await openDayWith(1);
    const id = images[0]!.id;
    await setVote({ userId: voter.id, imageId: id, value: 1, position: 4, locale: "es" });
    await setVote({ userId: voter.id, imageId: id, value: -1, position: 2, locale: "es" });
    // The same value again changes nothing, so it is no event.
    await setVote({ userId: voter.id, imageId: id, value: -1, position: 2 });
    await setVote({ userId: voter.id, imageId: id, value: 0, position: 7 });
    await setVote({ userId: voter.id, imageId: id, value: 1, position: 0, locale: "ar" });
    const events = await db.voteEvent.findMany({ where: { userId: voter.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.imageId, e.dayId, e.previous, e.value, e.position, e.talliesVisible, e.locale])).toEqual([
      [id, day.id, 0, 1, 4, false, "es"],
      [id, day.id, 1, -1, 2, true, "es"],
      [id, day.id, -1, 0, 7, true, null],
      // Retracted, the tallies are hidden again until this vote.
      [id, day.id, 0, 1, 0, false, "ar"],
    ]);
    expect(await db.vote.findMany({ where: { imageId: id }, select: { value: true } })).toEqual([{ value: 1 }]);
  });

  it("writes no event for a refused vote, and records tallies as seen when the experiment shows them to all", async () => {
    const creator = await makeUser();
    const voter = await makeUser();
    const { day, images } = await openDayWith(1, creator.id);
    const id = images[0]!.id;
    await expect(setVote({ userId: creator.id, imageId: id, value: 1 })).rejects.toMatchObject({ code: "OWN_IMAGE" });
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED" } });
    await expect(setVote({ userId: voter.id, imageId: id, value: 1 })).rejects.toMatchObject({ code: "DAY_CLOSED" });
    expect(await db.voteEvent.count({ where: { imageId: id } })).toBe(0);
    await db.day.update({ where: { id: day.id }, data: { status: "OPEN" } });
    await updateSettings({ hideTalliesUntilVoted: false }, null);
    try {
      await setVote({ userId: voter.id, imageId: id, value: 1 });
    } finally {
      await db.setting.deleteMany();
      invalidateSettingsCache();
    }
    expect(await db.voteEvent.findMany({ where: { imageId: id }, select: { previous: true, value: true, talliesVisible: true } })).toEqual([
      { previous: 0, value: 1, talliesVisible: true },
    ]);
  });

  it("counts a repeated vote once: one row per user and image", async () => {
    const voter = await makeUser();
    const { images } = await openDayWith(1);
    const id = images[0]!.id;
    await Promise.all(Array.from({ length: 8 }, () => setVote({ userId: voter.id, imageId: id, value: 1 })));
    expect(await counters(id)).toEqual({ upvotes: 1, downvotes: 0 });
    expect(await db.vote.count({ where: { imageId: id } })).toBe(1);
    // The database refuses a second row outright.
    await expect(db.vote.create({ data: { userId: voter.id, imageId: id, value: 1 } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses own images, hidden images, closed days, drafts and banned voters, changing nothing", async () => {
    const creator = await makeUser();
    const voter = await makeUser();
    const banned = await makeUser({ bannedAt: new Date() });
    const { day, images } = await openDayWith(3, creator.id);
    const [a, b, c] = images.map((i) => i.id) as [number, number, number];
    await expect(setVote({ userId: creator.id, imageId: a, value: 1 })).rejects.toMatchObject({ code: "OWN_IMAGE" });
    await expect(setVote({ userId: banned.id, imageId: a, value: 1 })).rejects.toMatchObject({ code: "BANNED" });
    await db.image.update({ where: { id: b }, data: { hiddenAt: new Date() } });
    await expect(setVote({ userId: voter.id, imageId: b, value: 1 })).rejects.toMatchObject({ code: "HIDDEN" });
    await db.image.update({ where: { id: c }, data: { status: "DRAFT" } });
    await expect(setVote({ userId: voter.id, imageId: c, value: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setVote({ userId: voter.id, imageId: 2_000_000_000, value: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED" } });
    await expect(setVote({ userId: voter.id, imageId: a, value: 1 })).rejects.toMatchObject({ code: "DAY_CLOSED" });
    expect(await db.vote.count({ where: { imageId: { in: [a, b, c] } } })).toBe(0);
    expect(await counters(a)).toEqual({ upvotes: 0, downvotes: 0 });
  });

  it("stays exact under 5,000 parallel vote/clear/switch operations by 200 users", async () => {
    const { images } = await openDayWith(20);
    const users = await Promise.all(Array.from({ length: 200 }, () => makeUser()));
    const values: VoteValue[] = [1, -1, 0];
    const ops = Array.from({ length: 5000 }, () => ({
      userId: users[randomInt(0, users.length)]!.id,
      imageId: images[randomInt(0, images.length)]!.id,
      value: values[randomInt(0, 3)]!,
    }));
    // Each user clicks in sequence, as a person does; the 200 users all act at once.
    const errors: string[] = [];
    await Promise.all(
      users.map(async (u) => {
        for (const op of ops.filter((o) => o.userId === u.id)) {
          await setVote(op).catch((e: unknown) => errors.push(e instanceof Error ? e.message : String(e)));
        }
      }),
    );
    expect(errors.slice(0, 3)).toEqual([]);
    for (const img of images) {
      const [up, down, c] = await Promise.all([
        db.vote.count({ where: { imageId: img.id, value: 1 } }),
        db.vote.count({ where: { imageId: img.id, value: -1 } }),
        counters(img.id),
      ]);
      expect(c).toEqual({ upvotes: up, downvotes: down });
      // The events replay to the same tallies, and each voter's last event is their vote as it stands.
      const events = await db.voteEvent.findMany({ where: { imageId: img.id }, orderBy: { id: "asc" } });
      const net = (v: number) => events.reduce((n, e) => n + (e.value === v ? 1 : 0) - (e.previous === v ? 1 : 0), 0);
      expect({ upvotes: net(1), downvotes: net(-1) }).toEqual(c);
      const last = new Map(events.map((e) => [e.userId, e.value]));
      const rows = await db.vote.findMany({ where: { imageId: img.id }, select: { userId: true, value: true } });
      expect(new Map(rows.map((r) => [r.userId, r.value]))).toEqual(new Map([...last].filter(([, v]) => v !== 0)));
      // Each event starts from where the voter's previous one ended.
      const before = new Map<number, number>();
      for (const e of events) {
        expect(e.previous).toBe(before.get(e.userId) ?? 0);
        before.set(e.userId, e.value);
      }
    }
    expect(await db.vote.count({ where: { imageId: { in: images.map((i) => i.id) } } })).toBeGreaterThan(0);
  }, 120_000);
});
