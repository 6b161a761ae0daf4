import { plainText } from "@/lib/validations/text";

/** A moderation or flag reason: what the moderators and the audit log will read. 3-500 characters. */
export const reasonSchema = plainText({
  codes: {
    required: "REASON_REQUIRED",
    tooShort: "REASON_TOO_SHORT",
    tooLong: "REASON_TOO_LONG",
    control: "REASON_CONTROL",
    bidi: "REASON_BIDI",
    markup: "REASON_MARKUP",
    broken: "REASON_BROKEN",
  },
  min: 3,
  max: 500,
});
