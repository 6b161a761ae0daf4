// Its own database: engine failures (EngineFailure) are one row per service and code for everyone.
// Generations on the self-hosted engine, against the stable-diffusion-webui stand-in: every
// parameter recorded on the image, a replay that gives the same pixels, another checkpoint that
// does not, and failures refunded with nothing left behind.
import "@/test/isolated-db";
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOpenDay, makeUser, rectMask, tempStorage } from "@/test/fixtures";
import { DEFAULT_CHECKPOINTS, startFakeSdwebui, type FakeSdwebui } from "@/test/fake-sdwebui";
import { engineOn } from "@/test/sdwebui-engine";
import { notFlagged } from "@/test/generation-harness";
import { db } from "../server/db";
import { createOfflineEngine } from "../imagegen/offline";
import type { SdwebuiEngineOptions } from "../imagegen/sdwebui";
import { listEngineFailures } from "../imagegen/failures";
import { generateAttempt } from "./generation";
import { comparePictures, replayImage } from "./replay";

const W = 384;
const H = 256;
const [SD15, SDXL] = DEFAULT_CHECKPOINTS as [(typeof DEFAULT_CHECKPOINTS)[0], (typeof DEFAULT_CHECKPOINTS)[0]];
let fake: FakeSdwebui;
let store: Awaited<ReturnType<typeof tempStorage>>;
beforeAll(async () => {
  fake = await startFakeSdwebui({ censor: ["forbidden"] });
  store = await tempStorage();
});
afterAll(async () => {
  await fake.close();
  await rm(store.dir, { recursive: true, force: true });
});

/** The sampling parameters the engine is configured with, and records as used. */
const SAMPLING = {
  sampler: "Euler a",
  scheduler: "Automatic",
  steps: 25,
  cfgScale: 6.5,
  denoisingStrength: 0.8,
  inpaintingFill: "latent noise",
  inpaintFullRes: false,
  inpaintPadding: 16,
  maskBlur: 2,
} as const;

const engine = (o: Partial<SdwebuiEngineOptions> = {}) => engineOn(fake, SAMPLING, { maxSide: 256, timeoutMs: 3000 }, o);

async function generate(e = engine(), prompt = "a yellow kite") {
  const user = await makeUser();
  const { day } = await makeOpenDay(store.storage, { width: W, height: H });
  const mask = await rectMask(W, H, { x: 100, y: 60, w: 120, h: 90 });
  const { id } = await generateAttempt(
    { userId: user.id, dayId: day.id, prompt, mask },
    { engine: e, storage: store.storage, moderate: notFlagged },
  );
  return { id, user, day };
}

describe("a generation on the self-hosted engine", () => {
  it("records everything that determined the image, and its seed picture stays its own outside the mask", async () => {
    const { id } = await generate();
    const image = await db.image.findUniqueOrThrow({ where: { id } });
    expect([image.provider, image.model, image.modelRequested, image.width, image.height]).toEqual([
      "sdwebui",
      SD15.model_name,
      SD15.title,
      W,
      H,
    ]);
    expect(JSON.parse(image.engineParams!)).toEqual({
      engine: "sdwebui",
      checkpoint: SD15.model_name,
      checkpointHash: SD15.hash,
      seed: expect.any(Number),
      ...SAMPLING,
      // 384×256 fitted into 256: the server painted at 256×168 (multiples of 8), scaled back and composited.
      width: 256,
      height: 168,
      serverVersion: "v1.10.1",
    });
    const result = await sharp((await store.storage.get(image.resultKey))!.body).metadata();
    expect([result.width, result.height]).toEqual([W, H]);
    // Outside the mask (the 120×90 rectangle at 100,60), every pixel is the seed's; inside, the server's.
    const seed = (await db.image.findUniqueOrThrow({ where: { id: image.parentId! } })).resultKey;
    const raw = async (key: string) =>
      sharp((await store.storage.get(key))!.body)
        .removeAlpha()
        .raw()
        .toBuffer();
    const [before, after] = [await raw(seed), await raw(image.resultKey)];
    let outsideChanged = 0;
    let insideChanged = 0;
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 3;
        const changed = before[i] !== after[i] || before[i + 1] !== after[i + 1] || before[i + 2] !== after[i + 2];
        const inside = x >= 100 && x < 220 && y >= 60 && y < 150;
        if (changed && inside) insideChanged++;
        if (changed && !inside) outsideChanged++;
      }
    expect(outsideChanged).toBe(0);
    expect(insideChanged).toBeGreaterThan(0);
  });

  it("replays a recorded image to the same pixels, reports how far another checkpoint differs, and touches nothing", async () => {
    const { id } = await generate(engine(), "a green lantern");
    const before = { image: await db.image.findUniqueOrThrow({ where: { id } }), files: (await store.files()).length };
    const same = await replayImage(id, { engine: engine(), storage: store.storage });
    expect(same).toMatchObject({ imageId: id, identical: true, meanAbsoluteDifference: 0, changedShare: 0, engine: "sdwebui" });
    expect(same.replayed).toEqual(same.recorded);

    const other = await replayImage(id, { engine: engine({ checkpoint: SDXL.title }), storage: store.storage });
    expect(other.identical).toBe(false);
    expect(other.differences).toEqual(["checkpoint", "checkpointHash"]);
    expect(same.differences).toEqual([]);
    expect(other.replayed).toMatchObject({ checkpointHash: SDXL.hash, seed: (same.recorded as { seed: number }).seed });
    // Only the masked 120×90 of 384×256 can differ: the rest is the seed's, composited by us.
    expect(other.changedShare).toBeGreaterThan(0);
    expect(other.changedShare).toBeLessThanOrEqual((120 * 90) / (W * H));
    expect(other.meanAbsoluteDifference).toBeGreaterThan(0);
    expect(await db.image.findUniqueOrThrow({ where: { id } })).toEqual(before.image);
    expect((await store.files()).length).toBe(before.files);
  });

  it("replays an offline image on the offline engine to the same pixels, and refuses a seed", async () => {
    const { id } = await generate(createOfflineEngine(), "a red roof");
    expect(await replayImage(id, { engine: createOfflineEngine(), storage: store.storage })).toMatchObject({
      identical: true,
      recorded: { engine: "offline" },
    });
    const seedId = (await db.image.findUniqueOrThrow({ where: { id } })).parentId!;
    await expect(replayImage(seedId, { engine: createOfflineEngine(), storage: store.storage })).rejects.toMatchObject({
      code: "NOT_ALLOWED",
      detail: { code: "NOT_REPLAYABLE" },
    });
    await expect(replayImage(2_000_000_000, { engine: createOfflineEngine(), storage: store.storage })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refunds the attempt and keeps no file when the server fails, and tells the operator why", async () => {
    const user = await makeUser();
    const { day } = await makeOpenDay(store.storage, { width: W, height: H });
    const mask = await rectMask(W, H, { x: 10, y: 10, w: 100, h: 100 });
    const files = (await store.files()).length;
    const images = await db.image.count();
    const run = () =>
      generateAttempt(
        { userId: user.id, dayId: day.id, prompt: "p", mask },
        { engine: engine(), storage: store.storage, moderate: notFlagged },
      ).catch((e: unknown) => e);
    fake.script({ status: 500, body: { error: "OutOfMemoryError", detail: "", body: "", errors: "CUDA out of memory" } });
    expect(await run()).toMatchObject({ code: "UNAVAILABLE", detail: { code: "ENGINE_UNAVAILABLE" } });
    fake.script({ status: 503, body: { detail: "Service Unavailable" } });
    expect(await run()).toMatchObject({ code: "RATE_LIMITED", detail: { code: "ENGINE_BUSY" } });
    fake.script({ hang: true });
    expect(await run()).toMatchObject({ code: "TIMEOUT" });
    // A censoring extension's black picture: the prompt is refused, and nothing is charged either.
    const censored = await generateAttempt(
      { userId: user.id, dayId: day.id, prompt: "something forbidden", mask },
      { engine: engine(), storage: store.storage, moderate: notFlagged },
    ).catch((e: unknown) => e);
    expect(censored).toMatchObject({ code: "REFUSED" });
    const usage = await db.userDayUsage.findUnique({ where: { userId_dayId: { userId: user.id, dayId: day.id } } });
    expect(usage?.generations ?? 0).toBe(0);
    expect([await db.image.count(), (await store.files()).length]).toEqual([images, files]);
    expect((await listEngineFailures(new Date(0))).map((f) => [f.service, f.code])).toContainEqual(["sdwebui", "OutOfMemoryError"]);
  });
});

describe("npm run replay", () => {
  it("replays an image from the command line, prints how it compares, and audits it; refuses a bad argument", async () => {
    const { id } = await generate(createOfflineEngine(), "a white sail");
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
        execFile(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "scripts/replay.ts", ...args],
          { env: { ...process.env, IMAGE_ENGINE: "offline", STORAGE_DRIVER: "local", STORAGE_LOCAL_DIR: store.dir }, timeout: 60_000 },
          (error, out, err) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err }),
        );
      });
    const ok = await run([String(id)]);
    expect([ok.code, ok.out.split("\n")[0]]).toEqual([
      0,
      expect.stringMatching(new RegExp(`^image ${id}: identical \\(offline, \\d+ ms\\)$`)),
    ]);
    expect(await db.auditLog.findFirst({ where: { action: "image.replay", targetId: String(id), adminId: null } })).not.toBeNull();
    const bad = await run(["seven"]);
    expect([bad.code, bad.err.trim()]).toEqual([1, "usage: npm run replay -- <image id>"]);
  }, 90_000);
});

describe("comparePictures", () => {
  it("counts the mean absolute difference and the share of changed pixels", async () => {
    const px = (values: number[]) =>
      sharp(Buffer.from(values), { raw: { width: 2, height: 1, channels: 3 } })
        .png()
        .toBuffer();
    expect(await comparePictures(await px([0, 0, 0, 10, 10, 10]), await px([0, 0, 0, 10, 10, 10]))).toEqual({
      identical: true,
      meanAbsoluteDifference: 0,
      changedShare: 0,
    });
    // One pixel of two changed, by 30 in red only: (30) / (2 pixels × 3 channels) = 5.
    expect(await comparePictures(await px([0, 0, 0, 10, 10, 10]), await px([30, 0, 0, 10, 10, 10]))).toEqual({
      identical: false,
      meanAbsoluteDifference: 5,
      changedShare: 0.5,
    });
  });
});
