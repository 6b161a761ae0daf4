import { z } from "./zod";
import { plainText } from "@/lib/validations/text";

export const PROMPT_MAX = 1000;
export const MASK_UPLOAD_MAX_BYTES = 8 * 1024 * 1024;

export const promptSchema = plainText({ what: "prompt", empty: "Write a prompt describing what should appear in your patch.", max: PROMPT_MAX });

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
