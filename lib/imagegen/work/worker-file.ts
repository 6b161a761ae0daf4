// Where the built image worker lives, relative to the app's root (the working directory of
// `next start`, `next dev`, Vitest and a Vercel function alike). Relative imports only: the
// build step in next.config.ts imports this file, and its loader knows no path aliases.
import { join } from "node:path";

export const IMAGE_WORKER_DIR = ".image-worker";
export const IMAGE_WORKER_FILE = "image-worker.mjs";
/** The TypeScript entry the worker is bundled from. */
export const IMAGE_WORKER_ENTRY = "lib/imagegen/work/worker.ts";

/** The built worker's absolute path for an app rooted at `root`. */
export function imageWorkerPath(root: string = process.cwd()): string {
  return join(root, IMAGE_WORKER_DIR, IMAGE_WORKER_FILE);
}
