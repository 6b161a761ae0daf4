import "server-only";
// The OpenAI image engine (gpt-image-2 family) and the free text moderation check. Retries are
// ours, not the SDK's (maxRetries 0): the SDK also retries timeouts and 408/409, and sleeps for any
// Retry-After however long without watching the abort signal, so an edit could outlive its deadline.
import { setTimeout as delay } from "node:timers/promises";
import OpenAI, { APIConnectionTimeoutError, APIError, toFile } from "openai";
import sharp from "sharp";
import { EngineError, type EditRequest, type EditResult, type ImageEngine } from "./types";

export interface OpenAIEngineOptions {
  apiKey: string;
  /** Defaults to https://api.openai.com/v1 (explicit, so the SDK never falls back to process.env). */
  baseURL?: string;
  model: string;
  /** Deadline for one whole edit, retries and back-off included. */
  timeoutMs: number;
  /** Requests per edit at most, the first one included (default 3). */
  maxAttempts?: number;
  /** Base of the exponential back-off between attempts (default 1000 ms). */
  backoffMs?: number;
}

export type ModerationOptions = Pick<OpenAIEngineOptions, "apiKey" | "baseURL" | "backoffMs"> & { timeoutMs?: number };

export interface ModerationVerdict {
  flagged: boolean;
  categories: string[];
  /** False when the moderation call itself failed, so the prompt went unchecked. */
  checked: boolean;
}

// content_policy_violation is the older spelling; both are final safety decisions.
const REFUSED_CODES = new Set(["moderation_blocked", "content_policy_violation"]);
const STANDARD_SIZES = new Set(["1024x1024", "1536x1024", "1024x1536"]);
/** Longest Retry-After we wait for; a longer one would eat the participant's whole deadline. */
const MAX_RETRY_AFTER_MS = 20_000;
const MODERATION_TIMEOUT_MS = 10_000;

const MESSAGES = {
  REFUSED: "The image model declined this request under its safety rules. Try a different prompt.",
  RATE_LIMITED: "The image service is handling too many requests right now. Please wait a minute and try again.",
  UNAVAILABLE: "The image service is unavailable at the moment. Please try again in a few minutes.",
  REJECTED: "The image service rejected the request because of a problem on our side, not your prompt. Please try again later.",
  BAD_OUTPUT: "The image model sent back an image that could not be read. Please try again.",
  ABORTED: "The edit was cancelled before the image model finished.",
};

const timeoutMessage = (ms: number) =>
  `The image model did not finish within ${Math.max(1, Math.round(ms / 1000))} seconds, so the edit was stopped. Please try again.`;

function client(opts: ModerationOptions): OpenAI {
  return new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL ?? "https://api.openai.com/v1", maxRetries: 0 });
}

/**
 * The `size` to request: the seed's own size when the model accepts it (the standard sizes for any
 * GPT image model; for gpt-image-2 any multiple of 16 up to 3840x2160 with aspect 1:3 to 3:1),
 * else "auto". The real size keeps the output aligned with the mask instead of rescaled.
 */
export function chooseSize(model: string, width: number, height: number): string {
  const size = `${width}x${height}`;
  if (STANDARD_SIZES.has(size)) return size;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const fits = short > 0 && width % 16 === 0 && height % 16 === 0 && long <= 3840 && short <= 2160 && long <= 3 * short;
  return model.startsWith("gpt-image-2") && fits ? size : "auto";
}

type Failure = { error: EngineError; retry: boolean };

/** Maps one failed attempt to an EngineError and whether another attempt may help. */
function classify(err: unknown, userAborted: boolean, timedOut: boolean, timeoutMs: number): Failure {
  const fail = (code: EngineError["code"], message: string, retry = false): Failure => ({
    error: new EngineError(code, message, { cause: err }),
    retry,
  });
  // The signals are checked first: whatever the SDK threw, they say who stopped the request.
  if (userAborted) return fail("ABORTED", MESSAGES.ABORTED);
  if (timedOut || err instanceof APIConnectionTimeoutError) return fail("TIMEOUT", timeoutMessage(timeoutMs));
  if (!(err instanceof APIError)) return fail("UNAVAILABLE", MESSAGES.UNAVAILABLE);
  if (typeof err.code === "string" && REFUSED_CODES.has(err.code)) return fail("REFUSED", MESSAGES.REFUSED);
  if (err.status === 429) return fail("RATE_LIMITED", MESSAGES.RATE_LIMITED, true);
  // No status: connection refused/reset (APIConnectionError), worth another try.
  if (err.status === undefined || err.status >= 500) return fail("UNAVAILABLE", MESSAGES.UNAVAILABLE, true);
  // Other 4xx (bad key, unknown model, invalid size): retrying cannot fix configuration.
  return fail("UNAVAILABLE", MESSAGES.REJECTED);
}

/** Milliseconds the server asked us to wait (retry-after-ms, or Retry-After in seconds or as a date). */
function retryAfterMs(err: unknown): number | undefined {
  const headers = err instanceof APIError ? err.headers : undefined;
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get("retry-after")?.trim();
  if (!value) return undefined;
  const at = /^\d+(\.\d+)?$/.test(value) ? Date.now() + Number(value) * 1000 : Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

type Attempt = { signal: AbortSignal; timeoutMs: number };
type RetryPolicy = { maxAttempts: number; backoffMs: number; timeoutMs: number; signal?: AbortSignal };

/** Runs `run` until it succeeds, fails for good, runs out of attempts or passes the deadline. */
async function withRetries<T>(run: (attempt: Attempt) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const deadline = Date.now() + policy.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const left = Math.max(1, deadline - Date.now());
    // Our own deadline too: the SDK's timeout stops at the response headers, not the body.
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(), left);
    const signal = policy.signal ? AbortSignal.any([policy.signal, timer.signal]) : timer.signal;
    try {
      return await run({ signal, timeoutMs: left });
    } catch (err) {
      const failure = classify(err, policy.signal?.aborted === true, timer.signal.aborted, policy.timeoutMs);
      if (!failure.retry || attempt >= policy.maxAttempts) throw failure.error;
      const backoff = policy.backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.25);
      const wait = Math.min(retryAfterMs(err) ?? backoff, MAX_RETRY_AFTER_MS);
      // Waiting past the deadline only to time out would hide the real cause.
      if (Date.now() + wait >= deadline) throw failure.error;
      await delay(wait, undefined, { signal: policy.signal }).catch((cause: unknown) => {
        throw new EngineError("ABORTED", MESSAGES.ABORTED, { cause });
      });
    } finally {
      clearTimeout(handle);
    }
  }
}

/** Decodes `b64_json` into a PNG; anything missing, non-base64 or not an image is BAD_OUTPUT. */
async function decodeImage(b64: unknown): Promise<Buffer> {
  const bad = (cause: unknown) => new EngineError("BAD_OUTPUT", MESSAGES.BAD_OUTPUT, { cause });
  // Buffer.from(..., "base64") never throws (it skips bad characters), so check the alphabet first.
  const text = typeof b64 === "string" ? b64.replace(/\s+/g, "") : "";
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw bad(new Error("missing or malformed b64_json"));
  const bytes = Buffer.from(text, "base64");
  const meta = await sharp(bytes).metadata().catch((err: unknown) => Promise.reject(bad(err)));
  return meta.format === "png" ? bytes : sharp(bytes).png().toBuffer();
}

/**
 * An ImageEngine on the OpenAI Images edit endpoint. One edit, retries included, is bounded by
 * timeoutMs; only 429, 5xx and connection failures are retried (maxAttempts requests at most),
 * and safety refusals (moderation_blocked) are final after one request.
 */
export function createOpenAIEngine(opts: OpenAIEngineOptions): ImageEngine {
  const openai = client(opts);
  const policy = { maxAttempts: opts.maxAttempts ?? 3, backoffMs: opts.backoffMs ?? 1000, timeoutMs: opts.timeoutMs };
  return {
    provider: "openai",
    model: opts.model,
    async edit(req: EditRequest): Promise<EditResult> {
      const started = Date.now();
      const size = chooseSize(opts.model, req.width, req.height);
      const res = await withRetries(
        async ({ signal, timeoutMs }) => {
          // Fresh File objects per attempt, so a retry never reuses a consumed upload body.
          const image = await toFile(req.image, "image.png", { type: "image/png" });
          const mask = await toFile(req.mask, "mask.png", { type: "image/png" });
          const params = { model: opts.model, prompt: req.prompt, image, mask, size, output_format: "png" as const };
          return openai.images.edit(params, { signal, timeout: timeoutMs });
        },
        { ...policy, signal: req.signal },
      );
      // ImagesResponse has no `model` in the SDK's types, but the API may send one.
      const model = "model" in res && typeof res.model === "string" && res.model ? res.model : opts.model;
      const image = await decodeImage(res.data?.[0]?.b64_json);
      return { image, provider: "openai", model, engineMs: Date.now() - started };
    },
  };
}

/**
 * Checks a prompt with omni-moderation-latest (free). A failed check never blocks the participant:
 * it answers flagged false with checked false (the image model's own safety system still applies).
 * At most one retry, on 429/5xx/connection errors, within a 10 second deadline.
 */
export async function moderatePrompt(opts: ModerationOptions, prompt: string): Promise<ModerationVerdict> {
  const unchecked = { flagged: false, categories: [], checked: false };
  try {
    const openai = client(opts);
    const timeoutMs = Math.min(opts.timeoutMs ?? MODERATION_TIMEOUT_MS, MODERATION_TIMEOUT_MS);
    const res = await withRetries(
      ({ signal, timeoutMs: left }) =>
        openai.moderations.create({ model: "omni-moderation-latest", input: prompt }, { signal, timeout: left }),
      { maxAttempts: 2, backoffMs: opts.backoffMs ?? 250, timeoutMs },
    );
    const result = res.results[0];
    if (!result) return unchecked;
    const categories = Object.entries(result.categories).flatMap(([name, hit]) => (hit === true ? [name] : []));
    return { flagged: result.flagged, categories, checked: true };
  } catch {
    return unchecked;
  }
}
