// Constants the browser needs as well as the server. Plain values, no zod: a client component
// that needs only a constant must not bring the schema library into every page's bundle.

/** The longest prompt, in characters (lib/validations/generate.ts enforces it). */
export const PROMPT_MAX = 1000;

/** The query parameters crowd platforms use to pass the worker's id, in order of preference. */
export const CROWD_ID_PARAMS = ["PROLIFIC_PID", "workerId", "participantId"] as const;

/** What MTurk puts in assignmentId while a worker only previews a HIT: the task must not start. */
export const MTURK_PREVIEW_ASSIGNMENT = "ASSIGNMENT_ID_NOT_AVAILABLE";

/**
 * The other query parameters a crowd platform adds: Prolific's study and session, MTurk's HIT,
 * assignment and where to post the finished assignment. Read with the worker id, then removed from
 * the address bar with it.
 */
export const CROWD_VISIT_PARAMS = ["STUDY_ID", "SESSION_ID", "hitId", "assignmentId", "turkSubmitTo", "assign"] as const;

/**
 * Where MTurk may tell us to post a finished assignment: its production and sandbox sites, as the
 * ExternalQuestion documentation names them ("https://www.mturk.com/mturk/externalSubmit" and
 * "https://workersandbox.mturk.com/mturk/externalSubmit"). MTURK_SUBMIT_ORIGINS adds a test's stand-in.
 */
export const MTURK_ORIGINS = ["https://www.mturk.com", "https://workersandbox.mturk.com"] as const;
