// The vote feed one page at a time: pages that add up to exactly the viewer's full order, with
// global positions; cursors that cannot be forged, borrowed or outlive their order; the
// exposure-balanced sample; and the exposures recorded as pages are served.
import "@/test/isolated-db";
import { randomInt } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeUser, testImageFields, TEST_WORLD_ID } from "@/test/fixtures";
import { castVotes } from "@/test/rollover";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: "2999-01-01" } : null),
}));

const { db } = await import("../server/db");
const { keyFromDate } = await import("../server/clock");
const { invalidateSettingsCache, updateSettings } = await import("../settings/settings");
const { getVoteFeed } = await import("./feed");
const { seededShuffle } = await import("./shuffle");
const { voterSample } = await import("./vote-sample");
const { getStorage } = await import("../storage");
const { GET: feedRoute } = await import("@/app/api/vote/images/route");

async function dayWithSubmissions(n: number, creatorId?: number) {
  const creator = creatorId ?? (await makeUser()).id;
  const seed = await db.image.create({
    data: { prompt: "seed", status: "SEED", resultKey: "s.png", thumbKey: "s.png", width: 30, height: 20, provider: "bundled", model: "t" },
  });
  const day = await db.day.create({
    data: { worldId: TEST_WORLD_ID, date: new Date(Date.UTC(1100, 0, 1) + randomInt(0, 800 * 365) * 86_400_000), seedImageId: seed.id },
  });
  const images = [];
  for (let i = 0; i < n; i++) images.push(await submit(day.id, seed.id, creator, i));
  return { day, seed, images, creator };
}

function submit(dayId: number, seedId: number, creatorId: number, i: number) {
  const at = new Date(Date.UTC(2026, 0, 1, 0, i));
  return db.image.create({
    data: { dayId, parentId: seedId, creatorId, prompt: `p${i}`, status: "SUBMITTED", submittedAt: at, createdAt: at, ...testImageFields },
  });
}

/** Every page of a viewer's feed, in order, following the cursors. */
async function allPages(dayId: number, viewerId: number | null, pageSize: number) {
  const pages = [];
  let cursor: string | null = null;
  do {
    const page: NonNullable<Awaited<ReturnType<typeof getVoteFeed>>> = (await getVoteFeed(dayId, viewerId, { cursor, pageSize }))!;
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}

const ids = (pages: { items: { id: number }[] }[]) => pages.flatMap((p) => p.items.map((i) => i.id));
const positions = (pages: { items: { position: number }[] }[]) => pages.flatMap((p) => p.items.map((i) => i.position));

afterEach(async () => {
  await db.setting.deleteMany();
  invalidateSettingsCache();
  session.userId = null;
});

describe("pages of the vote feed", () => {
  it("add up to exactly the voter's seeded shuffle, with global positions, signing URLs for one page only", async () => {
    const { day, images } = await dayWithSubmissions(13);
    const voter = await makeUser();
    const pages = await allPages(day.id, voter.id, 5);
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 3]);
    expect(pages.every((p) => p.total === 13)).toBe(true);
    // The order of the whole-list feed: the shuffle of the newest-first list, seeded by day and voter.
    const newestFirst = [...images].reverse().map((i) => i.id);
    expect(ids(pages)).toEqual(seededShuffle(newestFirst, `${day.id}:${voter.id}`));
    expect(ids(pages)).toEqual((await getVoteFeed(day.id, voter.id, { pageSize: 100 }))!.items.map((i) => i.id));
    expect(positions(pages)).toEqual([...Array(13).keys()]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    // URLs are signed for one page only (its thumbnails and pictures, and the seed), not all 13.
    const signed = vi.spyOn(getStorage(), "url");
    await getVoteFeed(day.id, voter.id, { pageSize: 5 });
    expect(signed).toHaveBeenCalledTimes(5 * 2 + 1);
    signed.mockRestore();
  });

  it("add up to newest first when randomising is off, and to the final ranking of a closed day", async () => {
    const { day, images } = await dayWithSubmissions(7);
    await updateSettings({ randomizeOrder: false }, null);
    const voter = await makeUser();
    expect(ids(await allPages(day.id, voter.id, 3))).toEqual([...images].reverse().map((i) => i.id));

    const [a, b, c, d, e, f, g] = images.map((i) => i.id) as [number, number, number, number, number, number, number];
    await castVotes(c, 10, 0);
    await castVotes(f, 6, 1);
    await castVotes(a, 3, 0);
    await castVotes(g, 0, 4);
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED", winnerImageId: f } });
    // The recorded winner first, then the race in Wilson order; untouched images by earlier
    // submission; the most down-voted last.
    const closed = await allPages(day.id, null, 2);
    expect(ids(closed)).toEqual([f, c, a, b, d, e, g]);
    expect(positions(closed)).toEqual([...Array(7).keys()]);
    expect(closed.every((p) => p.items.every((i) => i.tally !== null))).toBe(true);
  });

  it("keep the order a first page began while submissions arrive, which the next first page includes", async () => {
    const { day, seed, images, creator } = await dayWithSubmissions(6);
    const voter = await makeUser();
    const first = (await getVoteFeed(day.id, voter.id, { pageSize: 4 }))!;
    const late = await submit(day.id, seed.id, creator, 60);
    const rest = (await getVoteFeed(day.id, voter.id, { pageSize: 4, cursor: first.nextCursor }))!;
    expect(rest.items.map((i) => i.position)).toEqual([4, 5]);
    expect(rest.nextCursor).toBeNull();
    const newestFirst = [...images].reverse().map((i) => i.id);
    expect(ids([first, rest])).toEqual(seededShuffle(newestFirst, `${day.id}:${voter.id}`));
    const again = await allPages(day.id, voter.id, 4);
    expect(ids(again)).toContain(late.id);
    expect(again[0]!.total).toBe(7);
  });
});

describe("cursors", () => {
  it("are refused, with a code, when forged, altered, another voter's or another day's", async () => {
    const { day } = await dayWithSubmissions(5);
    const other = await dayWithSubmissions(5);
    const [voter, someoneElse] = [await makeUser(), await makeUser()];
    const cursor = (await getVoteFeed(day.id, voter.id, { pageSize: 2 }))!.nextCursor!;
    const otherDays = (await getVoteFeed(other.day.id, voter.id, { pageSize: 2 }))!.nextCursor!;
    const [payload, mac] = cursor.split(".") as [string, string];
    const edited = Buffer.from(Buffer.from(payload, "base64url").toString().replace(/"o":2/, '"o":0')).toString("base64url");
    const tries = async (c: string, viewer: number | null = voter.id, dayId = day.id) =>
      getVoteFeed(dayId, viewer, { cursor: c, pageSize: 2 }).then(
        () => "accepted",
        (err: { code?: string }) => err.code,
      );
    expect(await tries(cursor)).toBe("accepted");
    expect(await tries(`${edited}.${mac}`)).toBe("INVALID_CURSOR");
    expect(await tries(`${payload}.${"A".repeat(22)}`)).toBe("INVALID_CURSOR");
    expect(await tries("not a cursor")).toBe("INVALID_CURSOR");
    expect(await tries(`${"x".repeat(500)}.${mac}`)).toBe("INVALID_CURSOR");
    expect(await tries(cursor, someoneElse.id)).toBe("INVALID_CURSOR");
    expect(await tries(cursor, null)).toBe("INVALID_CURSOR");
    expect(await tries(otherDays)).toBe("STALE_CURSOR");
  });

  it("are refused as stale once the order they continue has changed", async () => {
    const { day, images } = await dayWithSubmissions(6);
    const voter = await makeUser();
    const next = async () => (await getVoteFeed(day.id, voter.id, { pageSize: 2 }))!.nextCursor!;
    const tries = async (c: string) =>
      getVoteFeed(day.id, voter.id, { cursor: c, pageSize: 2 }).then(
        () => "accepted",
        (err: { code?: string }) => err.code,
      );
    let cursor = await next();
    await db.image.update({ where: { id: images[3]!.id }, data: { hiddenAt: new Date() } });
    expect(await tries(cursor)).toBe("STALE_CURSOR");
    cursor = await next();
    await updateSettings({ randomizeOrder: false }, null);
    expect(await tries(cursor)).toBe("STALE_CURSOR");
    cursor = await next();
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED" } });
    expect(await tries(cursor)).toBe("STALE_CURSOR");
  });

  it("are answered by GET /api/vote/images: the next page, or a 400 with the code and a message", async () => {
    const { day } = await dayWithSubmissions(30);
    const voter = await makeUser();
    session.userId = voter.id;
    const get = (query: string) => feedRoute(new Request(`http://x/api/vote/images?${query}`));
    const dateKey = keyFromDate(day.date);
    const first = await get(`day=${dateKey}`);
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { items: { id: number; position: number }[]; total: number; nextCursor: string };
    expect(page1).toMatchObject({ total: 30 });
    expect(page1.items.map((i) => i.position)).toEqual([...Array(24).keys()]);
    const page2 = (await (await get(`day=${dateKey}&cursor=${page1.nextCursor}`)).json()) as typeof page1;
    expect(page2.items.map((i) => i.position)).toEqual([24, 25, 26, 27, 28, 29]);
    expect(page2.nextCursor).toBeNull();
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(
      (await getVoteFeed(day.id, voter.id, { pageSize: 100 }))!.items.map((i) => i.id),
    );

    const otherLast = page1.nextCursor.endsWith("A") ? "B" : "A";
    const forged = await get(`day=${dateKey}&cursor=${page1.nextCursor.slice(0, -1)}${otherLast}`);
    expect(forged.status).toBe(400);
    expect((await forged.json()).error).toEqual({
      code: "INVALID_CURSOR",
      message:
        "This link to more submissions is not valid here: it was altered, or it belongs to another participant. Reload the page to start the list again.",
    });
    session.userId = (await makeUser()).id;
    expect((await (await get(`day=${dateKey}&cursor=${page1.nextCursor}`)).json()).error.code).toBe("INVALID_CURSOR");
    session.userId = voter.id;
    await updateSettings({ randomizeOrder: false }, null);
    const stale = await get(`day=${dateKey}&cursor=${page1.nextCursor}`);
    expect(stale.status).toBe(400);
    expect((await stale.json()).error.code).toBe("STALE_CURSOR");
    expect((await get("day=1099-13-40")).status).toBe(400);
    expect((await (await get("day=1099-01-01")).json()).error.code).toBe("NOT_FOUND");
  });
});

describe("exposures and the exposure-balanced sample", () => {
  it("records each page served to a signed-in voter on an open day, once per image, at its global position", async () => {
    const { day } = await dayWithSubmissions(7);
    const voter = await makeUser();
    const pages = await allPages(day.id, voter.id, 3);
    await allPages(day.id, voter.id, 3); // a reload adds nothing
    await allPages(day.id, null, 3); // visitors are not recorded
    const rows = await db.exposure.findMany({ where: { dayId: day.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => [r.userId, r.imageId, r.position, r.sampled])).toEqual(
      pages.flatMap((p) => p.items.map((i) => [voter.id, i.id, i.position, false])),
    );
    await db.day.update({ where: { id: day.id }, data: { status: "CLOSED" } });
    await allPages(day.id, (await makeUser()).id, 3);
    expect(await db.exposure.count({ where: { dayId: day.id } })).toBe(7);
  });

  it("shows each voter the K least-shown submissions, stable for the voter, and records them as sampled", async () => {
    const { day, images, creator } = await dayWithSubmissions(10);
    // Views so far, image by image: 5 0 3 1 0 2 4 1 6 2.
    const views = [5, 0, 3, 1, 0, 2, 4, 1, 6, 2];
    const viewers = await Promise.all(Array.from({ length: 6 }, () => makeUser()));
    await db.exposure.createMany({
      data: images.flatMap((img, i) =>
        viewers.slice(0, views[i]).map((u) => ({ userId: u.id, imageId: img.id, dayId: day.id, position: 0 })),
      ),
    });
    await updateSettings({ voteSampleSize: 4 }, null);
    const voter = await makeUser();
    const pages = await allPages(day.id, voter.id, 3);
    const least = [1, 4, 3, 7].map((i) => images[i]!.id);
    expect(pages[0]!).toMatchObject({ total: 4, sampled: true });
    expect(ids(pages).sort()).toEqual([...least].sort());
    expect(positions(pages)).toEqual([0, 1, 2, 3]);
    // Shown in the voter's usual order: their seeded shuffle, over the sample.
    const newestFirst = [...images].reverse().filter((i) => least.includes(i.id));
    expect(ids(pages)).toEqual(seededShuffle(newestFirst, `${day.id}:${voter.id}`).map((i) => i.id));
    const mine = await db.exposure.findMany({ where: { userId: voter.id }, orderBy: { position: "asc" } });
    expect(mine.map((r) => [r.imageId, r.position, r.sampled])).toEqual(ids(pages).map((id, k) => [id, k, true]));
    // The same sample on a reload, although its images are now the most shown.
    expect(ids(await allPages(day.id, voter.id, 3))).toEqual(ids(pages));
    // The creator is never shown their own images in a sample, as they cannot vote on them.
    const theirs = await allPages(day.id, creator, 10);
    expect(theirs[0]!.total).toBe(0);
  });

  it("breaks ties at random for each voter, the same on every page, and tops up a sample that falls short", async () => {
    const { day, seed, creator } = await dayWithSubmissions(12);
    await updateSettings({ voteSampleSize: 3 }, null);
    const voters = await Promise.all(Array.from({ length: 4 }, () => makeUser()));
    const samples = [];
    for (const v of voters) {
      const s = ids(await allPages(day.id, v.id, 2));
      expect(s).toHaveLength(3);
      expect(ids(await allPages(day.id, v.id, 2))).toEqual(s);
      samples.push([...s].sort().join(","));
    }
    // Later voters get the least shown: 4 voters × 3 = 12 images, each shown once.
    expect(new Set(samples.flatMap((s) => s.split(","))).size).toBe(12);
    // A larger sample adds the least-shown of the rest, keeping the images already chosen.
    const first = ids(await allPages(day.id, voters[0]!.id, 2));
    const late = await submit(day.id, seed.id, creator, 99);
    await updateSettings({ voteSampleSize: 4 }, null);
    const grown = ids(await allPages(day.id, voters[0]!.id, 2));
    expect(grown).toHaveLength(4);
    expect(grown).toEqual(expect.arrayContaining([...first, late.id]));
  });

  it("stores one draw when two first pages draw at once, and both answer with the stored one", async () => {
    const { day, images } = await dayWithSubmissions(12);
    const voter = await makeUser();
    // Two requests that saw different submissions (one hidden in between, say) draw differently.
    const draw = (from: typeof images) =>
      voterSample({ dayId: day.id, userId: voter.id, size: 3, candidates: from, allowSelf: false, topUp: true });
    const halves = [images.slice(0, 6), images.slice(6)];
    const answers = await Promise.all(halves.map(draw));
    const rows = await db.voteSample.findMany({ where: { userId: voter.id, dayId: day.id } });
    expect(rows).toHaveLength(1);
    const stored: number[] = JSON.parse(rows[0]!.imageIds);
    expect(stored).toHaveLength(3);
    // Each answer is the stored draw as far as that request could show it; the loser's own draw is gone.
    halves.forEach((half, k) => expect([...answers[k]!].sort()).toEqual(stored.filter((id) => half.some((i) => i.id === id)).sort()));
    expect(answers.map((a) => a.size).sort()).toEqual([0, 3]);
  });
});
