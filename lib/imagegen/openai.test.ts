// The OpenAI engine against a fake OpenAI server over real HTTP, so the SDK's own multipart
// encoding, error parsing and abort handling are what get tested.
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai";
import { chooseSize, createOpenAIEngine, moderatePrompt, type OpenAIEngineOptions } from "./openai";
import { EngineError, type EditRequest } from "./types";

const W = 64;
const H = 48;
let fake: FakeOpenAI;
let seed: Buffer;
let mask: Buffer;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  seed = await sharp({ create: { width: W, height: H, channels: 3, background: { r: 200, g: 40, b: 90 } } }).png().toBuffer();
  // Opaque everywhere except a transparent (alpha 0) square: the region to repaint.
  const rgba = Buffer.alloc(W * H * 4, 255);
  for (let y = 8; y < 24; y++) for (let x = 8; x < 24; x++) rgba[(y * W + x) * 4 + 3] = 0;
  mask = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } }).png().toBuffer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.script([]);
});

const engine = (over: Partial<OpenAIEngineOptions> = {}) =>
  createOpenAIEngine({ apiKey: "sk-test", baseURL: fake.url, model: "gpt-image-2", timeoutMs: 5_000, backoffMs: 5, ...over });
const request = (over: Partial<EditRequest> = {}): EditRequest => ({
  ...{ image: seed, mask, prompt: "a red balloon", width: W, height: H },
  ...over,
});

async function engineError(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(() => new Error("expected the edit to fail"), (e: unknown) => e);
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe("createOpenAIEngine", () => {
  it("sends image, mask, prompt, model and size as real multipart and reports the response's model", async () => {
    const out = await sharp({ create: { width: W, height: H, channels: 4, background: "#00ff00" } }).png().toBuffer();
    fake.script([{ status: 200, b64Png: out, model: "gpt-image-2-2026-04-21" }]);

    const result = await engine().edit(request());

    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent?.path).toBe("/v1/images/edits");
    expect(sent?.headers.authorization).toBe("Bearer sk-test");
    expect(sent?.fields).toMatchObject({ model: "gpt-image-2", prompt: "a red balloon", size: "64x48", output_format: "png" });
    expect(sent?.files.image?.type).toBe("image/png");
    expect(sent?.files.image?.bytes.equals(seed)).toBe(true);
    expect(sent?.files.mask?.type).toBe("image/png");
    expect(sent?.files.mask?.bytes.equals(mask)).toBe(true);
    const maskMeta = await sharp(sent?.files.mask?.bytes).metadata();
    expect([maskMeta.format, maskMeta.width, maskMeta.height, maskMeta.hasAlpha]).toEqual(["png", W, H, true]);

    expect(result).toMatchObject({ provider: "openai", model: "gpt-image-2-2026-04-21" });
    expect(result.image.equals(out)).toBe(true);
    expect((await sharp(result.image).metadata()).format).toBe("png");
    expect(result.engineMs).toBeGreaterThanOrEqual(0);
  });

  it("falls back to the requested model id when the response names none", async () => {
    const result = await engine({ model: "gpt-image-2-mini" }).edit(request()); // default: echo the upload
    expect(result.model).toBe("gpt-image-2-mini");
    expect(result.image.equals(seed)).toBe(true);
  });

  it("retries a 429, honouring Retry-After, then succeeds", async () => {
    fake.script([{ status: 429, retryAfter: 1 }, { status: 200 }]);
    const started = Date.now();
    const result = await engine().edit(request());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.requests).toHaveLength(2);
    expect(result.image.equals(seed)).toBe(true);
  });

  it("gives up on repeated 429s as RATE_LIMITED after maxAttempts", async () => {
    fake.script([{ status: 429 }, { status: 429 }, { status: 429 }, { status: 429 }]);
    const err = await engineError(engine({ maxAttempts: 3 }).edit(request()));
    expect(err.code).toBe("RATE_LIMITED");
    expect(fake.requests).toHaveLength(3);
  });

  it("gives up on repeated 500s as UNAVAILABLE after exactly maxAttempts requests", async () => {
    fake.script(Array.from({ length: 6 }, () => ({ status: 500 as const })));
    const err = await engineError(engine({ maxAttempts: 4 }).edit(request()));
    expect(err.code).toBe("UNAVAILABLE");
    expect(err.userMessage).toMatch(/unavailable/i);
    expect(fake.requests).toHaveLength(4);
  });

  it("does not retry other 4xx errors (configuration problems)", async () => {
    fake.script([{ status: 401 }, { status: 200 }]);
    const err = await engineError(engine().edit(request()));
    expect(err.code).toBe("UNAVAILABLE");
    expect(fake.requests).toHaveLength(1);
  });

  it("stops a slow response at timeoutMs with TIMEOUT", async () => {
    fake.script([{ status: 200, delayMs: 3_000 }, { status: 200 }]);
    const started = Date.now();
    const err = await engineError(engine({ timeoutMs: 300 }).edit(request()));
    expect(err.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(1);
  });

  it("treats moderation_blocked as a final REFUSED after one request", async () => {
    fake.script([{ status: 400, code: "moderation_blocked" }, { status: 200 }]);
    const err = await engineError(engine().edit(request()));
    expect(err.code).toBe("REFUSED");
    expect(err.userMessage).toBe("The image model declined this request under its safety rules. Try a different prompt.");
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ["not base64", "%%% definitely not base64 %%%"],
    ["base64 but not an image", Buffer.from("hello, world").toString("base64")],
    ["missing", null],
  ])("reports BAD_OUTPUT when b64_json is %s", async (_label, b64Json) => {
    fake.script([{ status: 200, b64Json }]);
    const err = await engineError(engine().edit(request()));
    expect(err.code).toBe("BAD_OUTPUT");
    expect(fake.requests).toHaveLength(1);
  });

  it("stops with ABORTED when the signal aborts mid-request", async () => {
    fake.script([{ status: 200, delayMs: 3_000 }]);
    const started = Date.now();
    const err = await engineError(engine().edit(request({ signal: AbortSignal.timeout(150) })));
    expect(err.code).toBe("ABORTED");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("sends nothing when the signal is already aborted, and stops during back-off", async () => {
    const aborted = await engineError(engine().edit(request({ signal: AbortSignal.abort() })));
    expect(aborted.code).toBe("ABORTED");
    expect(fake.requests).toHaveLength(0);

    fake.script([{ status: 429, retryAfter: 10 }]);
    const started = Date.now();
    const err = await engineError(engine({ timeoutMs: 30_000 }).edit(request({ signal: AbortSignal.timeout(300) })));
    expect(err.code).toBe("ABORTED");
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(1);
  });

  it("does not wait out a Retry-After that would pass the deadline", async () => {
    fake.script([{ status: 429, retryAfter: 10 }, { status: 200 }]);
    const started = Date.now();
    const err = await engineError(engine({ timeoutMs: 2_000 }).edit(request()));
    expect(err.code).toBe("RATE_LIMITED");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("chooseSize", () => {
  it("sends the seed's size when the model accepts it, else auto", () => {
    expect(chooseSize("gpt-image-2", 1024, 1024)).toBe("1024x1024");
    expect(chooseSize("gpt-image-2", 1920, 1088)).toBe("1920x1088");
    expect(chooseSize("gpt-image-2", 1000, 750)).toBe("auto"); // not multiples of 16
    expect(chooseSize("gpt-image-2", 3200, 1024)).toBe("auto"); // wider than 3:1
    expect(chooseSize("gpt-image-2", 4096, 2048)).toBe("auto"); // above 3840x2160
    expect(chooseSize("gpt-image-1.5", 1536, 1024)).toBe("1536x1024");
    expect(chooseSize("gpt-image-1.5", 1920, 1088)).toBe("auto");
  });
});

describe("moderatePrompt", () => {
  const opts = () => ({ apiKey: "sk-test", baseURL: fake.url, backoffMs: 5 });

  it("reports flagged categories", async () => {
    fake.script([{ status: 200, flagged: true, categories: ["violence", "violence/graphic"] }]);
    const verdict = await moderatePrompt(opts(), "something nasty");
    expect(verdict).toEqual({ flagged: true, categories: ["violence", "violence/graphic"], checked: true });
    expect(fake.requests[0]?.json).toEqual({ model: "omni-moderation-latest", input: "something nasty" });
  });

  it("passes a clean prompt", async () => {
    fake.script([{ status: 200, flagged: false }]);
    expect(await moderatePrompt(opts(), "a red balloon")).toEqual({ flagged: false, categories: [], checked: true });
  });

  it("does not block when the moderation call fails, but says it did not check", async () => {
    fake.script([{ status: 500 }, { status: 500 }, { status: 500 }]);
    expect(await moderatePrompt(opts(), "a red balloon")).toEqual({ flagged: false, categories: [], checked: false });
    expect(fake.requests).toHaveLength(2); // one retry at most
  });
});
