"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/safe-action";
import { getSettings } from "@/lib/settings/settings";
import { issueCompletion } from "@/lib/study/completion";
import { finishRoute } from "@/lib/study/finish";
import { finishStudySchema } from "@/lib/validations/crowd";

/**
 * Finishes the study for the signed-in participant: issues their completion code once the
 * requirements are met (lib/study/completion.ts checks them again here, whatever the page showed),
 * with where to go next (an MTurk form target, a Prolific URL made with the code).
 */
export const finishStudyAction = defineAction({ access: "user", schema: finishStudySchema }, async (_input, { user }) => {
  const issued = await issueCompletion(user.id);
  revalidatePath("/complete");
  const route = await finishRoute(user.id, issued.code, (await getSettings()).prolificCompletionUrl);
  return { code: issued.code, completedAt: issued.completedAt.toISOString(), route };
});
