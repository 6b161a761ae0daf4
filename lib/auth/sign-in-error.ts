// A sign-in refusal as text and back: next-auth hands the browser only an `error` string, from
// the participant-id callback as from a rate limit, and the forms translate what it carries.
import { type ErrorDetail, isErrorCode } from "@/lib/server/error-codes";

/** A detail as one line of text (JSON), for the error string next-auth passes on. */
export function encodeDetail(d: ErrorDetail): string {
  return JSON.stringify(d);
}

/**
 * Reads back what encodeDetail wrote, or null for anything else. The text comes from the network,
 * so only a known code with a few short plain values is accepted.
 */
export function decodeDetail(text: unknown): ErrorDetail | null {
  if (typeof text !== "string" || text.length > 1000) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const { code, values } = parsed as { code?: unknown; values?: unknown };
  if (!isErrorCode(code)) return null;
  if (values === undefined) return { code } as ErrorDetail;
  if (!values || typeof values !== "object") return null;
  const entries = Object.entries(values);
  const plain = entries.length <= 8 && entries.every(([, v]) => typeof v === "number" || (typeof v === "string" && v.length <= 200));
  return plain ? ({ code, values } as ErrorDetail) : null;
}
