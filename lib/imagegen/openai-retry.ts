// How OpenAI failures become EngineErrors, and the retry loop around every call. Retries are
// ours, not the SDK's (maxRetries 0): the SDK also retries timeouts and 408/409, and sleeps for any
// Retry-After however long without watching the abort signal, so an edit could outlive its deadline.
import { setTimeout as delay } from "node:timers/promises";
import { APIConnectionTimeoutError, APIError } from "openai";
import { type DetailArg, detail } from "@/lib/server/error-codes";
import { EngineError, type EngineErrorCode } from "./types";

/** The participant is told the whole budget, in whole seconds. */
const timeout = (ms: number) => detail("TIMEOUT", { seconds: Math.max(1, Math.round(ms / 1000)) });

// content_policy_violation is the older spelling; both are final safety decisions.
const REFUSED_CODES = new Set(["moderation_blocked", "content_policy_violation"]);
// A 429 with one of these is an empty account, not a busy service: waiting does not refill it
// (OpenAI error codes guide: "429 - You exceeded your current quota, please check your plan and
// billing details"; error.type may say insufficient_quota while error.code is more specific).
const QUOTA_CODES = new Set(["insufficient_quota", "billing_hard_limit_reached", "credit_balance_exhausted"]);
/** Longest Retry-After we wait for; a longer one would eat the participant's whole deadline. */
const MAX_RETRY_AFTER_MS = 20_000;

/** What the service said, minus anything shaped like a key (401 messages echo part of it). */
export function redact(message: string): string {
  return message.replace(/\b(sk|rk)-[A-Za-z0-9_*.-]+/g, "$1-…").slice(0, 500);
}

/** An operator-facing failure: the participant learns only that generation is unavailable. */
export function misconfigured(code: string, detail: string, cause?: unknown): EngineError {
  return new EngineError("MISCONFIGURED", { cause, operator: { service: "openai", code, detail: redact(detail) } });
}

type Failure = { error: EngineError; retry: boolean };

/** Maps one failed attempt to an EngineError and whether another attempt may help. */
function classify(err: unknown, userAborted: boolean, timedOut: boolean, timeoutMs: number): Failure {
  const fail = (code: EngineErrorCode, said: DetailArg, retry = false): Failure => ({
    error: new EngineError(code, { detail: said, cause: err }),
    retry,
  });
  // The signals are checked first: whatever the SDK threw, they say who stopped the request.
  if (userAborted) return fail("ABORTED", "ABORTED");
  if (timedOut || err instanceof APIConnectionTimeoutError) return fail("TIMEOUT", timeout(timeoutMs));
  if (err instanceof EngineError) return { error: err, retry: false };
  if (!(err instanceof APIError)) return fail("UNAVAILABLE", "ENGINE_UNAVAILABLE");
  const code = typeof err.code === "string" ? err.code : null;
  const type = typeof err.type === "string" ? err.type : null;
  if (code && REFUSED_CODES.has(code)) return fail("REFUSED", "REFUSED");
  if (err.status === 429 && ((code && QUOTA_CODES.has(code)) || (type && QUOTA_CODES.has(type)))) {
    return { error: misconfigured(code ?? type ?? "insufficient_quota", err.message, err), retry: false };
  }
  if (err.status === 429) return fail("RATE_LIMITED", "ENGINE_BUSY", true);
  // A missing, wrong or revoked key (401), a key without access to this model or region (403), an
  // unknown model or a wrong OPENAI_BASE_URL (404): only the operator can fix these.
  if (err.status === 401) return { error: misconfigured(code ?? "invalid_api_key", err.message, err), retry: false };
  if (err.status === 403) return { error: misconfigured(code ?? "permission_denied", err.message, err), retry: false };
  if (err.status === 404) return { error: misconfigured(code ?? "not_found", err.message, err), retry: false };
  // No status: connection refused/reset (APIConnectionError), worth another try.
  if (err.status === undefined || err.status >= 500) return fail("UNAVAILABLE", "ENGINE_UNAVAILABLE", true);
  // Other 4xx (an invalid size, a mask the API refuses): our request is wrong, and retrying the same
  // request cannot fix it. The operator sees it too, since it is a bug to report.
  const error = new EngineError("UNAVAILABLE", {
    detail: "ENGINE_REJECTED",
    cause: err,
    operator: { service: "openai", code: code ?? `http_${err.status}`, detail: redact(err.message) },
  });
  return { error, retry: false };
}

/** Milliseconds the server asked us to wait (retry-after-ms, or Retry-After in seconds or as a date). */
function retryAfterMs(err: unknown): number | undefined {
  const headers = err instanceof APIError ? err.headers : undefined;
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get("retry-after")?.trim();
  if (!value) return undefined;
  const at = /^\d+(\.\d+)?$/.test(value) ? Date.now() + Number(value) * 1000 : Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export type Attempt = { signal: AbortSignal; timeoutMs: number };
export type RetryPolicy = {
  maxAttempts: number;
  backoffMs: number;
  /** The whole budget, as the TIMEOUT message reports it. */
  timeoutMs: number;
  /** When this call must be over (defaults to now + timeoutMs); several calls can share one. */
  deadline?: number;
  signal?: AbortSignal;
};

/** Runs `run` until it succeeds, fails for good, runs out of attempts or passes the deadline. */
export async function withRetries<T>(run: (attempt: Attempt) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const deadline = policy.deadline ?? Date.now() + policy.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const left = Math.max(1, deadline - Date.now());
    // Our own deadline too: the SDK's timeout stops at the response headers, not the body.
    const timer = new AbortController();
    const handle = setTimeout(() => timer.abort(), left);
    const signal = policy.signal ? AbortSignal.any([policy.signal, timer.signal]) : timer.signal;
    try {
      if (policy.signal?.aborted) throw policy.signal.reason;
      return await run({ signal, timeoutMs: left });
    } catch (err) {
      const failure = classify(err, policy.signal?.aborted === true, timer.signal.aborted, policy.timeoutMs);
      if (!failure.retry || attempt >= policy.maxAttempts) throw failure.error;
      const backoff = policy.backoffMs * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.25);
      const wait = Math.min(retryAfterMs(err) ?? backoff, MAX_RETRY_AFTER_MS);
      // Waiting past the deadline only to time out would hide the real cause.
      if (Date.now() + wait >= deadline) throw failure.error;
      await delay(wait, undefined, { signal: policy.signal }).catch((cause: unknown) => {
        throw new EngineError("ABORTED", { cause });
      });
    } finally {
      clearTimeout(handle);
    }
  }
}
