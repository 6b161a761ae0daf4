import { z } from "zod";

/** A moderation or flag reason: what the moderators and the audit log will read. 3-500 characters. */
export const reasonSchema = z
  .string({ message: "Give a reason." })
  .trim()
  .min(3, "Give a reason of at least 3 characters.")
  .max(500, "A reason has at most 500 characters.");
