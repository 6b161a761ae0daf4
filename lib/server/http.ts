import "server-only";
import type { z } from "zod";
import { errorTextIn } from "@/i18n/error-translator";
import { localeOfRequest } from "@/i18n/locales";
import { type DetailArg, detail, type ErrorCode } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";
import { refusalOf } from "@/lib/server/refusal";
import { fieldErrorsOf } from "@/lib/validations/field-errors";

/**
 * Any thrown error as a JSON answer in the request's language (its NEXT_LOCALE cookie, else
 * Accept-Language: the pages' rule): `{ error: { code, message, fields?, retryAfterS? } }`.
 * `code` is the same in every language, for clients; `message` is for people. Unexpected
 * errors are logged with `route` ("POST /api/vote") and become a 500.
 */
export function errorResponse(err: unknown, req: Request | null, route?: string): Response {
  const r = refusalOf(err, { route });
  const text = errorTextIn(localeOfRequest(req));
  const fields = r.fieldErrors && Object.fromEntries(Object.entries(r.fieldErrors).map(([k, list]) => [k, list.map(text)]));
  const body = {
    code: r.code,
    message: text(r.detail),
    ...(fields ? { fields } : {}),
    ...(r.retryAfterS !== undefined ? { retryAfterS: r.retryAfterS } : {}),
  };
  const res = Response.json({ error: body }, { status: r.status, headers: { "Cache-Control": "no-store" } });
  if (r.retryAfterS !== undefined) res.headers.set("Retry-After", String(r.retryAfterS));
  else if (r.detail.code === "DATABASE_UNAVAILABLE") res.headers.set("Retry-After", "5");
  return res;
}

/** A refusal a route decides on itself (no cron secret, no such table), answered like any other. */
export function jsonError(req: Request | null, code: DetailArg): Response;
export function jsonError(req: Request | null, code: ErrorCode, said: DetailArg): Response;
export function jsonError(req: Request | null, code: ErrorCode | DetailArg, said?: DetailArg): Response {
  // The overloads above give a code with values only as a detail, or with `said`.
  const err = said === undefined ? new ActionError(code as DetailArg) : new ActionError(code as ErrorCode, { detail: said });
  return errorResponse(err, req);
}

/**
 * Reads a JSON body of at most `maxBytes` and validates it. Oversized, malformed or invalid
 * bodies become ActionErrors with a specific code (and, when invalid, the codes per field).
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = 16 * 1024): Promise<z.output<S>> {
  const tooLarge = () => new ActionError(detail("TOO_LARGE", { max: maxBytes }));
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ActionError("INVALID", { detail: "NOT_JSON" });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ActionError("INVALID", { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}
