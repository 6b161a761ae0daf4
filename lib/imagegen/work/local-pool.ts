// The image work pool of one app instance: `workers` threads (piscina), fed from our own waiting
// line (./waiting-line.ts) so that positions are exact, new work is refused past the line's limit,
// and accepted work is never refused. At most `workers` tasks are handed to piscina at once.
import { Piscina } from "piscina";
import { log } from "@/lib/server/log";
import { ImageWorkAbortedError, ImageWorkBusyError, ImageWorkCrashedError, ImageWorkTimeoutError } from "./errors";
import type { ImageWorkPool, RunOptions } from "./pool";
import { errorOf, reviveBuffers, type ImageTask, type ImageTaskResult, type TaskOutcome } from "./tasks";
import { type Waiting, WaitingLine } from "./waiting-line";

export interface LocalPoolOptions {
  /** The worker's entry file, as built (.image-worker/image-worker.mjs). */
  filename: string;
  /** Worker threads, at least 1. */
  workers: number;
  /** New tasks that may wait for a worker; more are refused as busy. */
  queueLimit: number;
  /** A running task is stopped (its worker replaced) after this long. */
  taskTimeoutMs: number;
}

type Job = Waiting & {
  task: ImageTask;
  signal?: AbortSignal;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  stopWaiting?: () => void;
};

/** How quickly the line moves, smoothed: the basis of "try again in N s". */
const PACE_SMOOTHING = 0.3;
const DEFAULT_PACE_MS = 1000;

export function createLocalImageWorkPool(opts: LocalPoolOptions): ImageWorkPool {
  const workers = Math.max(1, Math.floor(opts.workers));
  // minThreads = maxThreads: the threads start with the pool and stay, so no task pays for a
  // thread's start-up except after a crash or a cancellation replaced one.
  const piscina = new Piscina({ filename: opts.filename, minThreads: workers, maxThreads: workers, idleTimeout: Infinity });
  // A worker that fails with no task on it (piscina replaces it) must not bring the server down
  // as an unhandled "error" event; a failure during a task reaches that task's caller instead.
  piscina.on("error", (err: unknown) => log.error("an idle image worker failed; it was replaced", err));
  const line = new WaitingLine<Job>(Math.max(0, Math.floor(opts.queueLimit)));
  let running = 0;
  let closing = false;
  let idle: (() => void) | undefined;
  let paceMs = DEFAULT_PACE_MS;
  let lastNewStart: number | undefined;

  /** The time until a place in a full line frees up: how long, lately, between two new tasks leaving it. */
  const retryAfterS = () => Math.min(300, Math.max(1, Math.ceil(paceMs / 1000)));

  function notePace(now: number): void {
    // Only while the line was moving without a break is the gap between two starts its pace.
    if (lastNewStart !== undefined) paceMs = paceMs + PACE_SMOOTHING * (now - lastNewStart - paceMs);
    lastNewStart = line.waitingNew > 0 ? now : undefined;
  }

  function start(job: Job): void {
    running++;
    job.stopWaiting?.();
    if (job.position > 0) {
      notePace(performance.now());
      job.position = 0;
      try {
        job.onPosition?.(0);
      } catch {
        // The listener's problem; the task runs.
      }
    }
    // One signal for piscina: the caller's, or the pool's own deadline for a running task.
    const stop = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop.abort();
    }, opts.taskTimeoutMs);
    const onAbort = () => stop.abort();
    job.signal?.addEventListener("abort", onAbort, { once: true });
    piscina
      .run(job.task, { signal: stop.signal })
      .then(
        (outcome: TaskOutcome) => (outcome.ok ? job.resolve(reviveBuffers(outcome.value)) : job.reject(errorOf(outcome.failure))),
        (err: unknown) => {
          if (timedOut) job.reject(new ImageWorkTimeoutError(opts.taskTimeoutMs));
          else if (job.signal?.aborted) job.reject(new ImageWorkAbortedError(job.signal.reason));
          else job.reject(new ImageWorkCrashedError(err));
        },
      )
      .finally(() => {
        clearTimeout(timer);
        job.signal?.removeEventListener("abort", onAbort);
        running--;
        pump();
      });
  }

  function pump(): void {
    while (running < workers) {
      const next = line.shift();
      if (!next) break;
      start(next);
    }
    line.announce();
    if (closing && running === 0 && line.size === 0) idle?.();
  }

  return {
    run<T extends ImageTask>(task: T, options: RunOptions = {}): Promise<ImageTaskResult<T>> {
      return new Promise((resolve, reject) => {
        const { signal, accepted = false } = options;
        if (signal?.aborted) return reject(new ImageWorkAbortedError(signal.reason));
        // Closing: later steps of generations it took are still run, new ones go elsewhere.
        if (closing && !accepted) return reject(new ImageWorkAbortedError(new Error("the image work pool is closing")));
        const job: Job = {
          task,
          signal,
          accepted,
          position: 0,
          onPosition: options.onQueuePosition,
          resolve: resolve as Job["resolve"],
          reject,
        };
        if (running < workers && line.size === 0) return start(job);
        if (!accepted && line.full) return reject(new ImageWorkBusyError(retryAfterS()));
        if (signal) {
          const onAbort = () => {
            if (!line.remove(job)) return;
            reject(new ImageWorkAbortedError(signal.reason));
            line.announce();
          };
          signal.addEventListener("abort", onAbort, { once: true });
          job.stopWaiting = () => signal.removeEventListener("abort", onAbort);
        }
        line.push(job);
        line.announce();
      });
    },

    async close(): Promise<void> {
      closing = true;
      if (running > 0 || line.size > 0) await new Promise<void>((r) => (idle = r));
      await piscina.destroy();
    },
  };
}
