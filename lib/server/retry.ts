/**
 * Runs `fn` until it succeeds, fails with an error `retryable` refuses, or has run `attempts`
 * times (then the last error is thrown). `delayMs(attempt)` spaces the attempts; jitter there
 * keeps simultaneous callers from colliding again in lockstep. For work that is all-or-nothing
 * per attempt (a transaction), so running it again can never apply anything twice.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  opts: { attempts: number; retryable: (err: unknown) => boolean; delayMs?: (attempt: number) => number },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= opts.attempts || !opts.retryable(err)) throw err;
      const wait = opts.delayMs?.(attempt) ?? 0;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** A short back-off with jitter: about 10 ms times the attempt, plus up to 20 ms at random. */
export const jitteredBackoff = (attempt: number) => 10 * attempt + Math.floor(Math.random() * 20);
