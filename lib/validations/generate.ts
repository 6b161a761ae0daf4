import { issue } from "./field-errors";
import { z } from "./zod";
import { plainText } from "@/lib/validations/text";
import { PROMPT_MAX } from "./constants";

export const MASK_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;

export const promptSchema = plainText({
  codes: {
    required: "PROMPT_REQUIRED",
    tooLong: "PROMPT_TOO_LONG",
    control: "PROMPT_CONTROL",
    bidi: "PROMPT_BIDI",
    markup: "PROMPT_MARKUP",
    broken: "PROMPT_BROKEN",
  },
  max: PROMPT_MAX,
});

/** How the create page names an attempt while it waits: random, made in the browser (lib/creating/progress.ts). */
const TICKET_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const ticketSchema = z.string().regex(TICKET_PATTERN, issue("INVALID_FIELD"));

export const dayIdSchema = z.coerce.number(issue("MISSING_DAY")).int(issue("MISSING_DAY")).positive(issue("MISSING_DAY"));

export const generateSchema = z.object({
  dayId: dayIdSchema,
  prompt: promptSchema,
  mask: z
    .instanceof(File, issue("MASK_REQUIRED"))
    .refine((f) => f.size > 0, issue("MASK_FILE_EMPTY"))
    .refine((f) => f.size <= MASK_UPLOAD_MAX_BYTES, issue("MASK_FILE_TOO_LARGE", { max: MASK_UPLOAD_MAX_BYTES / 1024 / 1024 })),
  /** Names the attempt for its place in line (GET /api/generations/<ticket>); optional for other callers. */
  ticket: ticketSchema.optional(),
});

export const submitSchema = z.object({
  imageId: z.coerce.number(issue("CHOOSE_ATTEMPT")).int(issue("CHOOSE_ATTEMPT")).positive(issue("CHOOSE_ATTEMPT")),
});
