import { type DetailArg, type ErrorCode, type ErrorDetail, type FieldErrors, firstFieldError, toDetail } from "./error-codes";

/**
 * An expected refusal from domain code: a code from the one closed set (./error-codes.ts), what to
 * tell the reader (a more specific code with its values, or the code itself) and, for invalid
 * input, the messages per field. Never a sentence: actions and routes put it into the reader's
 * language. `code` is what clients and tests rely on; `detail` may be finer.
 */
export class ActionError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail;
  readonly fieldErrors?: FieldErrors;

  /** A code that says it all (with its values, as a detail), or a code and field errors. */
  constructor(code: DetailArg, opts?: { fieldErrors?: FieldErrors; cause?: unknown });
  /** A code for clients and statuses, and a more specific message for the reader. */
  constructor(code: ErrorCode, opts: { detail: DetailArg; fieldErrors?: FieldErrors; cause?: unknown });
  constructor(code: ErrorCode | ErrorDetail, opts: { detail?: DetailArg; fieldErrors?: FieldErrors; cause?: unknown } = {}) {
    const top = typeof code === "string" ? null : code;
    const name = top?.code ?? (code as ErrorCode);
    // With field errors and nothing more specific, the first field's message speaks for the form.
    const said =
      opts.detail !== undefined ? toDetail(opts.detail) : (top ?? firstFieldError(opts.fieldErrors) ?? ({ code: name } as ErrorDetail));
    super(said.code === name ? name : `${name} (${said.code})`, { cause: opts.cause });
    this.name = "ActionError";
    this.code = name;
    this.detail = said;
    if (opts.fieldErrors) this.fieldErrors = opts.fieldErrors;
  }
}
