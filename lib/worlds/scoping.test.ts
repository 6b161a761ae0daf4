// Its own database: a study of two worlds, which every other file's pages would see. A
// participant of one world asks for the other world's images, days and votes through the real
// actions and routes (only the session is faked): each is refused as not found, and nothing changes.
import "@/test/isolated-db";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { startTestStudy } from "@/test/worlds";
import { makeUser, testImageFields } from "@/test/fixtures";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: "2999-01-01" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { db } = await import("@/lib/server/db");
const { dateFromKey, todayKey } = await import("@/lib/server/clock");
const { assignWorld } = await import("./assignment");
const voteActions = await import("@/lib/voting/actions");
const createActions = await import("@/lib/creating/actions");
const voteRoute = await import("@/app/api/vote/route");
const feedRoute = await import("@/app/api/vote/images/route");
const { canView, getImagePage } = await import("@/lib/days/lineage");

const w = { a: 0, b: 0 };
const people = { a: 0, b: 0 };
const imageOf = { a: 0, b: 0 };
const dayOf = { a: 0, b: 0 };
/** A date only world B has a day on. */
const onlyB = "1777-07-07";

beforeAll(async () => {
  [w.a, w.b] = (await startTestStudy([{}, {}], "two worlds")).worldIds as [number, number];
  const seed = await db.image.create({
    data: { prompt: "seed", status: "SEED", resultKey: "s.png", thumbKey: "s.png", width: 30, height: 20, provider: "bundled", model: "t" },
  });
  for (const k of ["a", "b"] as const) {
    people[k] = (await makeUser()).id;
    await assignWorld(people[k], { worldId: w[k] });
    const creator = (await makeUser()).id;
    const day = await db.day.create({ data: { worldId: w[k], date: dateFromKey(todayKey()), seedImageId: seed.id } });
    dayOf[k] = day.id;
    imageOf[k] = (
      await db.image.create({
        data: { dayId: day.id, parentId: seed.id, creatorId: creator, prompt: k, status: "SUBMITTED", ...testImageFields },
      })
    ).id;
  }
  await db.day.create({ data: { worldId: w.b, date: dateFromKey(onlyB), seedImageId: seed.id, status: "CLOSED" } });
});

async function sessionCookie(userId: number): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  return `next-auth.session-token=${await encode({ token: { uid: userId, sub: String(userId) }, secret: process.env.NEXTAUTH_SECRET! })}`;
}

const snapshot = async () =>
  JSON.stringify(await db.$queryRawUnsafe("CHECKSUM TABLE Vote, VoteEvent, Flag, Image, Day"), (_, v) =>
    typeof v === "bigint" ? String(v) : v,
  );

describe("the researchers' view", () => {
  it("shows every world side by side: its participants, its open day and its lineage from the first seed", async () => {
    const { worldsOverview } = await import("./overview");
    const overview = await worldsOverview();
    expect(overview.worlds.map((x) => [x.id, x.position, x.name, x.participants, x.today?.submissions])).toEqual([
      [w.a, 1, "W1", 1, 1],
      [w.b, 2, "W2", 1, 1],
    ]);
    // World B's first day is the closed one of 1777; both lineages start from the shared seed.
    expect(overview.worlds.map((x) => x.strip.map((s) => [s.dateKey, s.firstSeed]))).toEqual([[[todayKey(), true]], [[onlyB, true]]]);
  });
});

describe("a participant of world A", () => {
  it("cannot vote on, flag or see world B's images, by action or route, and changes nothing trying", async () => {
    session.userId = people.a;
    const before = await snapshot();
    expect(await voteActions.voteAction({ imageId: imageOf.b, value: 1 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await voteActions.flagAction({ imageId: imageOf.b, reason: "not from my world at all" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const res = await voteRoute.POST(
      new Request("http://app.test/api/vote", {
        method: "POST",
        body: JSON.stringify({ imageId: imageOf.b, value: 1 }),
        headers: { "content-type": "application/json", origin: "http://app.test", cookie: await sessionCookie(people.a) },
      }),
    );
    expect(res.status).toBe(404);
    expect(await createActions.withdrawAction({ imageId: imageOf.b })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Generating on world B's day: refused before the mask is even read, as a day that is not open.
    const form = new FormData();
    form.set("dayId", String(dayOf.b));
    form.set("prompt", "a red kite");
    form.set("mask", new File([new Uint8Array([137, 80, 78, 71])], "mask.png", { type: "image/png" }));
    expect(await createActions.generateAction(form)).toMatchObject({ ok: false, code: "DAY_CLOSED" });
    expect(await snapshot()).toBe(before);

    const page = (await getImagePage(imageOf.b))!;
    expect(canView(page.image, { id: people.a, worldId: w.a }, false)).toBe(false);
    expect(canView(page.image, { id: people.b, worldId: w.b }, false)).toBe(true);
    // Admins see every world.
    expect(canView(page.image, { id: null, worldId: w.a }, true)).toBe(true);
  });

  it("gets their own world's day from the feed, and a date only world B has is not found", async () => {
    session.userId = people.a;
    const feed = await feedRoute.GET(new Request("http://app.test/api/vote/images"));
    const body = (await feed.json()) as { day: { id: number }; items: { id: number }[] };
    expect(body.day.id).toBe(dayOf.a);
    expect(body.items.map((i) => i.id)).toEqual([imageOf.a]);
    expect((await feedRoute.GET(new Request(`http://app.test/api/vote/images?day=${onlyB}`))).status).toBe(404);
    session.userId = people.b;
    expect((await feedRoute.GET(new Request(`http://app.test/api/vote/images?day=${onlyB}`))).status).toBe(200);
  });

  it("sees only their own world on every page: days, lineage, winners, timelapse, leaderboards, progress", async () => {
    // World B's 1777 day closes with a winner of its own, made by a creator of world B.
    const { findFeedDay } = await import("@/lib/voting/feed");
    const { listWinners, listTimelapseFrames } = await import("@/lib/days/days");
    const { listLineage } = await import("@/lib/days/lineage");
    const { creatorsLeaderboard } = await import("@/lib/rewards/leaderboards");
    const oldDay = await db.day.findFirstOrThrow({ where: { worldId: w.b, date: dateFromKey(onlyB) } });
    const winner = await db.image.create({
      data: {
        dayId: oldDay.id,
        parentId: oldDay.seedImageId,
        creatorId: people.b,
        prompt: "b's winner",
        status: "SUBMITTED",
        ...testImageFields,
      },
    });
    await db.day.update({ where: { id: oldDay.id }, data: { winnerImageId: winner.id } });

    // /days/[date]: the viewer's world's day of that date, or none.
    expect(await findFeedDay({ worldId_date: { worldId: w.a, date: dateFromKey(onlyB) } })).toBeNull();
    expect((await findFeedDay({ worldId_date: { worldId: w.b, date: dateFromKey(onlyB) } }))?.id).toBe(oldDay.id);
    // /lineage, /winners, the timelapse: only their own world's days and pictures.
    const lineageA = await listLineage(w.a);
    expect(lineageA.map((d) => d.dateKey)).toEqual([todayKey()]);
    expect(lineageA.flatMap((d) => d.submissions.map((i) => i.id))).toEqual([imageOf.a]);
    expect((await listLineage(w.b)).map((d) => d.dateKey)).toEqual([todayKey(), onlyB]);
    expect(await listWinners(w.a)).toEqual([]);
    expect((await listWinners(w.b)).map((x) => x.image.id)).toEqual([winner.id]);
    expect((await listTimelapseFrames(w.a)).map((f) => f.image.id)).not.toContain(winner.id);
    expect((await listTimelapseFrames(w.b)).map((f) => f.image.id)).toContain(winner.id);
    // /leaderboard: world B's creator is not on world A's board.
    const boardA = (await creatorsLeaderboard({ worldId: w.a, sinceDays: null, take: 10 })).map((r) => r.creatorId);
    expect(boardA).not.toContain(people.b);
    expect((await creatorsLeaderboard({ worldId: w.b, sinceDays: null, take: 10 })).map((r) => r.creatorId)).toContain(people.b);
  });

  it("votes in their own world as before", async () => {
    session.userId = people.a;
    expect(await voteActions.voteAction({ imageId: imageOf.a, value: 1 })).toMatchObject({ ok: true, data: { value: 1, upvotes: 1 } });
  });
});
