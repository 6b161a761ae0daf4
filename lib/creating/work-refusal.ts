import "server-only";
// How a generation's image work that did not run to its end (lib/imagegen/work/errors.ts) is told
// to the participant. The caller has already given the quota back, where it had taken it.
import {
  ImageWorkAbortedError,
  ImageWorkBusyError,
  ImageWorkCrashedError,
  ImageWorkError,
  ImageWorkTimeoutError,
} from "@/lib/imagegen/work/errors";
import { detail } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";

/** The line for image workers is full: GENERATION_BUSY, with when to try again (as Retry-After). */
export class GenerationBusyError extends ActionError {
  constructor(readonly retryAfterS: number) {
    super(detail("GENERATION_BUSY", { seconds: retryAfterS }));
    this.name = "GenerationBusyError";
  }
}

/** The refusal for an image work failure; any other error is returned as it is. */
export function workRefusal(err: unknown): unknown {
  if (!(err instanceof ImageWorkError)) return err;
  if (err instanceof ImageWorkBusyError) return new GenerationBusyError(err.retryAfterS);
  // Cancelled by the participant (or on their behalf): nothing of ours to log.
  if (err instanceof ImageWorkAbortedError) return new ActionError("ABORTED");
  if (err instanceof ImageWorkTimeoutError) {
    return new ActionError("TIMEOUT", { detail: detail("TIMEOUT", { seconds: Math.round(err.timeoutMs / 1000) }), cause: err });
  }
  if (err instanceof ImageWorkCrashedError) return new ActionError("INTERNAL", { detail: "WORKER_FAILED", cause: err });
  return new ActionError("INTERNAL", { detail: "GENERATION_FAILED", cause: err });
}
