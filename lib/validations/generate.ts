import { z } from "zod";

/** Control characters other than tab and newline have no place in a prompt. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const PROMPT_MAX = 1000;
export const MASK_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;

export const promptSchema = z
  .string({ message: "Write a prompt describing what should appear in your patch." })
  .transform((s) => s.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .min(1, "Write a prompt describing what should appear in your patch.")
      .max(PROMPT_MAX, `A prompt has at most ${PROMPT_MAX} characters.`)
      .refine((s) => !CONTROL.test(s), "The prompt contains invisible control characters; please retype it."),
  );

export const dayIdSchema = z.coerce.number({ message: "Missing day." }).int("Missing day.").positive("Missing day.");

export const generateSchema = z.object({
  dayId: dayIdSchema,
  prompt: promptSchema,
  mask: z
    .instanceof(File, { message: "Draw a mask over the part of the picture you want to change." })
    .refine((f) => f.size > 0, "The mask is empty: draw over the part of the picture you want to change.")
    .refine((f) => f.size <= MASK_UPLOAD_MAX_BYTES, `The mask file is too large (at most ${MASK_UPLOAD_MAX_BYTES / 1024 / 1024} MB).`),
});

export const submitSchema = z.object({
  imageId: z.coerce.number({ message: "Choose an attempt to submit." }).int().positive("Choose an attempt to submit."),
});
