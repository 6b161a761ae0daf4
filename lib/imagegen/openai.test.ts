// The OpenAI engine against a fake OpenAI server over real HTTP, so the SDK's own multipart
// encoding, error parsing and abort handling are what get tested. The fake is as strict as the
// real API (test/fake-openai-rules.ts): a request it accepts is one OpenAI would accept.
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_MODELS, startFakeOpenAI, type FakeOpenAI } from "@/test/fake-openai";
import { createOpenAIEngine, moderatePrompt, type OpenAIEngineOptions } from "./openai";
import { EngineError, type EditRequest } from "./types";
import { english } from "@/test/error-text";

const W = 1024;
const H = 768;
let fake: FakeOpenAI;
let seed: Buffer;
let mask: Buffer;

async function maskPng(width: number, height: number) {
  // Opaque everywhere except a transparent (alpha 0) square: the region to repaint.
  const rgba = Buffer.alloc(width * height * 4, 255);
  for (let y = 64; y < 192; y++) for (let x = 64; x < 192; x++) rgba[(y * width + x) * 4 + 3] = 0;
  return sharp(rgba, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
  seed = await sharp({ create: { width: W, height: H, channels: 3, background: { r: 200, g: 40, b: 90 } } })
    .png()
    .toBuffer();
  mask = await maskPng(W, H);
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.script([]);
  fake.scriptModels([]);
  fake.setModels(DEFAULT_MODELS);
});

const engine = (over: Partial<OpenAIEngineOptions> = {}) =>
  createOpenAIEngine({ apiKey: "sk-test", baseURL: fake.url, model: "gpt-image-2", timeoutMs: 5_000, backoffMs: 5, ...over });
const request = (over: Partial<EditRequest> = {}): EditRequest => ({
  ...{ image: seed, mask, prompt: "a red balloon", width: W, height: H },
  ...over,
});
const edits = () => fake.requests.filter((r) => r.path === "/v1/images/edits");
const lookups = () => fake.requests.filter((r) => r.path === "/v1/models");

async function engineError(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => new Error("expected the edit to fail"),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

describe("createOpenAIEngine", () => {
  it("asks for the alias's snapshot at the seed's size, as real multipart, and records snapshot and alias", async () => {
    const out = await sharp({ create: { width: W, height: H, channels: 4, background: "#00ff00" } })
      .png()
      .toBuffer();
    fake.script([{ status: 200, b64Png: out }]);

    const result = await engine().edit(request());

    expect(lookups()).toHaveLength(1);
    expect(edits()).toHaveLength(1);
    const [sent] = edits();
    expect(sent?.headers.authorization).toBe("Bearer sk-test");
    expect(sent?.fields).toEqual({ model: "gpt-image-2-2026-04-21", prompt: "a red balloon", size: "1024x768", output_format: "png" });
    expect(sent?.files.image?.type).toBe("image/png");
    expect(sent?.files.image?.bytes.equals(seed)).toBe(true);
    expect(sent?.files.mask?.bytes.equals(mask)).toBe(true);

    expect(result).toMatchObject({ provider: "openai", model: "gpt-image-2-2026-04-21", modelRequested: "gpt-image-2" });
    expect(result.image.equals(out)).toBe(true);
    expect(result.engineMs).toBeGreaterThanOrEqual(0);
  });

  it("resolves the model once per engine, and takes a configured snapshot as is", async () => {
    const e = engine();
    await e.edit(request());
    await e.edit(request());
    expect([lookups().length, edits().length]).toEqual([1, 2]);

    const pinned = await engine({ model: "gpt-image-2-2026-04-21" }).edit(request());
    expect([pinned.model, pinned.modelRequested]).toEqual(["gpt-image-2-2026-04-21", "gpt-image-2-2026-04-21"]);
  });

  it("uses the newest live snapshot when the API lists several", async () => {
    fake.setModels([...DEFAULT_MODELS, { id: "gpt-image-2-2026-09-01" }, { id: "gpt-image-2-2026-11-01", shutdown_date: "2026-11-30" }]);
    const result = await engine().edit(request());
    expect(result.model).toBe("gpt-image-2-2026-09-01");
    expect(edits()[0]?.fields.model).toBe("gpt-image-2-2026-09-01");
  });

  it.each([
    ["does not exist", "gpt-image-9", "model_not_found"],
    ["is past its shutdown date", "gpt-image-1.5", "model_shut_down"],
  ])("refuses a configured model that %s, before any edit is sent", async (_label, model, code) => {
    const err = await engineError(engine({ model }).edit(request()));
    expect([err.code, err.operator?.code, err.operator?.service]).toEqual(["MISCONFIGURED", code, "openai"]);
    expect(english(err.detail)).toMatch(/unavailable right now/);
    expect(edits()).toHaveLength(0);
  });

  it("sends a 512x512 seed and its mask scaled to 816x816, the nearest valid size", async () => {
    const small = await sharp({ create: { width: 512, height: 512, channels: 3, background: "#123456" } })
      .png()
      .toBuffer();
    const result = await engine().edit(request({ image: small, mask: await maskPng(512, 512), width: 512, height: 512 }));
    const [sent] = edits();
    expect(sent?.fields.size).toBe("816x816");
    for (const file of [sent?.files.image, sent?.files.mask]) {
      const meta = await sharp(file?.bytes).metadata();
      expect([meta.width, meta.height]).toEqual([816, 816]);
    }
    expect((await sharp(result.image).metadata()).width).toBe(816);
  });

  it("treats insufficient_quota as the operator's problem: MISCONFIGURED at once, never retried", async () => {
    fake.script([{ status: 429, code: "insufficient_quota" }, { status: 200 }]);
    const err = await engineError(engine().edit(request()));
    expect([err.code, err.operator?.code]).toEqual(["MISCONFIGURED", "insufficient_quota"]);
    expect(err.detail).toEqual({ code: "MISCONFIGURED" });
    expect(english(err.detail)).not.toMatch(/wait a minute/);
    expect(edits()).toHaveLength(1);
  });

  it("treats a rejected key (401) and a permission error (403) as MISCONFIGURED, not retried", async () => {
    const badKey = await engineError(engine({ apiKey: "sk-revoked-0000" }).edit(request()));
    expect([badKey.code, badKey.operator?.code]).toEqual(["MISCONFIGURED", "invalid_api_key"]);
    expect(badKey.operator?.detail).not.toContain("sk-revoked-0000");
    expect(lookups()).toHaveLength(1);

    fake.script([{ status: 403 }, { status: 200 }]);
    const denied = await engineError(engine().edit(request()));
    expect([denied.code, denied.operator?.code]).toEqual(["MISCONFIGURED", "permission_denied"]);
    expect(edits()).toHaveLength(1);
  });

  it("retries a failed model lookup like any call, then edits", async () => {
    fake.scriptModels([{ status: 503 }]);
    const result = await engine().edit(request());
    expect(result.model).toBe("gpt-image-2-2026-04-21");
    expect(lookups()).toHaveLength(2);
  });

  it("retries a 429 rate limit, honouring Retry-After, then succeeds", async () => {
    fake.script([{ status: 429, retryAfter: 1 }, { status: 200 }]);
    const e = engine();
    await e.prepare?.();
    const started = Date.now();
    await e.edit(request());
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(edits()).toHaveLength(2);
  });

  it("gives up on repeated 429s as RATE_LIMITED after maxAttempts", async () => {
    fake.script([{ status: 429 }, { status: 429 }, { status: 429 }, { status: 429 }]);
    const err = await engineError(engine({ maxAttempts: 3 }).edit(request()));
    expect(err.code).toBe("RATE_LIMITED");
    expect(edits()).toHaveLength(3);
  });

  it("gives up on repeated 500s as UNAVAILABLE after exactly maxAttempts requests", async () => {
    fake.script(Array.from({ length: 6 }, () => ({ status: 500 as const })));
    const err = await engineError(engine({ maxAttempts: 4 }).edit(request()));
    expect(err.code).toBe("UNAVAILABLE");
    expect(err.detail).toEqual({ code: "ENGINE_UNAVAILABLE" });
    expect(english(err.detail)).toMatch(/unavailable/i);
    expect(edits()).toHaveLength(4);
  });

  it("does not retry a request the API rejects (400), and tells the operator", async () => {
    fake.script([{ status: 400, code: "invalid_value" }, { status: 200 }]);
    const err = await engineError(engine().edit(request()));
    expect([err.code, err.operator?.code]).toEqual(["UNAVAILABLE", "invalid_value"]);
    expect(english(err.detail)).toMatch(/problem on our side, not your prompt/);
    expect(edits()).toHaveLength(1);
  });

  it("stops a slow response at timeoutMs with TIMEOUT", async () => {
    fake.script([{ status: 200, delayMs: 3_000 }, { status: 200 }]);
    const started = Date.now();
    const err = await engineError(engine({ timeoutMs: 500 }).edit(request()));
    expect(err.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(edits()).toHaveLength(1);
  });

  it("treats moderation_blocked as a final REFUSED after one request", async () => {
    fake.script([{ status: 400, code: "moderation_blocked" }, { status: 200 }]);
    const err = await engineError(engine().edit(request()));
    expect(err.code).toBe("REFUSED");
    expect(english(err.detail)).toBe("The image model declined this request under its safety rules. Try a different prompt.");
    expect(edits()).toHaveLength(1);
  });

  it.each([
    ["not base64", "%%% definitely not base64 %%%"],
    ["base64 but not an image", Buffer.from("hello, world").toString("base64")],
    ["missing", null],
  ])("reports BAD_OUTPUT when b64_json is %s", async (_label, b64Json) => {
    fake.script([{ status: 200, b64Json }]);
    const err = await engineError(engine().edit(request()));
    expect(err.code).toBe("BAD_OUTPUT");
    expect(edits()).toHaveLength(1);
  });

  it("stops with ABORTED when the signal aborts mid-request", async () => {
    fake.script([{ status: 200, delayMs: 3_000 }]);
    const e = engine();
    await e.prepare?.();
    const started = Date.now();
    const err = await engineError(e.edit(request({ signal: AbortSignal.timeout(300) })));
    expect(err.code).toBe("ABORTED");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("sends nothing when the signal is already aborted, and stops during back-off", async () => {
    const aborted = await engineError(engine().edit(request({ signal: AbortSignal.abort() })));
    expect(aborted.code).toBe("ABORTED");
    expect(fake.requests).toHaveLength(0);

    fake.script([{ status: 429, retryAfter: 10 }]);
    const e = engine({ timeoutMs: 30_000 });
    await e.prepare?.();
    const started = Date.now();
    const err = await engineError(e.edit(request({ signal: AbortSignal.timeout(300) })));
    expect(err.code).toBe("ABORTED");
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(edits()).toHaveLength(1);
  });

  it("does not wait out a Retry-After that would pass the deadline", async () => {
    fake.script([{ status: 429, retryAfter: 10 }, { status: 200 }]);
    const started = Date.now();
    const err = await engineError(engine({ timeoutMs: 2_000 }).edit(request()));
    expect(err.code).toBe("RATE_LIMITED");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(edits()).toHaveLength(1);
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
