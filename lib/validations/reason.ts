import { plainText } from "@/lib/validations/text";

/** A moderation or flag reason: what the moderators and the audit log will read. 3-500 characters. */
export const reasonSchema = plainText({ what: "reason", empty: "Give a reason.", min: 3, max: 500 });
