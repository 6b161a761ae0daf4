import { issue } from "./field-errors";
import { z } from "./zod";
import { reasonSchema } from "@/lib/validations/reason";

/** A participant's report of an image: the image and why (3-500 characters). */
export const flagSchema = z.object({
  imageId: z.coerce.number(issue("MISSING_IMAGE")).int(issue("INVALID_IMAGE")).positive(issue("INVALID_IMAGE")),
  reason: reasonSchema,
});

export type FlagInput = z.infer<typeof flagSchema>;
