"use server";

import { flagImage } from "@/lib/admin/flags";
import { currentLocale } from "@/i18n/current";
import { defineAction } from "@/lib/safe-action";
import { flagSchema } from "@/lib/validations/flag";
import { voteSchema } from "@/lib/validations/vote";
import { setVote } from "@/lib/votes";

/** Votes (+1/-1) or clears (0) as the signed-in user; the same rules as POST /api/vote. */
export const voteAction = defineAction({ access: "user", schema: voteSchema, limit: "vote" }, async (input, { user }) => setVote({ userId: user.id, ...input, locale: await currentLocale() }));

/** Flags an image for the moderators' review: once per person and image, with a reason. */
export const flagAction = defineAction({ access: "user", schema: flagSchema, limit: "flag" }, async (input, { user }) => {
  await flagImage(user.id, input.imageId, input.reason);
  return { imageId: input.imageId };
});
