import { issue } from "./field-errors";
import { z } from "./zod";

/**
 * A participant id: what a crowd platform puts in the URL (Prolific's 24-hex PROLIFIC_PID,
 * MTurk's workerId) or what a person types on the sign-in page. Shared by the form and the server.
 */
export const participantIdSchema = z
  .string(issue("PARTICIPANT_ID_REQUIRED"))
  .trim()
  .min(1, issue("PARTICIPANT_ID_REQUIRED"))
  .max(64, issue("PARTICIPANT_ID_TOO_LONG"))
  .regex(/^[A-Za-z0-9_-]+$/, issue("PARTICIPANT_ID_CHARACTERS"));

export const participantSignInSchema = z.object({ participantId: participantIdSchema });
