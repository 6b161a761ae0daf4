"use server";

import { revalidatePath } from "next/cache";
import { currentLocale } from "@/i18n/current";
import { listAttempts, submitAttempt } from "@/lib/creating/attempts";
import { withdrawSubmission } from "@/lib/creating/withdraw";
import { generateAttempt } from "@/lib/creating/generation";
import { trackGeneration } from "@/lib/creating/progress";
import { getImageEngine, getPromptModerator } from "@/lib/imagegen";
import { newBadges, personalSummary } from "@/lib/rewards/personal";
import { defineAction } from "@/lib/server/safe-action";
import { getSettings } from "@/lib/settings/settings";
import { getStorage } from "@/lib/storage";
import { generateSchema, submitSchema } from "@/lib/validations/generate";

/**
 * Generates one attempt on today's seed and returns the participant's updated attempts. With a
 * ticket, the page can ask where the attempt stands meanwhile, and give it up (lib/creating/progress.ts).
 */
export const generateAction = defineAction({ access: "user", schema: generateSchema, limit: "generate" }, async (input, { user }) => {
  const mask = Buffer.from(await input.mask.arrayBuffer());
  const tracked = input.ticket ? trackGeneration(input.ticket, user.id) : null;
  let image;
  try {
    image = await generateAttempt(
      {
        userId: user.id,
        dayId: input.dayId,
        prompt: input.prompt,
        mask,
        locale: await currentLocale(),
        signal: tracked?.signal,
        onQueuePosition: tracked?.onQueuePosition,
      },
      { engine: getImageEngine(), storage: getStorage(), moderate: getPromptModerator() },
    );
  } finally {
    tracked?.end();
  }
  revalidatePath("/create");
  return { imageId: image.id, attempts: await listAttempts(user.id, input.dayId) };
});

/** Puts one of the participant's own attempts on today's vote. */
export const submitAction = defineAction({ access: "user", schema: submitSchema }, async (input, { user }) => {
  // With badges switched on, what this submission earned is shown at once (e.g. a first
  // submission, or the seventh day of a streak): the badges before and after, compared.
  const settings = await getSettings();
  const summary = () => personalSummary(user.id, { streakMinVotes: settings.streakMinVotes });
  const before = settings.streaksAndBadges ? (await summary()).badges : null;
  const res = await submitAttempt(user.id, input.imageId);
  const earned = before ? newBadges(before, (await summary()).badges) : [];
  revalidatePath("/create");
  revalidatePath("/vote");
  return { ...res, earned };
});

/** Takes the participant's own submission back out of the vote, before its first vote, so another can replace it. */
export const withdrawAction = defineAction({ access: "user", schema: submitSchema }, async (input, { user }) => {
  const res = await withdrawSubmission(user.id, input.imageId);
  revalidatePath("/create");
  revalidatePath("/vote");
  return res;
});
