// Constants the browser needs as well as the server. Plain values, no zod: a client component
// that needs only a constant must not bring the schema library into every page's bundle.

/** The longest prompt, in characters (lib/validations/generate.ts enforces it). */
export const PROMPT_MAX = 1000;

/** The query parameters crowd platforms use to pass the worker's id, in order of preference. */
export const CROWD_ID_PARAMS = ["PROLIFIC_PID", "workerId", "participantId"] as const;
