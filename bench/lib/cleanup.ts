// Undo steps for a benchmark (stop servers, close browsers, drop databases, delete temp files),
// run last-in first-out from `finally`, and also on Ctrl-C or a kill from bench/run.mjs's
// timeout, so an interrupted run leaves no server listening and no database behind.
type Step = { label: string; fn: () => Promise<unknown> | unknown };

const STEP_TIMEOUT_MS = 20_000;

export class Cleanup {
  private steps: Step[] = [];
  private running: Promise<void> | null = null;

  constructor() {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => {
        process.stderr.write(`\n${signal}: cleaning up…\n`);
        void this.run().finally(() => process.exit(130));
      });
    }
  }

  /** Registers an undo step; returns `fn` so it can be called early too (steps must be idempotent). */
  add<T>(label: string, fn: () => Promise<T> | T): () => Promise<T> | T {
    this.steps.push({ label, fn });
    return fn;
  }

  /** Runs every step once, newest first; a failing step is reported and the rest still run. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await withTimeout(Promise.resolve(step.fn()), STEP_TIMEOUT_MS, step.label);
        } catch (err) {
          process.stderr.write(`cleanup "${step.label}" failed: ${err instanceof Error ? err.message : String(err)}\n`);
        }
      }
      this.steps = [];
    })();
    return this.running;
  }
}

/** Rejects when `p` takes longer than `ms` (the timer never keeps the process alive). */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Logs progress on stderr: stdout carries only the report that bench/run.mjs collects. */
export function progress(msg: string): void {
  process.stderr.write(`  · ${msg}\n`);
}
