import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { readerErrorText } from "@/i18n/error-translator";
import { getCurrentUser, requireAdmin, requireUser, type CurrentUser } from "@/lib/auth/auth";
import type { ErrorCode } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";
import { type LimitName, takeRateLimit } from "@/lib/server/rate-limit";
import { refusalOf } from "@/lib/server/refusal";
import { requestAddress } from "@/lib/server/request-address";
import { fieldErrorsOf } from "@/lib/validations/field-errors";

export { ActionError };

/**
 * What an action answers. A refusal carries its code (the same in every language) and what it
 * says, already in the reader's language: `message` and the messages per field.
 */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; retryAfterS?: number };

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
      const user = (
        opts.access === "admin" ? await requireAdmin() : opts.access === "user" ? await requireUser() : await getCurrentUser()
      ) as UserFor<A>;
      if (opts.limit) await takeRateLimit(opts.limit, { userKey: user?.id ?? null, address: await requestAddress() });
      const parsed = opts.schema.safeParse(toInput(raw));
      if (!parsed.success) throw new ActionError("INVALID", { fieldErrors: fieldErrorsOf(parsed.error) });
      return { ok: true, data: await handler(parsed.data, { user }) };
    } catch (err) {
      // redirect() and notFound() work by throwing; they must reach Next, not become results.
      unstable_rethrow(err);
      return refused(err);
    }
  };
}

/** Every refusal and failure as a typed result, in the reader's language (i18n/error-translator.ts). */
async function refused(err: unknown): Promise<ActionResult<never>> {
  const r = refusalOf(err);
  const text = await readerErrorText();
  const fieldErrors = r.fieldErrors && Object.fromEntries(Object.entries(r.fieldErrors).map(([k, list]) => [k, list.map(text)]));
  return {
    ok: false,
    code: r.code,
    message: text(r.detail),
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(r.retryAfterS !== undefined ? { retryAfterS: r.retryAfterS } : {}),
  };
}
