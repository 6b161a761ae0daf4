// How the image work pool says a task did not run to its end, whatever the pool is made of
// (threads here, a queue with workers on other machines later). Callers map these to refusals
// and refunds (lib/creating/generation.ts); a task's own failures (a bad mask, bad engine output)
// reach them as MaskError, EngineError or Error instead.

/** What the pool's errors have in common; callers tell them apart by class. */
export class ImageWorkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ImageWorkError";
  }
}

/** Every worker is busy and the line of new work is full: nothing was started. */
export class ImageWorkBusyError extends ImageWorkError {
  constructor(
    /** When a place in line is likely to be free again, in whole seconds (at least 1). */
    readonly retryAfterS: number,
  ) {
    super(`every image worker is busy and the line is full; try again in ${retryAfterS} s`);
  }
}

/** The caller's signal aborted the task, while it waited or while it ran (its worker was stopped). */
export class ImageWorkAbortedError extends ImageWorkError {
  constructor(cause?: unknown) {
    super("the image task was cancelled", { cause });
  }
}

/** The task ran longer than the pool allows; its worker was stopped. */
export class ImageWorkTimeoutError extends ImageWorkError {
  constructor(readonly timeoutMs: number) {
    super(`the image task did not finish within ${timeoutMs} ms`);
  }
}

/** The worker running the task died (exited, crashed, ran out of memory); the pool replaces it. */
export class ImageWorkCrashedError extends ImageWorkError {
  constructor(cause: unknown) {
    super(`the image worker failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
