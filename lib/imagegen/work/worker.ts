// The image worker's entry: what one worker thread runs for each task. Not loaded by Next: it is
// bundled on its own into .image-worker/image-worker.mjs (scripts/image-worker.ts, run by
// next.config.ts and the test set-up), which the pool starts its threads from.
import { failureOf, reviveBuffers, runImageTask, type ImageTask, type TaskOutcome } from "./tasks";

export default async function runTask(task: ImageTask): Promise<TaskOutcome> {
  try {
    return { ok: true, value: await runImageTask(reviveBuffers(task)) };
  } catch (err) {
    return { ok: false, failure: failureOf(err) };
  }
}
