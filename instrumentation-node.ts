// A bad environment stops start-up here, with a message naming each variable, instead of
// surfacing later as a confusing request error.
import { EnvError, getEnv } from "@/lib/server/env";

try {
  getEnv();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

/**
 * A self-hosted image engine must answer and have the configured checkpoint, sampler and
 * scheduler before the app takes participants: otherwise start-up stops with what is wrong.
 * (The hosted and offline engines need no such check: OpenAI's lookup runs in the background and
 * the admin overview shows its failures.)
 */
export async function checkImageEngine(): Promise<void> {
  const env = getEnv();
  if (env.IMAGE_ENGINE !== "sdwebui" || env.NEXT_PHASE === "phase-production-build") return;
  const { EngineError, getImageEngine } = await import("@/lib/imagegen");
  try {
    await getImageEngine().prepare?.();
  } catch (err) {
    const why =
      err instanceof EngineError ? (err.operator?.detail ?? `the server at ${env.SDWEBUI_URL} does not answer (${err.code})`) : String(err);
    console.error(`The image engine (IMAGE_ENGINE=sdwebui) is not ready: ${why}`);
    process.exit(1);
  }
}
