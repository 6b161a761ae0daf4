import "server-only";
import { getTranslations } from "next-intl/server";
import type { FeedOrderMode, Condition, TallyMode } from "@/lib/worlds/conditions";

/** How the analyses name a world's or a condition's modes, in the admin's language. */
export async function conditionNames() {
  const t = await getTranslations("admin");
  const tallies: Record<TallyMode, string> = {
    always: t("studies.form.talliesAlways"),
    afterVote: t("studies.form.talliesAfterVote"),
    never: t("studies.form.talliesNever"),
  };
  const order: Record<FeedOrderMode, string> = {
    random: t("studies.form.orderRandom"),
    newest: t("studies.form.orderNewest"),
    score: t("studies.form.orderScore"),
  };
  return {
    /** Tallies and order, the two modes a world's own conditions add. */
    modes: (c: Pick<Condition, "tallies" | "order">) => t("analyses.worlds.modes", { tallies: tallies[c.tallies], order: order[c.order] }),
    /** Every part of a condition: the social information shown, then the rules played by. */
    full: (c: Condition) =>
      t("analyses.worlds.conditionModes", {
        tallies: tallies[c.tallies],
        order: order[c.order],
        authors: c.hideAuthors ? t("analyses.worlds.authorsHidden") : t("analyses.worlds.authorsShown"),
        selfVoting: c.allowSelfVoting ? t("analyses.worlds.selfVotingOn") : t("analyses.worlds.selfVotingOff"),
        quota: c.generationQuota,
        submissions: c.submissionsPerDay,
        min: c.minMaskCoverage,
        max: c.maxMaskCoverage,
      }),
  };
}
