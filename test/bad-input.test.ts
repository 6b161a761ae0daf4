// The bad-input corpus: malformed, hostile and out-of-place inputs sent to every server action
// and route. Each must be refused with a 4xx (or an action's { ok: false }) carrying its code and
// a specific message (never the generic "something went wrong"): the English catalogue's text for
// the refusal's detail, values filled in. And it must leave the database and storage exactly as
// they were. Only the session is faked (next-auth's getServerSession returns the
// chosen user); everything after it is the real code on a real database of this file's own.
import "@/test/isolated-db";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { creatingCases } from "./bad-input/creating";
import { makeHarness, type Case, type Fixtures } from "./bad-input/harness";
import { moderationCases } from "./bad-input/moderation";
import { routesCases } from "./bad-input/routes";
import { studyCases } from "./bad-input/study";
import { votesCases } from "./bad-input/votes";

const session = vi.hoisted(() => ({ userId: null as number | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (session.userId ? { user: { id: session.userId }, expires: "2999-01-01" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const storageDir = await mkdtemp(join(tmpdir(), "ppw-bad-input-"));
process.env.STORAGE_DRIVER = "local";
process.env.STORAGE_LOCAL_DIR = storageDir;
process.env.CRON_SECRET = "bad-input-cron-secret-0123456789";
// This file is about validation: limits are tested in lib/server/rate-limit.test.ts and below.
process.env.RATE_LIMIT_SCALE = "1000";
const { resetEnvForTests } = await import("@/lib/server/env");
resetEnvForTests();

const { db } = await import("@/lib/server/db");
const { getStorage } = await import("@/lib/storage");
const { todayKey, dateFromKey } = await import("@/lib/server/clock");
const createActions = await import("@/lib/creating/actions");
const voteActions = await import("@/lib/voting/actions");
const adminActions = await import("@/lib/admin/actions");
const voteRoute = await import("@/app/api/vote/route");
const filesRoute = await import("@/app/files/[...key]/route");
const cronRoute = await import("@/app/api/cron/rollover/route");
const exportRoute = await import("@/app/admin/export/[table]/route");
const { signInParticipant } = await import("@/lib/auth/users");
const studyActions = await import("@/lib/study/actions");
const progressRoute = await import("@/app/api/study/progress/route");
const { setLocaleAction } = await import("@/i18n/locale-action");
const { makeUser, rectMask, TEST_WORLD_ID } = await import("@/test/fixtures");

const W = 384;
const H = 256;
const fx = {} as Fixtures;

beforeAll(async () => {
  fx.me = (await makeUser()).id;
  fx.other = (await makeUser()).id;
  fx.admin = (await makeUser({ role: "ADMIN" })).id;
  fx.banned = (await makeUser({ bannedAt: new Date() })).id;
  fx.finished = (await makeUser()).id;
  await db.participation.create({ data: { userId: fx.finished, completedAt: new Date(), completionCode: "ABCDEFGHJK" } });
  const png = await sharp({ create: { width: W, height: H, channels: 3, background: "#7a9" } })
    .png()
    .toBuffer();
  await getStorage().put("seeds/bad-input.png", png, "image/png");
  const seed = await db.image.create({
    data: {
      prompt: "seed",
      status: "SEED",
      resultKey: "seeds/bad-input.png",
      thumbKey: "seeds/bad-input.png",
      width: W,
      height: H,
      provider: "bundled",
      model: "t",
    },
  });
  fx.seedId = seed.id;
  // Today is open (the actions work on it); an old day is closed.
  fx.dayId = (await db.day.create({ data: { worldId: TEST_WORLD_ID, date: dateFromKey(todayKey()), seedImageId: seed.id } })).id;
  fx.closedDayId = (
    await db.day.create({ data: { worldId: TEST_WORLD_ID, date: new Date(Date.UTC(1700, 2, 3)), seedImageId: seed.id, status: "CLOSED" } })
  ).id;
  const image = (dayId: number, creatorId: number, extra: object = {}) =>
    db.image.create({
      data: {
        dayId,
        parentId: seed.id,
        creatorId,
        prompt: "p",
        status: "SUBMITTED",
        submittedAt: new Date(),
        resultKey: "seeds/bad-input.png",
        thumbKey: "seeds/bad-input.png",
        width: W,
        height: H,
        provider: "offline",
        model: "t",
        ...extra,
      },
    });
  fx.theirs = (await image(fx.dayId, fx.other)).id;
  fx.mine = (await image(fx.dayId, fx.me)).id;
  fx.hidden = (await image(fx.dayId, fx.other, { hiddenAt: new Date(), hiddenReason: "test" })).id;
  fx.closedImage = (await image(fx.closedDayId, fx.other)).id;
  fx.theirDraft = (await image(fx.dayId, fx.other, { status: "DRAFT", submittedAt: null })).id;
  fx.myClosedDraft = (await image(fx.closedDayId, fx.me, { status: "DRAFT", submittedAt: null })).id;
  fx.goodMask = await rectMask(W, H, { x: 40, y: 40, w: 100, h: 80 });
});

const h = makeHarness({
  fx,
  session,
  storageDir,
  W,
  H,
  modules: {
    db,
    createActions,
    voteActions,
    adminActions,
    voteRoute,
    filesRoute,
    cronRoute,
    exportRoute,
    signInParticipant,
    studyActions,
    progressRoute,
    setLocaleAction,
    makeUser,
    rectMask,
  },
});
const { snapshot, postVote, fromResponse, english } = h;
const cases = (): Case[] => [...votesCases(h), ...creatingCases(h), ...moderationCases(h), ...routesCases(h), ...studyCases(h)];

describe("the bad-input corpus", () => {
  it("has at least 50 cases", () => {
    expect(cases().length).toBeGreaterThanOrEqual(50);
  });

  for (const [name, run, expected, as = "me"] of cases()) {
    it(`refuses ${name}: a 4xx with a specific message, nothing written`, async () => {
      session.userId = { me: fx.me, admin: fx.admin, banned: fx.banned, finished: fx.finished, anonymous: null }[as];
      const before = await snapshot();
      const outcome = await run();
      expect(outcome.status, JSON.stringify(outcome)).toBeGreaterThanOrEqual(400);
      expect(outcome.status, JSON.stringify(outcome)).toBeLessThan(500);
      expect(outcome.message).not.toMatch(/something went wrong|^the request is not valid\.?$/i);
      expect(outcome.code, JSON.stringify(outcome)).toBe(expected.code);
      expect(outcome.message).toBe(english(expected.says));
      expect(await snapshot()).toBe(before);
    });
  }
});

describe("JSON routes", () => {
  it("answer in the request's language, with the same code in every language", async () => {
    const { errorTextIn } = await import("@/i18n/error-translator");
    const body = JSON.stringify({ imageId: fx.mine, value: 1 });
    const en = await postVote(body);
    const es = await postVote(body, fx.me, { "content-type": "application/json", "accept-language": "es-ES,es;q=0.9,en;q=0.5" });
    expect([en.status, en.code, en.message]).toEqual([403, "OWN_IMAGE", "You cannot vote on your own image."]);
    expect([es.status, es.code, es.message]).toEqual([403, "OWN_IMAGE", errorTextIn("es")({ code: "OWN_IMAGE" })]);
    expect(es.message).not.toBe(en.message);
    // The language remembered in the cookie wins over the browser's, as on pages.
    const ar = await fromResponse(
      cronRoute.GET(
        new Request("http://app.test/api/cron/rollover", { headers: { cookie: "a=1; NEXT_LOCALE=ar", "accept-language": "es" } }),
      ),
    );
    expect(ar).toEqual({ status: 401, code: "UNAUTHORIZED", message: errorTextIn("ar")({ code: "UNAUTHORIZED" }) });
  });
});

describe("rate limits on actions", () => {
  it("a flagging spree is refused with when to retry, and the refused flags are not written", async () => {
    process.env.RATE_LIMIT_SCALE = "1";
    resetEnvForTests();
    const flagger = await makeUser();
    session.userId = flagger.id;
    const results = [];
    // Invalid reasons still count: the limit is taken before the input is read.
    for (let i = 0; i < 11; i++) results.push(await voteActions.flagAction({ imageId: fx.theirs, reason: "x" }));
    expect(results.slice(0, 10).every((r) => !r.ok && r.code === "INVALID")).toBe(true);
    expect(results[10]).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many flags in a short time\. Try again in \d+ seconds?\.$/),
    });
    expect(await db.flag.count({ where: { userId: flagger.id } })).toBe(0);
    process.env.RATE_LIMIT_SCALE = "1000";
    resetEnvForTests();
  });
});
