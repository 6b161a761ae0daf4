// The fake OpenAI server refuses what the real one refuses, with the real error shapes, and sends
// only fields the real API has. Requests go over plain HTTP (fetch + FormData), so each rule is
// seen exactly as a client would meet it. Sources for each rule are cited in ./fake-openai-rules.
import type { ImagesResponse } from "openai/resources/images";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai";

let fake: FakeOpenAI;
let png1024: Buffer;
let mask1024: Buffer;

const solid = (width: number, height: number, channels: 3 | 4, format: "png" | "jpeg" | "webp" | "gif" = "png") =>
  sharp({ create: { width, height, channels, background: { r: 10, g: 120, b: 240, alpha: channels === 4 ? 0 : 1 } } })
    .toFormat(format)
    .toBuffer();

beforeAll(async () => {
  fake = await startFakeOpenAI();
  [png1024, mask1024] = await Promise.all([solid(1024, 768, 3), solid(1024, 768, 4)]);
});
afterAll(() => fake.close());

type Fields = Record<string, string | Buffer | undefined>;
async function edit(fields: Fields, key: string | null = "sk-test") {
  const form = new FormData();
  const all: Fields = { model: "gpt-image-2", prompt: "a red balloon", image: png1024, mask: mask1024, ...fields };
  for (const [name, value] of Object.entries(all)) {
    if (value === undefined) continue;
    if (typeof value === "string") form.append(name, value);
    else form.append(name, new Blob([new Uint8Array(value)], { type: "image/png" }), `${name}.png`);
  }
  const res = await fetch(`${fake.url}/images/edits`, {
    method: "POST",
    body: form,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The error body the API reference shows: exactly message, type, param and code. */
function apiError(res: { status: number; body: Record<string, unknown> }, status: number, param: string | null, code?: string | null) {
  expect(res.status).toBe(status);
  expect(Object.keys(res.body)).toEqual(["error"]);
  const error = res.body.error as Record<string, unknown>;
  expect(Object.keys(error).sort()).toEqual(["code", "message", "param", "type"]);
  expect(typeof error.message).toBe("string");
  expect(error.param).toBe(param);
  if (code !== undefined) expect(error.code).toBe(code);
  return error;
}

describe("the fake OpenAI server", () => {
  it("refuses a missing or wrong API key with 401", async () => {
    apiError(await edit({}, null), 401, null, null);
    const wrong = apiError(await edit({}, "sk-wrong-key-1234"), 401, null, "invalid_api_key");
    expect(wrong.message).not.toContain("sk-wrong-key-1234");
    const list = await fetch(`${fake.url}/models`);
    expect(list.status).toBe(401);
  });

  it("lists its models with their shutdown dates, and answers 404 model_not_found for others", async () => {
    const headers = { authorization: "Bearer sk-test" };
    const list = (await (await fetch(`${fake.url}/models`, { headers })).json()) as { object: string; data: Record<string, unknown>[] };
    expect(list.object).toBe("list");
    expect(list.data.map((m) => m.id)).toEqual(expect.arrayContaining(["gpt-image-2", "gpt-image-2-2026-04-21"]));
    for (const m of list.data) expect(Object.keys(m).sort()).toEqual(["created", "id", "object", "owned_by", "shutdown_date"]);
    const one = (await (await fetch(`${fake.url}/models/gpt-image-1.5`, { headers })).json()) as Record<string, unknown>;
    expect(one).toMatchObject({ id: "gpt-image-1.5", object: "model", shutdown_date: "2026-12-01" });
    const missing = await fetch(`${fake.url}/models/gpt-image-9`, { headers });
    apiError({ status: missing.status, body: (await missing.json()) as Record<string, unknown> }, 404, null, "model_not_found");
  });

  it("refuses edits with an unknown or shut-down model (404 model_not_found)", async () => {
    apiError(await edit({ model: "gpt-image-9" }), 404, null, "model_not_found");
    apiError(await edit({ model: "gpt-image-1.5", size: "1024x1024" }), 404, null, "model_not_found");
  });

  it.each(["64x48", "1000x750", "512x512", "4096x2048", "3840x1024", "1024", "big"])(
    "refuses size %s for gpt-image-2 (400, param size)",
    async (size) => {
      apiError(await edit({ size }), 400, "size", "invalid_value");
    },
  );

  it("takes gpt-image-2's flexible sizes but only the standard ones from other GPT image models", async () => {
    fake.setModels([{ id: "gpt-image-2" }, { id: "gpt-image-1.6" }]);
    try {
      const png = await solid(1920, 1088, 3);
      const mask = await solid(1920, 1088, 4);
      expect((await edit({ size: "1920x1088", image: png, mask })).status).toBe(200);
      apiError(await edit({ model: "gpt-image-1.6", size: "1920x1088", image: png, mask }), 400, "size", "invalid_value");
      expect((await edit({ model: "gpt-image-1.6", size: "1536x1024", image: png, mask })).status).toBe(200);
    } finally {
      fake.setModels((await import("./fake-openai")).DEFAULT_MODELS);
    }
  });

  it("refuses a mask of another size, without alpha, not PNG, or over 4 MB (400, param mask)", async () => {
    apiError(await edit({ mask: await solid(1024, 1024, 4) }), 400, "mask");
    apiError(await edit({ mask: await solid(1024, 768, 3) }), 400, "mask", "invalid_image_file");
    apiError(await edit({ mask: await solid(1024, 768, 4, "webp") }), 400, "mask", "invalid_image_format");
    apiError(await edit({ mask: Buffer.concat([mask1024, Buffer.alloc(4 * 1024 * 1024)]) }), 400, "mask");
  });

  it("refuses an image that is missing, not png/webp/jpg, or 50 MB or more (400, param image)", async () => {
    apiError(await edit({ image: undefined }), 400, "image", "missing_required_parameter");
    apiError(await edit({ image: await solid(1024, 768, 3, "gif") }), 400, "image", "invalid_image_format");
    apiError(await edit({ image: Buffer.concat([png1024, Buffer.alloc(50 * 1024 * 1024)]) }), 400, "image");
    expect((await edit({ image: await solid(1024, 768, 3, "jpeg"), size: "1024x768" })).status).toBe(200);
  });

  it("refuses response_format, a missing prompt and a transparent background on gpt-image-2", async () => {
    apiError(await edit({ response_format: "b64_json" }), 400, "response_format", "unknown_parameter");
    apiError(await edit({ prompt: undefined }), 400, "prompt", "missing_required_parameter");
    apiError(await edit({ background: "transparent" }), 400, "background", "invalid_value");
  });

  it("repaints the whole picture at the requested size, and sends only ImagesResponse's fields", async () => {
    const res = await edit({ size: "1024x768" });
    expect(res.status).toBe(200);
    const known: (keyof ImagesResponse)[] = ["created", "data", "background", "output_format", "quality", "size", "usage"];
    for (const key of Object.keys(res.body)) expect(known).toContain(key);
    expect(res.body).not.toHaveProperty("model");
    const [first] = res.body.data as { b64_json: string }[];
    const out = await sharp(Buffer.from(first!.b64_json, "base64")).raw().toBuffer({ resolveWithObject: true });
    expect([out.info.width, out.info.height]).toEqual([1024, 768]);
    const input = await sharp(png1024).raw().toBuffer();
    let same = 0;
    for (let i = 0; i < input.length; i++) if (input[i] === out.data[i]) same++;
    expect(same).toBe(0);

    const auto = await edit({});
    const [autoImage] = auto.body.data as { b64_json: string }[];
    const meta = await sharp(Buffer.from(autoImage!.b64_json, "base64")).metadata();
    expect(`${meta.width}x${meta.height}`).toBe("1536x1024"); // the standard size nearest 4:3
  });
});
