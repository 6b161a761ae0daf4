// The same tasks on the calling thread, with no line and no workers: how generation worked before
// the pool, kept as the reference the pool's results are checked against and for scripts that
// want no threads. Cancelling is honoured where the step has checkpoints.
import { ImageWorkAbortedError } from "./errors";
import type { ImageWorkPool, RunOptions } from "./pool";
import { runImageTask, type ImageTask, type ImageTaskResult } from "./tasks";

export function createInProcessImageWorkPool(): ImageWorkPool {
  return {
    async run<T extends ImageTask>(task: T, { signal }: RunOptions = {}): Promise<ImageTaskResult<T>> {
      if (signal?.aborted) throw new ImageWorkAbortedError(signal.reason);
      return runImageTask(task, signal);
    },
    async close() {},
  };
}
