"use server";

import { flagImage } from "@/lib/moderation/flags";
import { currentLocale } from "@/i18n/current";
import { badgesEarnedByVote } from "@/lib/rewards/vote-badges";
import { defineAction } from "@/lib/server/safe-action";
import { getSettings } from "@/lib/settings/settings";
import { flagSchema } from "@/lib/validations/flag";
import { voteSchema } from "@/lib/validations/vote";
import { setVote } from "@/lib/voting/votes";

/** Votes (+1/-1) or clears (0) as the signed-in user; the same rules as POST /api/vote. */
export const voteAction = defineAction({ access: "user", schema: voteSchema, limit: "vote" }, async (input, { user }) => {
  const outcome = await setVote({ userId: user.id, ...input, locale: await currentLocale() });
  // With badges on, a vote that completes a seven-day streak says so at once.
  const settings = await getSettings();
  const earned =
    settings.streaksAndBadges && input.value !== 0 ? await badgesEarnedByVote(user.id, input.imageId, settings.streakMinVotes) : [];
  return { ...outcome, earned };
});

/** Flags an image for the moderators' review: once per person and image, with a reason. */
export const flagAction = defineAction({ access: "user", schema: flagSchema, limit: "flag" }, async (input, { user }) => {
  await flagImage(user.id, input.imageId, input.reason);
  return { imageId: input.imageId };
});
