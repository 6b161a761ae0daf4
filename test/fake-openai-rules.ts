// What the fake OpenAI server refuses, and how: each rule is one the real service enforces, with
// the error body it answers ({ error: { message, type, param, code } }, the shape of the SDK's
// APIError and of every error example in the API reference). Sources are named rule by rule.
import sharp from "sharp";
import type { RecordedFile, RecordedRequest } from "./fake-openai";

export interface ApiErrorBody {
  status: number;
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** A model the fake lists (API reference, Models > List models: id, object, created, owned_by, shutdown_date). */
export interface FakeModel {
  id: string;
  created?: number;
  owned_by?: string;
  /** YYYY-MM-DD or null ("The date when the model will shut down, or null if not announced"). */
  shutdown_date?: string | null;
}

const invalid = (status: number, message: string, param: string | null, code: string | null): ApiErrorBody => ({
  status,
  error: { message, type: "invalid_request_error", param, code },
});

/**
 * API reference, Authentication: "Authorization: Bearer OPENAI_API_KEY". Error codes guide:
 * "401 - Incorrect API key provided" (code invalid_api_key, the key masked but for its last four
 * characters); a request with no key at all is told "You didn't provide an API key" (code null).
 */
export function checkAuth(headers: Record<string, string>, apiKeys: ReadonlySet<string>): ApiErrorBody | null {
  const key = /^Bearer (.+)$/.exec(headers.authorization ?? "")?.[1]?.trim();
  if (!key) {
    const message =
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    return invalid(401, message, null, null);
  }
  if (apiKeys.has(key)) return null;
  const masked = `${key.slice(0, 3)}${"*".repeat(Math.max(0, key.length - 7))}${key.slice(-4)}`;
  return invalid(
    401,
    `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    null,
    "invalid_api_key",
  );
}

/** A model is inaccessible from its shutdown date on (deprecations page: "no longer accessible"). */
export const isShutDown = (m: FakeModel, now: Date) =>
  typeof m.shutdown_date === "string" && now >= new Date(`${m.shutdown_date}T00:00:00Z`);

/** 404 model_not_found, as the API answers for an unknown (or retired) model. */
export const modelNotFound = (id: string) =>
  invalid(404, `The model \`${id}\` does not exist or you do not have access to it.`, null, "model_not_found");

/** SDK ImageEditParams.size: gpt-image-2 and its dated snapshot take arbitrary sizes. */
const isGptImage2 = (model: string) => /^gpt-image-2(-\d{4}-\d{2}-\d{2})?$/.test(model);
const isGptImageModel = (model: string) => /^(gpt-image-|chatgpt-image-)/.test(model);
export const STANDARD = ["1024x1024", "1536x1024", "1024x1536"];

/**
 * gpt-image-2's sizes. SDK (ImageEditParams.size): both sides divisible by 16, aspect between 1:3
 * and 3:1, at most 3840x2160 and "the model's current pixel and edge limits"; image generation
 * guide, "Size and quality options": 655,360 to 8,294,400 pixels, longest edge 3,840.
 */
export function gptImage2Accepts(width: number, height: number): boolean {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  return (
    width % 16 === 0 &&
    height % 16 === 0 &&
    short > 0 &&
    long <= 3 * short &&
    long <= 3840 &&
    width * height >= 655_360 &&
    width * height <= 8_294_400
  );
}

const MB = 1024 * 1024;
type Format = "png" | "jpeg" | "webp" | null;
function sniff(bytes: Buffer): Format {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP") return "webp";
  return null;
}

export interface ValidEdit {
  model: string;
  /** The requested size, or "auto". */
  size: { width: number; height: number } | "auto";
  image: RecordedFile;
  /** `output_format`: "The default value is png". */
  format: "png" | "jpeg" | "webp";
}

/**
 * Checks a POST /v1/images/edits the way the API does; the rules follow the SDK's own parameter
 * docs (node_modules/openai/resources/images.d.ts, ImageEditParamsBase) unless noted.
 */
export async function checkEdit(req: RecordedRequest, models: readonly FakeModel[], now: Date): Promise<ApiErrorBody | ValidEdit> {
  const f = req.fields;
  // `model`: "Defaults to gpt-image-1.5", which has shut down (PRODUCT.md), hence a 404.
  const model = f.model ?? "gpt-image-1.5";
  const listed = models.find((m) => m.id === model);
  if (!listed || isShutDown(listed, now)) return modelNotFound(model);
  if (!isGptImageModel(model))
    return invalid(400, `Invalid value: '${model}'. Image edits need a GPT image model.`, "model", "invalid_value");
  // `prompt`: required; "The maximum length is ... 32000 characters for the GPT image models".
  if (!f.prompt) return invalid(400, "Missing required parameter: 'prompt'.", "prompt", "missing_required_parameter");
  if (f.prompt.length > 32_000)
    return invalid(
      400,
      "Invalid 'prompt': string too long. Expected a string with maximum length 32000.",
      "prompt",
      "string_above_max_length",
    );
  // `response_format`: "only supported for dall-e-2 ... GPT image models always return base64".
  if (f.response_format !== undefined) return invalid(400, "Unknown parameter: 'response_format'.", "response_format", "unknown_parameter");
  // `image`: "each image should be a png, webp, or jpg file less than 50MB. You can provide up to 16".
  const images = Object.entries(req.files)
    .filter(([name]) => name === "image" || name === "image[]")
    .map(([, file]) => file);
  const image = images[0];
  if (!image) return invalid(400, "Missing required parameter: 'image'.", "image", "missing_required_parameter");
  for (const file of images) {
    if (file.bytes.length >= 50 * MB)
      return invalid(400, "Invalid 'image': each image must be smaller than 50 MB.", "image", "invalid_value");
    if (!sniff(file.bytes))
      return invalid(400, "Invalid 'image': unsupported image format; use png, webp or jpg.", "image", "invalid_image_format");
  }
  const imageMeta = await sharp(image.bytes)
    .metadata()
    .catch(() => null);
  if (!imageMeta?.width || !imageMeta.height)
    return invalid(400, "Invalid 'image': the file could not be read as an image.", "image", "invalid_image_format");
  // `mask`: "Must be a valid PNG file, less than 4MB, and have the same dimensions as image"; its
  // fully transparent areas mark the edit, so it needs an alpha channel (image generation guide,
  // "mask requirements"; the code is the one a gateway relaying the API reports).
  const mask = req.files.mask;
  if (mask) {
    if (mask.bytes.length >= 4 * MB) return invalid(400, "Invalid 'mask': the mask must be smaller than 4 MB.", "mask", "invalid_value");
    if (sniff(mask.bytes) !== "png") return invalid(400, "Invalid 'mask': the mask must be a PNG file.", "mask", "invalid_image_format");
    const meta = await sharp(mask.bytes)
      .metadata()
      .catch(() => null);
    if (!meta?.hasAlpha) return invalid(400, "Invalid 'mask': the mask must have an alpha channel.", "mask", "invalid_image_file");
    if (meta.width !== imageMeta.width || meta.height !== imageMeta.height) {
      return invalid(
        400,
        `Invalid 'mask': the mask is ${meta.width}x${meta.height} but the image is ${imageMeta.width}x${imageMeta.height}; they must match.`,
        "mask",
        null,
      );
    }
  }
  // `background`: "gpt-image-2 ... do not support transparent backgrounds ... will return an error".
  if (f.background === "transparent" && isGptImage2(model)) {
    return invalid(
      400,
      "Invalid value: 'transparent'. This model does not support transparent backgrounds.",
      "background",
      "invalid_value",
    );
  }
  // `output_format`: "Must be one of png, jpeg, or webp"; `n`: "between 1 and 10".
  if (f.output_format !== undefined && !["png", "jpeg", "webp"].includes(f.output_format)) {
    return invalid(
      400,
      `Invalid value: '${f.output_format}'. Supported values are: 'png', 'jpeg', and 'webp'.`,
      "output_format",
      "invalid_value",
    );
  }
  const n = f.n === undefined ? 1 : Number(f.n);
  if (!(Number.isInteger(n) && n >= 1 && n <= 10))
    return invalid(400, `Invalid 'n': ${f.n}. Expected a value between 1 and 10.`, "n", "invalid_value");
  // `size`: the standard sizes or auto for every GPT image model; gpt-image-2 also WIDTHxHEIGHT.
  const format = f.output_format === "jpeg" || f.output_format === "webp" ? f.output_format : "png";
  const size = f.size ?? "auto";
  if (size === "auto") return { model, size, image, format };
  const m = /^(\d+)x(\d+)$/.exec(size);
  const [w, h] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (STANDARD.includes(size) || (isGptImage2(model) && gptImage2Accepts(w, h)))
    return { model, size: { width: w, height: h }, image, format };
  const allowed = isGptImage2(model)
    ? "WIDTHxHEIGHT with both sides multiples of 16, aspect between 1:3 and 3:1, 655,360 to 8,294,400 pixels and no side above 3840, or 'auto'"
    : "'1024x1024', '1024x1536', '1536x1024', and 'auto'";
  return invalid(400, `Invalid value: '${size}'. Supported values are: ${allowed}.`, "size", "invalid_value");
}
