import { z } from "./zod";

/**
 * A participant id: what a crowd platform puts in the URL (Prolific's 24-hex PROLIFIC_PID,
 * MTurk's workerId) or what a person types on the sign-in page. Shared by the form and the server.
 */
export const participantIdSchema = z
  .string({ message: "Enter your participant id." })
  .trim()
  .min(1, "Enter your participant id.")
  .max(64, "A participant id has at most 64 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "A participant id may only contain letters, digits, hyphens (-) and underscores (_).");

export const participantSignInSchema = z.object({ participantId: participantIdSchema });

/** The query parameters crowd platforms use to pass the worker's id, in order of preference. */
export const CROWD_ID_PARAMS = ["PROLIFIC_PID", "workerId", "participantId"] as const;
