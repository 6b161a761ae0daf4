// The CPU-heavy image steps of a generation as plain-data tasks, so that they can run on a worker
// thread (./worker.ts, through a pool: ./pool.ts) or, for comparison and tests, right here
// (./in-process.ts). Both run the very same functions below. Tasks and results hold only
// buffers, numbers and strings, which structured clone copies between threads (or a queue could
// carry to another machine).
import { inpaint } from "@/lib/imagegen/offline";
import { scaleForEngine, type Size } from "@/lib/imagegen/openai-size";
import { EngineError, type EngineErrorCode } from "@/lib/imagegen/types";
import { compositeOutsideMask } from "@/lib/images/composite";
import { makeThumbnail } from "@/lib/images/thumbnail";
import { type MaskBounds, MaskError, type MaskErrorCode, readMask, type ReadMask } from "@/lib/mask/mask";
import type { ErrorDetail } from "@/lib/server/error-codes";

export type ImageTask =
  /** Validates an uploaded mask against the picture and the coverage bounds (lib/mask). */
  | { kind: "read-mask"; png: Buffer; size: Size; bounds: MaskBounds }
  /** The offline engine's inpainting (lib/imagegen/offline.ts). */
  | { kind: "inpaint"; image: Buffer; mask: Buffer; prompt: string; width: number; height: number }
  /** The seed and mask at the size an OpenAI model accepts (lib/imagegen/openai-size.ts). */
  | { kind: "scale-for-engine"; image: Buffer; mask: Buffer; from: Size; to: Size }
  /** The seed put back outside the mask, and the grid thumbnail (lib/images). */
  | { kind: "finish"; seed: Buffer; generated: Buffer; edit: Uint8Array; width: number; height: number };

export interface ImageTaskResults {
  "read-mask": ReadMask;
  inpaint: Buffer;
  "scale-for-engine": { image: Buffer; mask: Buffer };
  finish: { final: Buffer; thumb: Buffer };
}

export type ImageTaskResult<T extends ImageTask> = ImageTaskResults[T["kind"]];

/** Runs a task wherever the caller's pool puts it; engines receive one in EditRequest.work. */
export type ImageWork = <T extends ImageTask>(task: T) => Promise<ImageTaskResult<T>>;

/**
 * Runs one task on the calling thread. `signal` is honoured between steps where the step has
 * checkpoints (the offline inpainting); on a worker, cancelling stops the thread instead.
 */
export async function runImageTask<T extends ImageTask>(task: T, signal?: AbortSignal): Promise<ImageTaskResult<T>> {
  return (await run(task, signal)) as ImageTaskResult<T>;
}

async function run(task: ImageTask, signal?: AbortSignal): Promise<ImageTaskResults[keyof ImageTaskResults]> {
  switch (task.kind) {
    case "read-mask":
      return readMask(task.png, task.size, task.bounds);
    case "inpaint":
      return inpaint({ ...task, signal });
    case "scale-for-engine":
      return scaleForEngine(task.image, task.mask, task.from, task.to);
    case "finish": {
      const final = await compositeOutsideMask(task.seed, task.generated, task.edit, task.width, task.height);
      return { final, thumb: await makeThumbnail(final) };
    }
  }
}

/** Structured clone turns a Buffer into a plain Uint8Array; this makes it a Buffer again, without copying. */
function asBuffer(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

/** A task or result as it arrived from another thread, with its buffers restored (one level deep, as they are). */
export function reviveBuffers<T>(value: T): T {
  if (value instanceof Uint8Array) return asBuffer(value) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asBuffer(v)])) as T;
}

/** What a failed task sends back: the refusals callers tell apart keep their codes, anything else its message. */
export type TaskFailure =
  | { type: "mask"; detail: ErrorDetail<MaskErrorCode> }
  | { type: "engine"; code: EngineErrorCode; detail: ErrorDetail }
  | { type: "error"; name: string; message: string; stack?: string };

/** A task's outcome as a worker answers it: errors as data, since a thrown error would lose its class and code. */
export type TaskOutcome<R = unknown> = { ok: true; value: R } | { ok: false; failure: TaskFailure };

export function failureOf(err: unknown): TaskFailure {
  if (err instanceof MaskError) return { type: "mask", detail: err.detail };
  if (err instanceof EngineError) return { type: "engine", code: err.code, detail: err.detail };
  const e = err instanceof Error ? err : new Error(String(err));
  return { type: "error", name: e.name, message: e.message, stack: e.stack };
}

/** The error a failure stands for, of the class the caller expects (MaskError, EngineError, Error). */
export function errorOf(failure: TaskFailure): Error {
  if (failure.type === "mask") return new MaskError(failure.detail);
  if (failure.type === "engine") return new EngineError(failure.code, { detail: failure.detail });
  const err = new Error(failure.message);
  err.name = failure.name;
  if (failure.stack) err.stack = failure.stack;
  return err;
}
