import "server-only";
import { db } from "@/lib/server/db";
import { bootstrapMeanCI, DEFAULT_SEED, MIN_RESAMPLES, mean } from "@/lib/research/estimators";
import { type DayMean, inequalityByDay } from "@/lib/research/inequality";
import { tokenize } from "@/lib/research/tokenize";
import { getWorldSettings } from "@/lib/worlds/conditions";
import { getRunningStudy } from "@/lib/worlds/studies";

/**
 * The running study's worlds compared, as RESEARCH.md asks for conditions: per world (and so per
 * condition), over its closed days, the Gini of net scores and the winner's share of up-votes
 * (lib/research/inequality.ts), participation (people who made an image or voted, as the
 * rollover recorded each day) and prompt diversity, each a mean over days with a 95 % bootstrap
 * interval that resamples days (same seed for every world, so worlds differ only by their data).
 *
 * Prompt diversity is a choice RESEARCH.md leaves open, made here: a day's type-token ratio, its
 * submitted prompts' distinct words over all their words (lib/research/tokenize.ts: lower case,
 * stop words and words under three letters left out); a day whose prompts have no such word has
 * none. 1 means no word was used twice that day.
 */
export async function compareWorlds(options: { seed?: number; resamples?: number } = {}) {
  const seed = options.seed ?? DEFAULT_SEED;
  const resamples = options.resamples ?? MIN_RESAMPLES;
  const study = await getRunningStudy();
  const worlds = await Promise.all(
    study.worlds.map(async (w) => {
      const [settings, inequality, days] = await Promise.all([
        getWorldSettings(w.id),
        inequalityByDay({ seed, resamples, worldId: w.id }),
        db.day.findMany({
          where: { worldId: w.id, status: "CLOSED" },
          orderBy: [{ date: "asc" }, { id: "asc" }],
          select: { totalParticipants: true, images: { where: { status: "SUBMITTED" }, select: { prompt: true } } },
        }),
      ]);
      const overDays = (values: number[]): DayMean => ({
        days: values.length,
        mean: mean(values),
        ci: bootstrapMeanCI(values, { resamples, seed }),
      });
      const diversity = days.flatMap((d) => {
        const words = d.images.flatMap((i) => tokenize(i.prompt));
        return words.length === 0 ? [] : [new Set(words).size / words.length];
      });
      return {
        id: w.id,
        position: w.position,
        name: w.name,
        tallies: settings.tallies,
        order: settings.order,
        giniNet: inequality.giniNet,
        winnerShare: inequality.winnerShare,
        participation: overDays(days.map((d) => d.totalParticipants)),
        promptDiversity: overDays(diversity),
      };
    }),
  );
  return { studyId: study.id, seed, resamples, worlds };
}

export type WorldsCompared = Awaited<ReturnType<typeof compareWorlds>>;
