// Its own database: engine failures (EngineFailure) are one row per service and code for everyone.
import "@/test/isolated-db";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeOpenDay, makeUser, rectMask } from "@/test/fixtures";
import { db } from "../server/db";
import { generateAttempt, type GenerationDeps } from "./generation";
import { decodeRgba } from "../images/composite";
import { listEngineFailures } from "../imagegen/failures";
import { createOfflineEngine, OFFLINE_MODEL } from "../imagegen/offline";
import { createOpenAIEngine } from "../imagegen/openai";
import { readEditMap } from "../mask/mask";
import { DEFAULT_SETTINGS } from "../settings/settings";
import { englishOf } from "@/test/error-text";
import { generationHarness, notFlagged } from "@/test/generation-harness";

const W = 384;
const H = 256;

const h = generationHarness();

async function setup(width = W, height = H) {
  const user = await makeUser();
  const { day, seed, png } = await makeOpenDay(h.store.storage, { width, height });
  const mask = await rectMask(width, height, { x: 100, y: 60, w: 120, h: 90 });
  const filesBefore = (await h.store.files()).length;
  return { user, day, seed, png, mask, filesBefore };
}

function openai(timeoutMs = 2000) {
  return createOpenAIEngine({ apiKey: "sk-test", baseURL: h.fake.url, model: "gpt-image-2", timeoutMs, maxAttempts: 3, backoffMs: 5 });
}

async function usage(userId: number, dayId: number) {
  return (await db.userDayUsage.findUnique({ where: { userId_dayId: { userId, dayId } } }))?.generations ?? 0;
}

describe("generateAttempt", () => {
  it("stores result, mask, raw output and thumbnail, and records the Image row", async () => {
    const s = await setup();
    const deps: GenerationDeps = { engine: createOfflineEngine(), storage: h.store.storage, moderate: notFlagged };
    const { id } = await generateAttempt({ userId: s.user.id, dayId: s.day.id, prompt: "  a red balloon  ", mask: s.mask }, deps);
    const img = await db.image.findUniqueOrThrow({ where: { id } });
    expect(img).toMatchObject({
      dayId: s.day.id,
      parentId: s.seed.id,
      creatorId: s.user.id,
      prompt: "  a red balloon  ",
      status: "DRAFT",
      width: W,
      height: H,
      provider: "offline",
    });
    expect([img.model, img.modelRequested]).toEqual([OFFLINE_MODEL, OFFLINE_MODEL]);
    expect(img.maskCoverage).toBeCloseTo((120 * 90) / (W * H), 5);
    expect(img.engineMs).toBeGreaterThanOrEqual(0);
    expect(img.totalMs).toBeGreaterThanOrEqual(img.engineMs!);
    expect((await h.store.files()).length).toBe(s.filesBefore + 4);
    const result = await h.store.storage.get(img.resultKey);
    const meta = await sharp(result!.body).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([W, H, "png"]);
    expect((await sharp((await h.store.storage.get(img.thumbKey))!.body).metadata()).format).toBe("webp");
    expect(await usage(s.user.id, s.day.id)).toBe(1);
  });

  it("composites the seed back over a model that repaints everything: a 512x512 seed is sent at 816x816 and stored at 512x512, byte-identical outside the mask", async () => {
    const s = await setup(512, 512);
    const before = h.fake.requests.length;
    const { id } = await generateAttempt(
      { userId: s.user.id, dayId: s.day.id, prompt: "a lighthouse", mask: s.mask },
      { engine: openai(), storage: h.store.storage, moderate: notFlagged },
    );
    const req = h.fake.requests.slice(before).find((r) => r.path.endsWith("/images/edits"));
    expect(req?.fields).toMatchObject({ prompt: "a lighthouse", model: "gpt-image-2-2026-04-21", size: "816x816" });

    const img = await db.image.findUniqueOrThrow({ where: { id } });
    expect([img.provider, img.model, img.modelRequested, img.width, img.height]).toEqual([
      "openai",
      "gpt-image-2-2026-04-21",
      "gpt-image-2",
      512,
      512,
    ]);
    expect((await sharp((await h.store.storage.get(img.rawKey!))!.body).metadata()).width).toBe(816);
    const result = await decodeRgba((await h.store.storage.get(img.resultKey))!.body);
    const seed = await decodeRgba(s.png);
    expect([result.width, result.height]).toEqual([512, 512]);
    const edit = await readEditMap(s.mask, { width: 512, height: 512 });
    let outsideDiffers = 0;
    let insideSame = 0;
    let inside = 0;
    for (let y = 0; y < 512; y++) {
      for (let x = 0; x < 512; x++) {
        const i = y * 512 + x;
        const same = [0, 1, 2, 3].every((c) => result.data[i * 4 + c] === seed.data[i * 4 + c]);
        if (!edit[i]) outsideDiffers += same ? 0 : 1;
        // Well inside the rectangle, past the feathered band along its border.
        else if (x >= 106 && x < 214 && y >= 66 && y < 144) {
          inside++;
          insideSame += same ? 1 : 0;
        }
      }
    }
    expect(outsideDiffers).toBe(0);
    expect(inside).toBeGreaterThan(8000);
    expect(insideSame / inside).toBeLessThan(0.02);
  });

  it("retries a 429 and succeeds", async () => {
    const s = await setup();
    h.fake.script([{ status: 429, retryAfter: 0 }, { status: 200 }]);
    const { id } = await generateAttempt(
      { userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask },
      { engine: openai(), storage: h.store.storage, moderate: notFlagged },
    );
    expect(id).toBeGreaterThan(0);
    expect(await usage(s.user.id, s.day.id)).toBe(1);
  });

  it.each([
    ["500 until giving up", [{ status: 500 }, { status: 500 }, { status: 500 }], "UNAVAILABLE", 2000],
    [
      "a timeout",
      [
        { status: 200, delayMs: 3000 },
        { status: 200, delayMs: 3000 },
        { status: 200, delayMs: 3000 },
      ],
      "TIMEOUT",
      300,
    ],
    ["a moderation refusal", [{ status: 400, code: "moderation_blocked" }], "REFUSED", 2000],
    ["an account out of credit", [{ status: 429, code: "insufficient_quota" }], "MISCONFIGURED", 2000],
  ] as const)("after %s: a clear error, quota refunded, no row and no file left", async (_label, responses, code, timeoutMs) => {
    const s = await setup();
    h.fake.script([...responses]);
    const imagesBefore = await db.image.count();
    const err = await generateAttempt(
      { userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask },
      { engine: openai(timeoutMs), storage: h.store.storage, moderate: notFlagged },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code });
    expect(englishOf(err).length).toBeGreaterThan(10);
    expect(await usage(s.user.id, s.day.id)).toBe(0);
    expect(await db.image.count()).toBe(imagesBefore);
    expect((await h.store.files()).length).toBe(s.filesBefore);
  });

  it("shows the operator's failures on the overview: counted, timed, resolved by the next success and reopened by the next failure", async () => {
    const s = await setup();
    const run = () =>
      generateAttempt(
        { userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask },
        { engine: openai(), storage: h.store.storage, moderate: notFlagged },
      ).catch((e: unknown) => e);
    const since = new Date(Date.now() - 60_000);
    const quota = async () => (await listEngineFailures(since)).find((f) => f.code === "insufficient_quota");

    await run(); // a success first: whatever earlier tests left open is resolved
    h.fake.script([
      { status: 429, code: "insufficient_quota" },
      { status: 429, code: "insufficient_quota" },
    ]);
    const started = Date.now();
    const refused = await run();
    expect(refused).toMatchObject({ code: "MISCONFIGURED", detail: { code: "MISCONFIGURED" } });
    expect(englishOf(refused)).toMatch(/unavailable right now/);
    expect(await run()).toMatchObject({ code: "MISCONFIGURED" });
    const open = await quota();
    expect(open).toMatchObject({ service: "openai", count: 2, resolvedAt: null, detail: expect.stringMatching(/quota/) });
    expect(open!.firstAt.getTime()).toBeGreaterThanOrEqual(started - 1000);
    expect(open!.lastAt.getTime()).toBeGreaterThanOrEqual(open!.firstAt.getTime());
    expect(await usage(s.user.id, s.day.id)).toBe(1);

    await generateAttempt(
      { userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask },
      { engine: openai(), storage: h.store.storage, moderate: notFlagged },
    );
    expect((await quota())?.resolvedAt).toBeInstanceOf(Date);

    h.fake.script([{ status: 429, code: "insufficient_quota" }]);
    await run();
    expect(await quota()).toMatchObject({ count: 1, resolvedAt: null });
  });

  it("refunds and removes written files when storage fails part-way", async () => {
    const s = await setup();
    let puts = 0;
    const flaky = {
      ...h.store.storage,
      put: async (k: string, b: Buffer, t?: string) => {
        if (++puts === 3) throw new Error("disk full");
        return h.store.storage.put(k, b, t);
      },
    };
    const imagesBefore = await db.image.count();
    const err = await generateAttempt(
      { userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask },
      { engine: createOfflineEngine(), storage: flaky, moderate: notFlagged },
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "STORAGE" });
    expect(await usage(s.user.id, s.day.id)).toBe(0);
    expect(await db.image.count()).toBe(imagesBefore);
    expect((await h.store.files()).length).toBe(s.filesBefore);
  });

  it("refuses bad masks, flagged prompts and closed days before taking any quota", async () => {
    const s = await setup();
    const deps = { engine: createOfflineEngine(), storage: h.store.storage, moderate: notFlagged };
    const run = (mask: Buffer, d = deps, dayId = s.day.id) =>
      generateAttempt({ userId: s.user.id, dayId, prompt: "p", mask }, d).catch((e: unknown) => e);
    // The mask's own code and figures reach the form's mask field.
    expect(await run(await rectMask(W + 1, H, { x: 0, y: 0, w: 50, h: 50 }))).toMatchObject({
      code: "INVALID_MASK",
      fieldErrors: { mask: [{ code: "MASK_WRONG_SIZE", values: { width: W + 1, height: H, expectedWidth: W, expectedHeight: H } }] },
    });
    expect(await run(Buffer.from("not a png"))).toMatchObject({ code: "INVALID_MASK", detail: { code: "MASK_NOT_PNG" } });
    expect(await run(await rectMask(W, H, { x: 0, y: 0, w: 2, h: 2 }))).toMatchObject({
      code: "INVALID_MASK",
      detail: { code: "MASK_TOO_LITTLE" },
    });
    expect(await run(s.mask, { ...deps, moderate: async () => ({ flagged: true, categories: ["violence"] }) })).toMatchObject({
      code: "REFUSED",
      detail: { code: "PROMPT_MODERATED" },
    });
    await db.day.update({ where: { id: s.day.id }, data: { status: "CLOSED" } });
    expect(await run(s.mask)).toMatchObject({ code: "DAY_CLOSED" });
    expect(await usage(s.user.id, s.day.id)).toBe(0);
  });

  it("never lets parallel requests take more than the daily quota", async () => {
    const s = await setup();
    const quota = DEFAULT_SETTINGS.generationQuota;
    await db.userDayUsage.create({ data: { userId: s.user.id, dayId: s.day.id, generations: quota - 2 } });
    const deps = { engine: createOfflineEngine(), storage: h.store.storage, moderate: notFlagged };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => generateAttempt({ userId: s.user.id, dayId: s.day.id, prompt: "p", mask: s.mask }, deps)),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(2);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "QUOTA" });
    expect(await usage(s.user.id, s.day.id)).toBe(quota);
    expect(await db.image.count({ where: { creatorId: s.user.id } })).toBe(2);
  });
});
