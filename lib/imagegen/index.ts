import "server-only";
// The app's image engine and prompt moderator, chosen by configuration. Import getImageEngine()
// and getPromptModerator() from here; the engines are exported for tests and scripts.
import { getEnv, type Env } from "@/lib/server/env";
import { createOfflineEngine } from "@/lib/imagegen/offline";
import { recordEngineFailure } from "./failures";
import { createOpenAIEngine, moderatePrompt, type ModerationVerdict } from "./openai";
import { createSdwebuiEngine } from "./sdwebui";
import { EngineError, type ImageEngine } from "./types";
import { log } from "@/lib/server/log";

export type { EditRequest, EditResult, EngineErrorCode, EngineProvider, ImageEngine, OperatorIssue } from "./types";
export { EngineError };
export { createOfflineEngine };
export { createOpenAIEngine, moderatePrompt, type ModerationVerdict } from "./openai";
export { createSdwebuiEngine } from "./sdwebui";

/** Checks a participant's prompt before any image work is spent on it. */
export type PromptModerator = (prompt: string) => Promise<ModerationVerdict>;

let cachedEngine: { env: Env; engine: ImageEngine } | undefined;
let cachedModerator: { env: Env; moderator: PromptModerator } | undefined;

function createEngine(env: Env): ImageEngine {
  if (env.IMAGE_ENGINE === "offline") return createOfflineEngine();
  if (env.IMAGE_ENGINE === "sdwebui") {
    // parseEnv already demands both when IMAGE_ENGINE is sdwebui; this only narrows the types.
    if (!env.SDWEBUI_URL || !env.SDWEBUI_CHECKPOINT)
      throw new Error('SDWEBUI_URL and SDWEBUI_CHECKPOINT are required when IMAGE_ENGINE is "sdwebui"');
    return createSdwebuiEngine({
      url: env.SDWEBUI_URL,
      username: env.SDWEBUI_USERNAME,
      password: env.SDWEBUI_PASSWORD,
      checkpoint: env.SDWEBUI_CHECKPOINT,
      sampler: env.SDWEBUI_SAMPLER,
      scheduler: env.SDWEBUI_SCHEDULER,
      steps: env.SDWEBUI_STEPS,
      cfgScale: env.SDWEBUI_CFG_SCALE,
      denoisingStrength: env.SDWEBUI_DENOISING_STRENGTH,
      inpaintingFill: env.SDWEBUI_INPAINTING_FILL,
      inpaintFullRes: env.SDWEBUI_INPAINT_FULL_RES,
      inpaintPadding: env.SDWEBUI_INPAINT_PADDING,
      maskBlur: env.SDWEBUI_MASK_BLUR,
      maxSide: env.SDWEBUI_MAX_SIDE,
      timeoutMs: env.SDWEBUI_TIMEOUT_MS,
    });
  }
  // parseEnv already demands the key when IMAGE_ENGINE is openai; this only narrows the type.
  if (!env.OPENAI_API_KEY) throw new Error('OPENAI_API_KEY is required when IMAGE_ENGINE is "openai"');
  return createOpenAIEngine({
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_IMAGE_MODEL,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
  });
}

function createModerator(env: Env): PromptModerator {
  const apiKey = env.OPENAI_API_KEY;
  // Without a key there is nobody to ask; say so (checked false) rather than pretend it passed.
  if (!apiKey) return async () => ({ flagged: false, categories: [], checked: false });
  const opts = { apiKey, baseURL: env.OPENAI_BASE_URL };
  return (prompt) => moderatePrompt(opts, prompt);
}

/**
 * Runs the engine's start-up work (the OpenAI model lookup) in the background, so a key, billing
 * or model problem reaches the admin overview before a participant meets it; the first edit reuses
 * the answer, or tries again if this failed.
 */
function prepareInBackground(engine: ImageEngine): void {
  void engine.prepare?.().catch(async (err: unknown) => {
    if (err instanceof EngineError && err.operator) await recordEngineFailure(err.operator).catch(() => {});
    const detail = err instanceof EngineError ? (err.operator?.detail ?? err.code) : String(err);
    log.error("image engine start-up check failed", detail);
  });
}

/**
 * The configured image engine (IMAGE_ENGINE), created once per configuration. Keyed on the env
 * object so that tests which call resetEnvForTests() get an engine matching the new variables.
 */
export function getImageEngine(): ImageEngine {
  const env = getEnv();
  if (cachedEngine?.env !== env) {
    cachedEngine = { env, engine: createEngine(env) };
    prepareInBackground(cachedEngine.engine);
  }
  return cachedEngine.engine;
}

/**
 * The prompt moderator: omni-moderation-latest whenever an OpenAI key is configured (even with
 * the offline engine), otherwise a stand-in that answers { flagged: false, checked: false }.
 */
export function getPromptModerator(): PromptModerator {
  const env = getEnv();
  if (cachedModerator?.env !== env) cachedModerator = { env, moderator: createModerator(env) };
  return cachedModerator.moderator;
}
