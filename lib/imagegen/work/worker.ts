// The image worker's entry: what one worker thread runs for each task. Not loaded by Next: it is
// bundled on its own into .image-worker/image-worker.mjs (scripts/image-worker.ts, run by
// next.config.ts and the test set-up), which the pool starts its threads from.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { failureOf, reviveBuffers, runImageTask, type ImageTask, type TaskOutcome } from "./tasks";

// A task allocates tens of MB of pixel arrays that are garbage once it answers, but a worker runs
// so little JavaScript that V8 seldom collects, and the arrays stayed resident (80 MB in an idle
// worker, measured by bench/load.ts). So the worker collects after a task that leaves more than
// GARBAGE_LIMIT of buffers behind. Not on a timer: an idle piscina worker blocks in Atomics.wait,
// so its timers do not fire until the next task. A full collection took 17-45 ms here, against an
// inpainting's 500 ms, and gave back about 100 MB; a minor one took 0.6 ms and gave back nothing.
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
const GARBAGE_LIMIT = 16 * 1024 * 1024;

export default async function runTask(task: ImageTask): Promise<TaskOutcome> {
  try {
    return { ok: true, value: await runImageTask(reviveBuffers(task)) };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  } finally {
    if (process.memoryUsage().arrayBuffers > GARBAGE_LIMIT) collect();
  }
}
