import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { errorText } from "@/i18n/error-text";
import type { z } from "zod";
import { AuthError, getCurrentUser, requireAdmin, requireUser, type CurrentUser } from "@/lib/auth/auth";
import { DB_UNAVAILABLE_MESSAGE, isConnectionError } from "@/lib/server/db-errors";
import { ActionError } from "@/lib/server/errors";
import { type LimitName, RateLimitError, takeRateLimit } from "@/lib/server/rate-limit";
import { requestAddress } from "@/lib/server/request-address";
import { log } from "@/lib/server/log";

export { ActionError };

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; message: string; code?: string; fieldErrors?: Record<string, string[]>; retryAfterS?: number };

/** "public" actions (choosing a language) run for anyone; the handler gets the user or null. */
type Access = "user" | "admin" | "public";
type UserFor<A extends Access> = A extends "public" ? CurrentUser | null : CurrentUser;

function toInput(raw: unknown): unknown {
  return raw instanceof FormData ? Object.fromEntries(raw.entries()) : raw;
}

/**
 * Every server action goes through here, in the same order: authenticate, count the request
 * against its rate limit (when it has one), validate with zod, then run the handler (which
 * checks ownership and writes). Forgetting a step is impossible, and every outcome is a typed
 * result rather than a thrown error reaching the client.
 */
export function defineAction<S extends z.ZodType, T, A extends Access>(
  opts: { access: A; schema: S; limit?: LimitName },
  handler: (input: z.output<S>, ctx: { user: UserFor<A> }) => Promise<T>,
): (raw: unknown) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = (opts.access === "admin" ? await requireAdmin() : opts.access === "user" ? await requireUser() : await getCurrentUser()) as UserFor<A>;
      if (opts.limit) await takeRateLimit(opts.limit, { userKey: user?.id ?? null, address: await requestAddress() });
      const parsed = opts.schema.safeParse(toInput(raw));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? "form");
          (fieldErrors[key] ??= []).push(issue.message);
        }
        return localized({ ok: false, code: "INVALID", message: parsed.error.issues[0]?.message ?? "Invalid input.", fieldErrors });
      }
      return { ok: true, data: await handler(parsed.data, { user }) };
    } catch (err) {
      // redirect() and notFound() work by throwing; they must reach Next, not become results.
      unstable_rethrow(err);
      return localized(failure(err));
    }
  };
}

/**
 * A refusal in the reader's language (i18n/error-text.ts). Outside a request (scripts, tests
 * calling an action directly) there is no language to read, and the English stands.
 */
async function localized(result: ActionResult<never>): Promise<ActionResult<never>> {
  if (result.ok) return result;
  try {
    const t = await getTranslations("errors");
    const say = (message: string) => errorText(t, message);
    const fieldErrors = result.fieldErrors && Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, v.map(say)]));
    return { ...result, message: say(result.message), ...(fieldErrors ? { fieldErrors } : {}) };
  } catch {
    return result;
  }
}

/** Every refusal and failure as a typed result; only unexpected errors are logged as such. */
function failure(err: unknown): ActionResult<never> {
  if (err instanceof AuthError) return { ok: false, code: err.code, message: err.message };
  if (err instanceof RateLimitError) return { ok: false, code: err.code, message: err.message, retryAfterS: err.retryAfterS };
  if (err instanceof ActionError) return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors };
  if (isConnectionError(err)) {
    log.error("database unavailable", err);
    return { ok: false, code: "UNAVAILABLE", message: DB_UNAVAILABLE_MESSAGE };
  }
  log.error("action failed", err);
  return { ok: false, code: "INTERNAL", message: "Something went wrong on our side. Please try again." };
}
