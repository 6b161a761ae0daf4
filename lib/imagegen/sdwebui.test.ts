// The self-hosted engine against a stable-diffusion-webui stand-in over real HTTP
// (test/fake-sdwebui.ts): the start-up checks, what is sent, what is recorded, and every failure.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rectMask, seedPng } from "@/test/fixtures";
import { DEFAULT_CHECKPOINTS, startFakeSdwebui, type FakeSdwebui } from "@/test/fake-sdwebui";
import { engineOn } from "@/test/sdwebui-engine";
import { sdwebuiSize, type SdwebuiEngineOptions } from "./sdwebui";

const W = 384;
const H = 256;
let fake: FakeSdwebui;
let locked: FakeSdwebui;
beforeAll(async () => {
  fake = await startFakeSdwebui({ censor: ["forbidden"] });
  locked = await startFakeSdwebui({ auth: { username: "lab", password: "s3cret" } });
});
afterAll(async () => {
  await fake.close();
  await locked.close();
});

const [SD15, SDXL] = DEFAULT_CHECKPOINTS as [(typeof DEFAULT_CHECKPOINTS)[0], (typeof DEFAULT_CHECKPOINTS)[0]];
/** The sampling parameters the engine is configured with, and records as used. */
const SAMPLING = {
  sampler: "DPM++ 2M",
  scheduler: "Karras",
  steps: 20,
  cfgScale: 7,
  denoisingStrength: 0.75,
  inpaintingFill: "original",
  inpaintFullRes: false,
  inpaintPadding: 32,
  maskBlur: 4,
} as const;

/** SAMPLING as the request model spells it: what the server must be sent. */
const SENT = {
  sampler_name: "DPM++ 2M",
  scheduler: "Karras",
  steps: 20,
  cfg_scale: 7,
  denoising_strength: 0.75,
  inpainting_fill: 1,
  inpaint_full_res: false,
  inpaint_full_res_padding: 32,
  mask_blur: 4,
};

const engine = (o: Partial<SdwebuiEngineOptions> = {}) => engineOn(fake, SAMPLING, { maxSide: 512, timeoutMs: 5000 }, o);
const refused = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);

async function request(prompt = "a red kite") {
  return { image: await seedPng(W, H), mask: await rectMask(W, H, { x: 100, y: 60, w: 120, h: 90 }), prompt, width: W, height: H };
}

describe("sdwebuiSize", () => {
  it("scales the longest side to maxSide, up or down, each side a multiple of 8", () => {
    expect(sdwebuiSize(1536, 1024, 1024)).toEqual({ width: 1024, height: 680 }); // 682.7 → 680
    expect(sdwebuiSize(384, 256, 1024)).toEqual({ width: 1024, height: 680 }); // a small seed is scaled up
    expect(sdwebuiSize(1000, 3000, 1000)).toEqual({ width: 336, height: 1000 }); // 333.3 → 336
    expect(sdwebuiSize(1024, 1024, 1024)).toEqual({ width: 1024, height: 1024 });
    expect(sdwebuiSize(4000, 100, 512)).toEqual({ width: 512, height: 64 }); // never below 64
  });
});

describe("the start-up check", () => {
  it("finds the checkpoint by title, model name, file name or hash, and knows the sampler and scheduler", async () => {
    for (const checkpoint of [SD15.title, SD15.model_name, SD15.hash, "sd-v1-5-inpainting"])
      await expect(engine({ checkpoint }).prepare!()).resolves.toBeUndefined();
  });

  it("fails with a message naming what is wrong, for the operator", async () => {
    expect(await refused(engine({ checkpoint: "sd3-medium" }).prepare!())).toMatchObject({
      code: "MISCONFIGURED",
      operator: { service: "sdwebui", code: "checkpoint_not_found", detail: expect.stringContaining(SD15.title) },
    });
    expect(await refused(engine({ sampler: "k_euler" }).prepare!())).toMatchObject({ operator: { code: "sampler_not_found" } });
    expect(await refused(engine({ scheduler: "Sideways" }).prepare!())).toMatchObject({ operator: { code: "scheduler_not_found" } });
    // A checkpoint the server has not hashed yet is found by its name.
    const unhashed = await startFakeSdwebui({ hashless: true });
    try {
      await expect(engine({ url: unhashed.url, checkpoint: "sd-v1-5-inpainting" }).prepare!()).resolves.toBeUndefined();
    } finally {
      await unhashed.close();
    }
    // Nobody listening.
    const gone = await startFakeSdwebui();
    await gone.close();
    expect(await refused(engine({ url: gone.url }).prepare!())).toMatchObject({ code: "UNAVAILABLE" });
    // --api-auth: wrong or missing credentials are the operator's to fix; right ones pass.
    expect(await refused(engine({ url: locked.url }).prepare!())).toMatchObject({
      code: "MISCONFIGURED",
      operator: { code: "unauthorized" },
    });
    expect(await refused(engine({ url: locked.url, username: "lab", password: "wrong" }).prepare!())).toMatchObject({
      operator: { code: "unauthorized" },
    });
    await expect(engine({ url: locked.url, username: "lab", password: "s3cret" }).prepare!()).resolves.toBeUndefined();
  });
});

describe("an edit", () => {
  it("sends the request model's own fields, a white-where-to-repaint mask, and records what the server used", async () => {
    const before = fake.requests.length;
    const res = await engine().edit(await request());
    const sent = fake.requests[before]!;
    expect(sent).toMatchObject({
      prompt: "a red kite",
      seed: -1,
      ...SENT,
      width: 512,
      height: 344,
      override_settings: { sd_model_checkpoint: SD15.title },
    });
    // The mask: white inside the rectangle the participant marked, black elsewhere.
    const mask = await sharp(Buffer.from(sent.mask as string, "base64"))
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // At the size sent, 512×344: the rectangle 100–220 × 60–150 scaled by 4/3.
    const at = (x: number, y: number) => mask.data[(y * mask.info.width + x) * mask.info.channels];
    expect([mask.info.width, at(200, 140), at(10, 10)]).toEqual([512, 255, 0]);
    expect(res).toMatchObject({ provider: "sdwebui", model: SD15.model_name, modelRequested: SD15.title });
    expect(res.params).toEqual({
      engine: "sdwebui",
      checkpoint: SD15.model_name,
      checkpointHash: SD15.hash,
      seed: expect.any(Number),
      ...SAMPLING,
      width: 512,
      height: 344,
      serverVersion: "v1.10.1",
    });
    expect(res.params.engine === "sdwebui" && res.params.seed).toBeGreaterThanOrEqual(0);
  });

  it("scales a picture the server cannot take to a size it can, and reports that size", async () => {
    const before = fake.requests.length;
    const req = {
      ...(await request()),
      image: await seedPng(1536, 1024),
      mask: await rectMask(1536, 1024, { x: 400, y: 300, w: 300, h: 200 }),
      width: 1536,
      height: 1024,
    };
    const res = await engine().edit(req);
    expect([fake.requests[before]!.width, fake.requests[before]!.height]).toEqual([512, 344]);
    expect((await sharp(res.image).metadata()).width).toBe(512);
  });

  it("replays recorded parameters to the same pixels, whatever it is configured with now, and another checkpoint to different ones", async () => {
    const req = await request("a blue boat");
    const first = await engine().edit(req);
    // Configured differently in every sampling parameter and size: the replay still sends what was recorded.
    const reconfigured = engine({
      sampler: "Euler",
      scheduler: "Automatic",
      steps: 9,
      cfgScale: 3,
      denoisingStrength: 0.5,
      inpaintingFill: "fill",
      inpaintFullRes: true,
      inpaintPadding: 0,
      maskBlur: 0,
      maxSide: 768,
    });
    const before = fake.requests.length;
    const again = await reconfigured.edit({ ...req, replay: first.params });
    expect(fake.requests[before]).toMatchObject({
      seed: first.params.engine === "sdwebui" ? first.params.seed : -1,
      ...SENT,
      width: 512,
      height: 344,
    });
    expect(again.params).toEqual(first.params);
    expect(again.image.equals(first.image)).toBe(true);
    const other = await engine({ checkpoint: SDXL.title }).edit({ ...req, replay: first.params });
    expect(other.params).toMatchObject({ checkpointHash: SDXL.hash, seed: first.params.engine === "sdwebui" ? first.params.seed : -1 });
    expect(other.image.equals(first.image)).toBe(false);
  });

  it("turns every failure into a clear error", async () => {
    const e = engine({ timeoutMs: 400 });
    await e.prepare!();
    const run = async (req?: Partial<Awaited<ReturnType<typeof request>>>) => refused(e.edit({ ...(await request()), ...req }));
    fake.script({
      status: 500,
      body: { error: "OutOfMemoryError", detail: "", body: "", errors: "CUDA out of memory. Tried to allocate 2.00 GiB" },
    });
    expect(await run()).toMatchObject({
      code: "UNAVAILABLE",
      operator: { service: "sdwebui", code: "OutOfMemoryError", detail: expect.stringContaining("CUDA out of memory") },
    });
    fake.script({ status: 503, body: { detail: "Service Unavailable" } });
    expect(await run()).toMatchObject({ code: "RATE_LIMITED", detail: { code: "ENGINE_BUSY" } });
    fake.script({
      status: 422,
      body: { detail: [{ loc: ["body", "steps"], msg: "value is not a valid integer", type: "type_error.integer" }] },
    });
    expect(await run()).toMatchObject({
      code: "UNAVAILABLE",
      detail: { code: "ENGINE_REJECTED" },
      operator: { detail: expect.stringContaining("body.steps") },
    });
    fake.script({ hang: true });
    expect(await run()).toMatchObject({ code: "TIMEOUT" });
    // The participant left: the request is abandoned as aborted, not as a timeout.
    fake.script({ delayMs: 300 });
    const leaving = new AbortController();
    setTimeout(() => leaving.abort(), 50);
    expect(await refused(engine().edit({ ...(await request()), signal: leaving.signal }))).toMatchObject({ code: "ABORTED" });
    // A censoring extension's black picture is a refusal of the prompt.
    expect(await run({ prompt: "something forbidden" })).toMatchObject({ code: "REFUSED" });
    // An answer made with another checkpoint than asked for (the server dropped the override).
    const otherInfo = JSON.stringify({
      seed: 1,
      sd_model_name: SDXL.model_name,
      sd_model_hash: SDXL.hash,
      sampler_name: "DPM++ 2M",
      version: "v1.10.1",
    });
    fake.script({ status: 200, body: { images: [(await seedPng(W, H)).toString("base64")], parameters: {}, info: otherInfo } });
    expect(await run()).toMatchObject({ code: "MISCONFIGURED", operator: { code: "checkpoint_not_used" } });
    // The same without hashes to compare: the answer must name the checkpoint's file.
    const unhashed = await startFakeSdwebui({ hashless: true });
    try {
      const byName = engine({ url: unhashed.url, checkpoint: "sd-v1-5-inpainting", timeoutMs: 2000 });
      await expect(byName.edit(await request())).resolves.toMatchObject({ model: SD15.model_name });
      unhashed.script({ status: 200, body: { images: [(await seedPng(W, H)).toString("base64")], parameters: {}, info: otherInfo } });
      expect(await refused(byName.edit(await request()))).toMatchObject({ operator: { code: "checkpoint_not_used" } });
    } finally {
      await unhashed.close();
    }
    // Output that is not a picture, or info that is not JSON.
    fake.script({ status: 200, body: { images: ["not base64!"], parameters: {}, info: "{}" } });
    expect(await run()).toMatchObject({ code: "BAD_OUTPUT" });
  });
});

describe("one picture at a time", () => {
  it("sends one request at a time, and one whose participant leaves while it waits is never sent", async () => {
    const e = engine({ timeoutMs: 2000 });
    await e.prepare!();
    const before = fake.requests.length;
    fake.script({ delayMs: 400 });
    const [first, second] = await Promise.all([
      e.edit(await request("slow")),
      refused(e.edit({ ...(await request("late")), signal: AbortSignal.timeout(200) })),
    ]);
    expect(first.provider).toBe("sdwebui");
    expect(second).toMatchObject({ code: "ABORTED" });
    expect(fake.requests.slice(before).map((r) => r.prompt)).toEqual(["slow"]);
    // The line moves on: the next one goes straight through.
    await expect(e.edit(await request("next"))).resolves.toMatchObject({ provider: "sdwebui" });
  });
});

describe("the stand-in", () => {
  it("is as strict as the real server, and stricter where the real one would silently drop a mistake", async () => {
    const post = (body: unknown) =>
      fetch(`${fake.url}/sdapi/v1/img2img`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const init = (await seedPng(64, 64)).toString("base64");
    let res = await post({ init_images: [init], steps: "20" });
    expect([res.status, await res.json()]).toEqual([
      422,
      { detail: [{ loc: ["body", "steps"], msg: "value is not a valid integer", type: "type_error.integer" }] },
    ]);
    res = await post({ init_images: [init], negative_promp: "typo" });
    expect(await res.json()).toEqual({
      detail: [{ loc: ["body", "negative_promp"], msg: "extra fields not permitted", type: "value_error.extra" }],
    });
    res = await post({ init_images: [init], denoising_strength: null });
    expect((await res.json()).detail[0]).toMatchObject({ type: "type_error.none.not_allowed" });
    res = await post({ prompt: "x" });
    expect([res.status, await res.json()]).toEqual([404, { error: "HTTPException", detail: "Init image not found", body: "", errors: "" }]);
    res = await post({ init_images: ["@@@@"] });
    expect([res.status, (await res.json()).detail]).toEqual([500, "Invalid encoded image"]);
    // What the webui's own code trips over comes back as a 500 named after the Python exception.
    res = await post({ init_images: ["data:image/png,AAAA"] });
    expect([res.status, await res.json()]).toEqual([500, { error: "IndexError", detail: "", body: "", errors: "list index out of range" }]);
    res = await post({ init_images: [7] });
    expect([res.status, (await res.json()).error]).toEqual([500, "AttributeError"]);
    res = await post({ init_images: [init, init] });
    expect([res.status, (await res.json()).errors]).toEqual([500, "bad number of images passed: 2; expecting 1 or less"]);
    res = await post({ init_images: [init], script_name: "outpainting mk2" });
    expect([res.status, (await res.json()).detail]).toEqual([422, "Script 'outpainting mk2' not found"]);
    res = await post({ init_images: [init], alwayson_scripts: { controlnet: {} } });
    expect([res.status, (await res.json()).detail]).toEqual([422, "always on script controlnet not found"]);
    // Not JSON, an unknown route, a known route with another method.
    res = await fetch(`${fake.url}/sdapi/v1/img2img`, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    expect([res.status, await res.json()]).toEqual([
      422,
      { detail: [{ loc: ["body"], msg: "value is not a valid dict", type: "type_error.dict" }] },
    ]);
    expect([(await fetch(`${fake.url}/sdapi/v1/txt2imgz`)).status, (await fetch(`${fake.url}/sdapi/v1/img2img`)).status]).toEqual([
      404, 405,
    ]);
    // Like the real server: the seed used is reported, an unknown sampler becomes DPM++ 2M, info is a JSON string.
    res = await post({ init_images: [init], sampler_name: "k_euler", width: 64, height: 64, inpaint_full_res: false });
    const ok = (await res.json()) as { images: string[]; info: string };
    const info = JSON.parse(ok.info) as { seed: number; sampler_name: string };
    expect([typeof ok.info, info.sampler_name, info.seed >= 0, ok.images.length]).toEqual(["string", "DPM++ 2M", true, 1]);
  });
});
