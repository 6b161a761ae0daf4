import "server-only";
import { db } from "@/lib/server/db";
import { bootstrapDiffCI, bootstrapMeanCI, DEFAULT_SEED, type Interval, MIN_RESAMPLES, mean } from "@/lib/research/estimators";
import { type DayMean, inequalityByDay } from "@/lib/research/inequality";
import { tokenize } from "@/lib/research/tokenize";
import { conditionLabel, getWorldSettings, type Condition, parseConditionLabel } from "@/lib/worlds/conditions";
import { getRunningStudy } from "@/lib/worlds/studies";

/** What is measured on each closed day, and compared between worlds and conditions. */
export const DAY_MEASURES = ["giniNet", "winnerShare", "participation", "promptDiversity"] as const;
export type DayMeasure = (typeof DAY_MEASURES)[number];
type DayValues = { [M in DayMeasure]: number | null };
type Summary = { [M in DayMeasure]: DayMean };

/** A condition's difference from the reference condition on one measure: mean(this) − mean(reference). */
export type Difference = { diff: number | null; ci: Interval | null };

/**
 * The running study's worlds and conditions compared, as RESEARCH.md asks: over closed days, the
 * Gini of net scores and the winner's share of up-votes (lib/research/inequality.ts),
 * participation (people who made an image or voted, as the rollover recorded each day) and prompt
 * diversity, each a mean over days with a 95 % bootstrap interval that resamples days (the same
 * seed everywhere, so worlds and conditions differ only by their data).
 *
 * - Prompt diversity is a choice RESEARCH.md leaves open, made here: a day's type-token ratio, its
 *   submitted prompts' distinct words over all their words (lib/research/tokenize.ts: lower case,
 *   stop words and words under three letters left out); a day whose prompts have no such word has
 *   none. 1 means no word was used twice that day.
 * - A day belongs to the condition it was played under: the one recorded when it closed
 *   (Day.condition), or, for days closed before conditions were recorded, its world's now. So a
 *   condition changed mid-study splits the world's days between the two conditions.
 * - Conditions pool the days of every world that played under them. Each is compared with the
 *   reference condition, the one world 1 started under (the condition of its first closed day;
 *   the first world is where a design puts its control), by the difference of the means and a 95 % bootstrap interval
 *   that resamples the two conditions' days independently (estimators.ts, bootstrapDiffCI).
 *   Days, not worlds, are the unit: with a handful of worlds per condition, resampling worlds
 *   would give intervals of little meaning; what it leaves out is the correlation of days within
 *   a world.
 */
export async function compareWorlds(options: { seed?: number; resamples?: number } = {}) {
  const seed = options.seed ?? DEFAULT_SEED;
  const resamples = options.resamples ?? MIN_RESAMPLES;
  const study = await getRunningStudy();
  const summarise = (days: DayValues[]): Summary => {
    const over = (m: DayMeasure): DayMean => {
      const values = days.map((d) => d[m]).filter((v): v is number => v !== null);
      return { days: values.length, mean: mean(values), ci: bootstrapMeanCI(values, { resamples, seed }) };
    };
    return {
      giniNet: over("giniNet"),
      winnerShare: over("winnerShare"),
      participation: over("participation"),
      promptDiversity: over("promptDiversity"),
    };
  };

  const perWorld = await Promise.all(
    study.worlds.map(async (w) => {
      const [settings, inequality, closed] = await Promise.all([
        getWorldSettings(w.id),
        inequalityByDay({ seed, resamples, worldId: w.id }),
        db.day.findMany({
          where: { worldId: w.id, status: "CLOSED" },
          orderBy: [{ date: "asc" }, { id: "asc" }],
          select: {
            id: true,
            condition: true,
            totalParticipants: true,
            images: { where: { status: "SUBMITTED" }, select: { prompt: true } },
          },
        }),
      ]);
      const byDay = new Map(inequality.days.map((d) => [d.dayId, d]));
      const now = conditionLabel(settings);
      const days = closed.map((d) => {
        const words = d.images.flatMap((i) => tokenize(i.prompt));
        const values: DayValues = {
          giniNet: byDay.get(d.id)?.giniNet ?? null,
          winnerShare: byDay.get(d.id)?.winnerShare ?? null,
          participation: d.totalParticipants,
          promptDiversity: words.length === 0 ? null : new Set(words).size / words.length,
        };
        return { condition: parseConditionLabel(d.condition) ? d.condition! : now, values };
      });
      return { world: w, settings, now, days };
    }),
  );

  const worlds = perWorld.map(({ world: w, settings, now, days }) => ({
    id: w.id,
    position: w.position,
    name: w.name,
    tallies: settings.tallies,
    order: settings.order,
    condition: now,
    ...summarise(days.map((d) => d.values)),
  }));

  // Days grouped by condition, in the order the worlds first played them.
  const groups = new Map<string, { worlds: Set<string>; days: DayValues[] }>();
  for (const { world, days } of perWorld)
    for (const day of days) {
      const group = groups.get(day.condition) ?? { worlds: new Set<string>(), days: [] };
      group.worlds.add(world.name);
      group.days.push(day.values);
      groups.set(day.condition, group);
    }
  const first = perWorld[0]?.days ?? [];
  // The condition world 1 started under: fixed once its first day closed, whatever changes later.
  const reference = first[0]?.condition ?? groups.keys().next().value ?? null;
  const valuesOf = (days: DayValues[], m: DayMeasure) => days.map((d) => d[m]).filter((v): v is number => v !== null);
  const conditions = [...groups].map(([label, group]) => {
    const summary = summarise(group.days);
    const ref = reference === null ? undefined : groups.get(reference);
    const difference = (m: DayMeasure): Difference => {
      if (!ref || label === reference) return { diff: null, ci: null };
      const [a, b] = [valuesOf(ref.days, m), valuesOf(group.days, m)];
      const diff = a.length && b.length ? mean(b)! - mean(a)! : null;
      return { diff, ci: bootstrapDiffCI(a, b, { resamples, seed }) };
    };
    return {
      label,
      ...(parseConditionLabel(label) as Condition),
      reference: label === reference,
      worlds: [...group.worlds],
      ...summary,
      versusReference: {
        giniNet: difference("giniNet"),
        winnerShare: difference("winnerShare"),
        participation: difference("participation"),
        promptDiversity: difference("promptDiversity"),
      },
    };
  });
  return { studyId: study.id, seed, resamples, worlds, conditions };
}

export type WorldsCompared = Awaited<ReturnType<typeof compareWorlds>>;
