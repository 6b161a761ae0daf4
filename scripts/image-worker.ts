// Bundles the image worker (lib/imagegen/work/worker.ts and the image code it runs) into one
// plain ES module, .image-worker/image-worker.mjs, that worker threads load by path. Next never
// sees that file: its server bundles cannot be started as a worker thread. next.config.ts runs
// this for `next build` and `next dev` (so `npm run build`, the benchmarks' build and Vercel all
// ship it), `npm run dev` keeps it current (scripts/watch-image-worker.ts), and the Vitest set-up
// builds it before the tests.
// Relative imports only: next.config.ts imports this file, and its loader knows no path aliases.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { BuildOptions } from "esbuild";
import { IMAGE_WORKER_ENTRY, imageWorkerPath } from "../lib/imagegen/work/worker-file";

function options(root: string): BuildOptions {
  return {
    entryPoints: [join(root, IMAGE_WORKER_ENTRY)],
    absWorkingDir: root,
    tsconfig: join(root, "tsconfig.json"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Native, and already loaded by the app's main thread from node_modules.
    external: ["sharp"],
    write: false,
    logLevel: "silent",
    legalComments: "none",
    banner: { js: `// Built from ${IMAGE_WORKER_ENTRY} by scripts/image-worker.ts. Do not edit.` },
  };
}

/** Writes the bundle through a temporary file, so a thread starting meanwhile never reads half of it. */
function write(root: string, text: string): string {
  const target = imageWorkerPath(root);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
  return target;
}

/** Builds the worker once; returns the file's path. */
export async function buildImageWorker(root: string = process.cwd()): Promise<string> {
  // Loaded only when building: `next start` on a host installed without devDependencies never needs esbuild.
  const esbuild = await import("esbuild");
  const result = await esbuild.build(options(root));
  return write(root, result.outputFiles![0]!.text);
}

let watching: Promise<string> | undefined;

/**
 * Builds the worker, then rebuilds it whenever its sources change (`npm run dev`, through
 * scripts/watch-image-worker.ts); the app's pool notices a new file and starts fresh threads from it.
 */
export function watchImageWorker(root: string = process.cwd()): Promise<string> {
  watching ??= (async () => {
    const esbuild = await import("esbuild");
    let first: ((path: string) => void) | undefined;
    let failed: ((err: Error) => void) | undefined;
    const built = new Promise<string>((resolve, reject) => ((first = resolve), (failed = reject)));
    const context = await esbuild.context({
      ...options(root),
      plugins: [
        {
          name: "write-atomically",
          setup(build) {
            build.onEnd((result) => {
              const text = result.outputFiles?.[0]?.text;
              if (result.errors.length > 0 || text === undefined) {
                const message = `image worker build failed: ${result.errors.map((e) => e.text).join("; ")}`;
                if (failed) failed(new Error(message));
                else console.error(message);
              } else {
                const path = write(root, text);
                first?.(path);
              }
              first = failed = undefined;
            });
          },
        },
      ],
    });
    await context.watch();
    return built;
  })();
  return watching;
}
