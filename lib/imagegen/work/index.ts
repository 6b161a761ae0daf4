import "server-only";
// The app's image work pool, one per process, sized by IMAGE_WORKERS, IMAGE_QUEUE_LIMIT and
// IMAGE_TASK_TIMEOUT_MS. Callers see only ImageWorkPool (./pool.ts).
import { existsSync, statSync } from "node:fs";
// sharp's shared libraries must be opened by the main thread before any worker thread opens
// them, or glibc may unload them when a worker exits (sharp's documentation on worker threads).
import sharp from "sharp";
import { getEnv } from "@/lib/server/env";
import { createLocalImageWorkPool } from "./local-pool";
import type { ImageWorkPool } from "./pool";
import { imageWorkerPath } from "./worker-file";

export type { ImageWorkPool } from "./pool";

// libvips keeps the results of recent operations (up to 50 MB) in case the same operation runs
// again on the same input. Ours never do: every picture is decoded, changed and encoded once. Off,
// for the whole process and its worker threads (one libvips), it saved 90 MB after one generation.
sharp.cache(false);

type Cached = { key: string; pool: ImageWorkPool };
// On globalThis: Next may evaluate this module more than once in a process (route handlers and
// pages, reloads in development), and there must be one pool all the same.
const slot = globalThis as typeof globalThis & { __pixelpatchworkImageWork?: Cached };

/**
 * The process's pool, created on first use. In development it is replaced when the worker file is
 * rebuilt (scripts/watch-image-worker.ts watches the sources), so edits to the image code take effect at once.
 */
export function getImageWorkPool(): ImageWorkPool {
  const env = getEnv();
  const filename = imageWorkerPath();
  const built = env.NODE_ENV === "development" && existsSync(filename) ? statSync(filename).mtimeMs : 0;
  const key = [env.IMAGE_WORKERS, env.IMAGE_QUEUE_LIMIT, env.IMAGE_TASK_TIMEOUT_MS, built].join(":");
  const cached = slot.__pixelpatchworkImageWork;
  if (cached?.key === key) return cached.pool;
  if (!existsSync(filename)) {
    throw new Error(`The image worker is not built: ${filename} is missing (next build, next dev and the test set-up build it)`);
  }
  // The old pool stops after the generations it took have had time to finish their later steps.
  if (cached) setTimeout(() => void cached.pool.close(), 60_000).unref();
  const pool = createLocalImageWorkPool({
    filename,
    workers: env.IMAGE_WORKERS,
    queueLimit: env.IMAGE_QUEUE_LIMIT,
    taskTimeoutMs: env.IMAGE_TASK_TIMEOUT_MS,
  });
  slot.__pixelpatchworkImageWork = { key, pool };
  return pool;
}
