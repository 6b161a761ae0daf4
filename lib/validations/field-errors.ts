// Zod issues as codes: the one place where a failed parse becomes messages per field. Schemas give
// a code as their message (`.int(issue("MISSING_DAY"))`); the values a message needs are read off
// the issue (its bounds, accepted values, field) or passed as a refinement's params. Where a
// schema gave no code, zod's own English is replaced by a code of the same meaning.
import type { z } from "zod";
import { type ErrorCode, type ErrorDetail, type FieldErrors, isErrorCode, valueNamesOf } from "@/lib/server/error-codes";

type Issue = z.core.$ZodIssue;
type Params = Record<string, string | number>;

/** A schema message that is a code; `params` carries the values a refinement's message needs. */
export function issue(code: ErrorCode, params?: Params): { message: ErrorCode; params?: Params } {
  return params ? { message: code, params } : { message: code };
}

/** The code zod's own message stands for, for schemas that did not give one. */
function fallbackCode(i: Issue): ErrorCode {
  const numeric = (origin: string) => origin === "number" || origin === "int" || origin === "bigint";
  if (i.code === "too_small" && numeric(i.origin)) return "FIELD_AT_LEAST";
  if (i.code === "too_big" && numeric(i.origin)) return "FIELD_AT_MOST";
  if (i.code === "too_big" && i.origin === "string") return "TEXT_TOO_LONG";
  if (i.code === "invalid_value") return "FIELD_ONE_OF";
  if (i.code === "invalid_type" && i.expected === "number") return "FIELD_NOT_A_NUMBER";
  if (i.code === "invalid_type" && i.expected === "boolean") return "FIELD_ONE_OF";
  return "INVALID_FIELD";
}

/** One issue as a detail, with exactly the values its code takes. */
export function detailOfIssue(i: Issue): ErrorDetail {
  const code = isErrorCode(i.message) ? i.message : fallbackCode(i);
  const pool: Params = { field: i.path.map(String).join(".") || "body" };
  if (i.code === "too_small") pool.min = Number(i.minimum);
  if (i.code === "too_big") pool.max = Number(i.maximum);
  if (i.code === "invalid_value") pool.options = i.values.map(String).join(", ");
  if (i.code === "invalid_type" && i.expected === "boolean") pool.options = "true, false";
  if (i.code === "custom" && i.params) Object.assign(pool, i.params);
  const names = valueNamesOf(code);
  if (names.length === 0) return { code } as ErrorDetail;
  return { code, values: Object.fromEntries(names.map((n) => [n, pool[n] ?? ""])) } as ErrorDetail;
}

/** Every issue, by the top-level field it concerns ("form" for the whole object), in zod's order. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const i of error.issues) (out[String(i.path[0] ?? "form")] ??= []).push(detailOfIssue(i));
  return out;
}
