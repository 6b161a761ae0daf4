import "server-only";
// The OpenAI image engine (gpt-image-2 family) and the free text moderation check. Every edit asks
// for the exact snapshot resolved from the configured model (./openai-models), at a size the model
// accepts (./openai-size); failures and retries are classified in ./openai-retry.
import OpenAI, { toFile } from "openai";
import { decodeEngineImage } from "./decode";
import { createModelResolver } from "./openai-models";
import { withRetries } from "./openai-retry";
import { chooseSize, scaleForEngine } from "./openai-size";
import type { EditRequest, EditResult, ImageEngine } from "./types";

export { chooseSize } from "./openai-size";

export interface OpenAIEngineOptions {
  apiKey: string;
  /** Defaults to https://api.openai.com/v1 (explicit, so the SDK never falls back to process.env). */
  baseURL?: string;
  /** OPENAI_IMAGE_MODEL: an alias (resolved to its newest live snapshot) or a dated snapshot. */
  model: string;
  /** Deadline for one whole edit, model lookup, retries and back-off included. */
  timeoutMs: number;
  /** Requests per call at most, the first one included (default 3). */
  maxAttempts?: number;
  /** Base of the exponential back-off between attempts (default 1000 ms). */
  backoffMs?: number;
  /** The clock that shutdown dates are compared with (tests). */
  now?: () => Date;
}

export type ModerationOptions = Pick<OpenAIEngineOptions, "apiKey" | "baseURL" | "backoffMs"> & { timeoutMs?: number };

export interface ModerationVerdict {
  flagged: boolean;
  categories: string[];
  /** False when the moderation call itself failed, so the prompt went unchecked. */
  checked: boolean;
}

const MODERATION_TIMEOUT_MS = 10_000;
/** The model lookup's share of the deadline at most: a slow Models API must leave time to edit. */
const LOOKUP_TIMEOUT_MS = 10_000;

function client(opts: ModerationOptions): OpenAI {
  return new OpenAI({ apiKey: opts.apiKey, baseURL: opts.baseURL ?? "https://api.openai.com/v1", maxRetries: 0 });
}

/**
 * An ImageEngine on the OpenAI Images edit endpoint. One edit, the model lookup and retries
 * included, is bounded by timeoutMs; only 429 rate limits, 5xx and connection failures are retried
 * (maxAttempts requests at most). Safety refusals are final, and so are the operator's problems
 * (an empty account, a bad key, a missing or shut-down model), which are MISCONFIGURED.
 */
export function createOpenAIEngine(opts: OpenAIEngineOptions): ImageEngine {
  const openai = client(opts);
  const policy = { maxAttempts: opts.maxAttempts ?? 3, backoffMs: opts.backoffMs ?? 1000, timeoutMs: opts.timeoutMs };
  const now = opts.now ?? (() => new Date());
  const resolver = createModelResolver(
    async (signal, timeoutMs) => {
      const entries: unknown[] = [];
      for await (const model of openai.models.list({ signal, timeout: timeoutMs })) entries.push(model);
      return entries;
    },
    opts.model,
    now,
  );
  const resolve = (deadline: number, signal?: AbortSignal) => {
    const lookupDeadline = Math.min(deadline, Date.now() + LOOKUP_TIMEOUT_MS);
    return withRetries(({ signal: s, timeoutMs }) => resolver.resolve(s, timeoutMs), {
      ...policy,
      timeoutMs: lookupDeadline - Date.now(),
      deadline: lookupDeadline,
      signal,
    });
  };

  return {
    provider: "openai",
    model: opts.model,
    async prepare() {
      await resolve(Date.now() + policy.timeoutMs);
    },
    async edit(req: EditRequest): Promise<EditResult> {
      const started = Date.now();
      const deadline = started + policy.timeoutMs;
      const model = await resolve(deadline, req.signal);
      const size = chooseSize(model.id, req.width, req.height);
      // Resampling the seed and mask is CPU work: on the worker pool when the request has one.
      const from = { width: req.width, height: req.height };
      const scaled = size.width !== req.width || size.height !== req.height;
      const sent =
        scaled && req.work
          ? await req.work({ kind: "scale-for-engine", image: req.image, mask: req.mask, from, to: size })
          : await scaleForEngine(req.image, req.mask, from, size);
      const res = await withRetries(
        async ({ signal, timeoutMs }) => {
          // Fresh File objects per attempt, so a retry never reuses a consumed upload body.
          const image = await toFile(sent.image, "image.png", { type: "image/png" });
          const mask = await toFile(sent.mask, "mask.png", { type: "image/png" });
          const params = {
            model: model.id,
            prompt: req.prompt,
            image,
            mask,
            size: `${size.width}x${size.height}`,
            output_format: "png" as const,
          };
          return openai.images.edit(params, { signal, timeout: timeoutMs });
        },
        { ...policy, deadline, signal: req.signal },
      );
      const image = await decodeEngineImage(res.data?.[0]?.b64_json);
      return {
        image,
        provider: "openai",
        model: model.id,
        modelRequested: model.requested,
        engineMs: Date.now() - started,
        params: {
          engine: "openai",
          snapshot: model.id,
          requested: model.requested,
          size: `${size.width}x${size.height}`,
          outputFormat: "png",
        },
      };
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
