import "server-only";
import { isConnectionError } from "@/lib/server/db-errors";
import { ERROR_STATUS, type ErrorCode, type ErrorDetail, type FieldErrors } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";
import { log } from "@/lib/server/log";

/** How any thrown error is answered, before it is put into words: the one mapping for actions and routes. */
export type Refusal = {
  code: ErrorCode;
  /** The HTTP status a JSON route answers with. */
  status: number;
  detail: ErrorDetail;
  fieldErrors?: FieldErrors;
  /** When to try again, for rate limits (also sent as Retry-After by routes). */
  retryAfterS?: number;
};

/**
 * An expected refusal keeps its code; a lost database connection is UNAVAILABLE, worth a retry
 * in a moment; anything else is logged with where it happened and becomes INTERNAL, so no
 * internal message reaches the reader.
 */
export function refusalOf(err: unknown, where: { route?: string } = {}): Refusal {
  if (err instanceof ActionError) {
    const retryAfterS = (err as { retryAfterS?: unknown }).retryAfterS;
    return {
      code: err.code,
      status: ERROR_STATUS[err.code],
      detail: err.detail,
      ...(err.fieldErrors ? { fieldErrors: err.fieldErrors } : {}),
      ...(typeof retryAfterS === "number" ? { retryAfterS } : {}),
    };
  }
  if (isConnectionError(err)) {
    log.error("database unavailable", err, { route: where.route });
    return { code: "UNAVAILABLE", status: ERROR_STATUS.UNAVAILABLE, detail: { code: "DATABASE_UNAVAILABLE" } };
  }
  log.error(where.route ? "route failed" : "action failed", err, { route: where.route });
  return { code: "INTERNAL", status: ERROR_STATUS.INTERNAL, detail: { code: "INTERNAL" } };
}
