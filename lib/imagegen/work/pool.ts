// The one interface callers use to run CPU-heavy image work off the request thread. Today it is a
// pool of worker threads in the app's own process (./local-pool.ts); a deployment that moves the
// work to other machines implements the same interface on a shared queue (README, "Image work on
// other machines") and no caller changes.
import type { ImageTask, ImageTaskResult } from "./tasks";

export interface RunOptions {
  /** Cancels the task: taken out of the line while it waits, its worker stopped while it runs. */
  signal?: AbortSignal;
  /**
   * Called while the task waits for a worker, with its place among the new work in line
   * (1 = next), whenever that changes, and with 0 when it leaves the line to run. Never called
   * for a task that starts at once, nor for accepted work.
   */
  onQueuePosition?: (position: number) => void;
  /**
   * The task continues work that already had its turn (a later step of an accepted generation):
   * it goes ahead of new work and is never refused for a full line.
   */
  accepted?: boolean;
}

export interface ImageWorkPool {
  /**
   * Runs one task and resolves with its result. Rejects with the task's own error (MaskError,
   * EngineError, Error) or with an ImageWorkError (./errors.ts): busy (new work, line full:
   * nothing was started), aborted, timeout or crashed.
   */
  run<T extends ImageTask>(task: T, options?: RunOptions): Promise<ImageTaskResult<T>>;
  /** Takes no new work (accepted work still runs), lets what waits or runs finish, then stops the workers. */
  close(): Promise<void>;
}
