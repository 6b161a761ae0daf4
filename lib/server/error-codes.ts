// Every refusal and failure the app can report, as one closed set of codes. Domain code throws a
// code with typed values and never a sentence; actions, pages and routes turn a code into the
// reader's language (i18n/error-message.ts), and JSON routes answer with the code itself, which
// is the same in every language. Plain data: safe for the server and the browser alike.

/** Each code with the HTTP status a JSON route answers it with. */
export const ERROR_STATUS = {
  // Who may do what.
  UNAUTHENTICATED: 401,
  UNAUTHORIZED: 401,
  BANNED: 403,
  /** Not an admin: answered like a page that does not exist. */
  FORBIDDEN: 404,
  ADMIN_ONLY: 403,
  NOT_FOUND: 404,
  NOT_CONFIGURED: 503,
  // The service itself.
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE_ATTEMPT: 503,
  // The request.
  INVALID: 400,
  TOO_LARGE: 413,
  NOT_JSON: 400,
  CROSS_ORIGIN: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  TOO_MANY_SIGN_INS: 429,
  TOO_MANY_GENERATIONS: 429,
  TOO_MANY_VOTES: 429,
  TOO_MANY_FLAGS: 429,
  // A field of a form or a JSON body (zod issues, lib/validations/field-errors.ts).
  INVALID_FIELD: 400,
  FIELD_NOT_A_NUMBER: 400,
  FIELD_NOT_WHOLE: 400,
  FIELD_NOT_POSITIVE: 400,
  FIELD_AT_LEAST: 400,
  FIELD_AT_MOST: 400,
  FIELD_ONE_OF: 400,
  TEXT_TOO_LONG: 400,
  VOTE_VALUE: 400,
  LOCALE_CHOICE: 400,
  MISSING_DAY: 400,
  INVALID_DAY: 400,
  MISSING_IMAGE: 400,
  INVALID_IMAGE: 400,
  MISSING_USER: 400,
  INVALID_USER: 400,
  CHOOSE_ATTEMPT: 400,
  // Text people type (lib/validations/text.ts).
  PROMPT_REQUIRED: 400,
  PROMPT_TOO_LONG: 400,
  PROMPT_CONTROL: 400,
  PROMPT_BIDI: 400,
  PROMPT_MARKUP: 400,
  PROMPT_BROKEN: 400,
  REASON_REQUIRED: 400,
  REASON_TOO_SHORT: 400,
  REASON_TOO_LONG: 400,
  REASON_CONTROL: 400,
  REASON_BIDI: 400,
  REASON_MARKUP: 400,
  REASON_BROKEN: 400,
  PARTICIPANT_ID_REQUIRED: 400,
  PARTICIPANT_ID_TOO_LONG: 400,
  PARTICIPANT_ID_CHARACTERS: 400,
  // A crowd platform's link (lib/validations/crowd.ts, lib/study/arrival.ts).
  CROWD_LINK_FIELD: 400,
  CROWD_LINK_MISSING: 400,
  CROWD_LINK_MIXED: 400,
  MTURK_PREVIEW: 400,
  MTURK_SUBMIT_HOST: 400,
  /** An `assign` link not signed by this server, or for a study that no longer runs. */
  WORLD_LINK: 400,
  // Finishing the study (lib/study/completion.ts).
  STUDY_NOT_COMPLETE: 409,
  ALREADY_COMPLETED: 409,
  // Masks (lib/mask/mask.ts and the upload's schema).
  INVALID_MASK: 400,
  MASK_REQUIRED: 400,
  MASK_FILE_EMPTY: 400,
  // A study's first picture, uploaded (lib/worlds/upload-seed.ts).
  SEED_FILE_REQUIRED: 400,
  SEED_FILE_TOO_LARGE: 400,
  SEED_NOT_PICTURE: 400,
  SEED_DIMENSIONS: 400,
  MASK_FILE_TOO_LARGE: 400,
  MASK_EMPTY: 400,
  MASK_TOO_LARGE: 400,
  MASK_NOT_PNG: 400,
  MASK_DAMAGED: 400,
  MASK_EMPTY_IMAGE: 400,
  MASK_TOO_MANY_PIXELS: 400,
  MASK_WRONG_SIZE: 400,
  MASK_NOTHING: 400,
  MASK_TOO_LITTLE: 400,
  MASK_TOO_MUCH: 400,
  // Creating and submitting.
  DAY_CLOSED: 409,
  QUOTA: 429,
  GENERATION_QUOTA: 429,
  SUBMISSION_QUOTA: 429,
  PROMPT_MODERATED: 422,
  SEED_UNAVAILABLE: 503,
  STORAGE: 503,
  GENERATION_FAILED: 500,
  /** Every image worker busy and the line full: nothing was taken, try again in `seconds`. */
  GENERATION_BUSY: 503,
  /** An image worker died during the attempt; the attempt was refunded. */
  WORKER_FAILED: 500,
  ATTEMPT_NOT_FOUND: 404,
  ALREADY_SUBMITTED: 409,
  /** A submission that has had a vote stays in the vote (lib/creating/withdraw.ts). */
  WITHDRAW_AFTER_VOTE: 409,
  NOT_ALLOWED: 409,
  // The image engine (lib/imagegen).
  REFUSED: 422,
  TIMEOUT: 504,
  ENGINE_BUSY: 429,
  ENGINE_UNAVAILABLE: 503,
  ENGINE_REJECTED: 503,
  MISCONFIGURED: 503,
  BAD_OUTPUT: 502,
  ABORTED: 503,
  // Votes and flags.
  IMAGE_NOT_IN_VOTE: 404,
  HIDDEN: 404,
  OWN_IMAGE: 403,
  VOTING_CLOSED: 409,
  FLAG_NOT_IN_VOTE: 404,
  FLAG_OWN_IMAGE: 403,
  ALREADY_FLAGGED: 409,
  // The vote feed's pages (lib/voting/feed-cursor.ts).
  INVALID_CURSOR: 400,
  STALE_CURSOR: 400,
  // Moderation.
  IMAGE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  DAY_NOT_FOUND: 404,
  NOT_SUBMITTED: 409,
  ALREADY_HIDDEN: 409,
  WINNER: 409,
  NOT_HIDDEN: 409,
  SELF: 409,
  ALREADY_BANNED: 409,
  NOT_BANNED: 409,
  NO_LEADER: 409,
  LEADER_CHANGED: 409,
  LEADER_KEPT_CHANGING: 409,
  VETO_DAY_NOT_OPEN: 409,
  VETO_TOO_LATE: 409,
  // The settings form (lib/validations/admin.ts, lib/settings/schema.ts).
  ENTER_WHOLE_NUMBER: 400,
  ENTER_PERCENTAGE: 400,
  AT_LEAST: 400,
  AT_MOST: 400,
  AT_LEAST_PERCENT: 400,
  AT_MOST_PERCENT: 400,
  MASK_BOUNDS_ORDER: 400,
  COMPLETION_URL: 400,
  // Research.
  UNKNOWN_TABLE: 404,
  UNKNOWN_STUDY: 404,
  /** A seed, or an image whose mask was not kept: there is nothing to regenerate it from. */
  NOT_REPLAYABLE: 409,
  NOT_CLOSED: 409,
  NO_TIMELAPSE: 404,
  // Storage keys (lib/storage/keys.ts): the one storage input that can come from a URL.
  INVALID_KEY: 400,
  KEY_NOT_TEXT: 400,
  KEY_EMPTY: 400,
  KEY_TOO_LONG: 400,
  KEY_BACKSLASH: 400,
  KEY_ABSOLUTE: 400,
  KEY_DRIVE: 400,
  KEY_EMPTY_SEGMENT: 400,
  KEY_DOT_SEGMENT: 400,
  KEY_BAD_SEGMENT: 400,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export const isErrorCode = (v: unknown): v is ErrorCode => typeof v === "string" && Object.hasOwn(ERROR_STATUS, v);

/**
 * The values each code's message is made from, by name; codes not listed take none. Numbers stay
 * numbers (the reader's locale formats them) and shares are fractions 0..1 (shown as percentages);
 * `field` (a form or JSON field's name) and `options` (accepted values, as the API spells them)
 * are the only text. The coverage test checks these names against every catalogue's placeholders.
 */
export const ERROR_VALUES = {
  TOO_LARGE: ["max"],
  TOO_MANY_SIGN_INS: ["seconds"],
  TOO_MANY_GENERATIONS: ["seconds"],
  TOO_MANY_VOTES: ["seconds"],
  TOO_MANY_FLAGS: ["seconds"],
  INVALID_FIELD: ["field"],
  FIELD_NOT_A_NUMBER: ["field"],
  FIELD_NOT_WHOLE: ["field"],
  FIELD_NOT_POSITIVE: ["field"],
  FIELD_AT_LEAST: ["field", "min"],
  FIELD_AT_MOST: ["field", "max"],
  FIELD_ONE_OF: ["field", "options"],
  TEXT_TOO_LONG: ["max"],
  PROMPT_TOO_LONG: ["max"],
  REASON_TOO_SHORT: ["min"],
  REASON_TOO_LONG: ["max"],
  PARTICIPANT_ID_TOO_LONG: ["max"],
  /** The query parameter's name as the platform spells it. */
  CROWD_LINK_FIELD: ["field"],
  CROWD_LINK_MISSING: ["field"],
  STUDY_NOT_COMPLETE: ["submissions", "requiredSubmissions", "votes", "requiredVotes"],
  /** In MB (2^20 bytes). */
  MASK_FILE_TOO_LARGE: ["max"],
  /** In MB (2^20 bytes). */
  SEED_FILE_TOO_LARGE: ["max"],
  /** The picture's size; the shortest side allowed; the most pixels allowed. */
  SEED_DIMENSIONS: ["width", "height", "min", "limit"],
  /** Both in MiB. */
  MASK_TOO_LARGE: ["size", "limit"],
  MASK_TOO_MANY_PIXELS: ["width", "height", "limit"],
  MASK_WRONG_SIZE: ["width", "height", "expectedWidth", "expectedHeight"],
  MASK_NOTHING: ["min"],
  MASK_TOO_LITTLE: ["coverage", "min"],
  MASK_TOO_MUCH: ["coverage", "max"],
  GENERATION_QUOTA: ["count"],
  GENERATION_BUSY: ["seconds"],
  SUBMISSION_QUOTA: ["count"],
  TIMEOUT: ["seconds"],
  AT_LEAST: ["min"],
  AT_MOST: ["max"],
  AT_LEAST_PERCENT: ["min"],
  AT_MOST_PERCENT: ["max"],
  KEY_TOO_LONG: ["length", "max"],
} as const satisfies Partial<Record<ErrorCode, readonly string[]>>;

type TextValue = "field" | "options";
type ValuesNamed<K extends string> = { readonly [N in K]: N extends TextValue ? string : number };

export type ValuesOf<C extends ErrorCode> = C extends keyof typeof ERROR_VALUES ? ValuesNamed<(typeof ERROR_VALUES)[C][number]> : undefined;

/** The names of the values a code takes (none for most). */
export const valueNamesOf = (code: ErrorCode): readonly string[] =>
  (ERROR_VALUES as Partial<Record<ErrorCode, readonly string[]>>)[code] ?? [];

/** A code and the values its message needs: what a refusal says, before it is put into words. */
export type ErrorDetail<C extends ErrorCode = ErrorCode> = C extends ErrorCode
  ? ValuesOf<C> extends undefined
    ? { code: C; values?: undefined }
    : { code: C; values: ValuesOf<C> }
  : never;

/** A code that needs no values, or a detail: what an error may be told to say. */
export type DetailArg = ErrorDetail | { [C in ErrorCode]: ValuesOf<C> extends undefined ? C : never }[ErrorCode];

/** Messages per field (form fields, JSON body properties), the first of each field shown first. */
export type FieldErrors = Record<string, ErrorDetail[]>;

/** A detail from a code and its values, typed so that no value is forgotten. */
export function detail<C extends ErrorCode>(code: C, ...values: ValuesOf<C> extends undefined ? [] : [ValuesOf<C>]): ErrorDetail<C> {
  return (values.length ? { code, values: values[0] } : { code }) as ErrorDetail<C>;
}

export function toDetail(arg: DetailArg): ErrorDetail {
  return typeof arg === "string" ? ({ code: arg } as ErrorDetail) : arg;
}

/** The first message of the first field, which is what a form shows when it can show only one. */
export function firstFieldError(fieldErrors: FieldErrors | undefined): ErrorDetail | undefined {
  return fieldErrors ? Object.values(fieldErrors).find((list) => list.length > 0)?.[0] : undefined;
}
