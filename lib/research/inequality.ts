import "server-only";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { bootstrapMeanCI, bootstrapOptionsSchema, gini, type Interval, mean } from "@/lib/research/estimators";

/** One closed day's inequality (RESEARCH.md, "Inequality and worlds"). */
export type DayInequality = {
  dayId: number;
  date: string;
  /** Its submitted, visible images: the ones measured. */
  images: number;
  upvotes: number;
  /** Gini of the images' up-votes; null with no images. */
  giniUpvotes: number | null;
  /** Gini of their net scores (up − down) less the day's lowest net score; null with no images. */
  giniNet: number | null;
  /** The lowest net score, subtracted from every net score before the Gini. */
  netShift: number | null;
  winnerImageId: number | null;
  /** The winner's up-votes / all up-votes of the day's images; null without a winner among them or with no up-votes. */
  winnerShare: number | null;
};

/** A measure averaged over the days that have it, with a bootstrap interval over those days. */
export type DayMean = { days: number; mean: number | null; ci: Interval | null };

export type Inequality = {
  seed: number;
  resamples: number;
  /** The closed days, oldest first. */
  days: DayInequality[];
  giniUpvotes: DayMean;
  giniNet: DayMean;
  winnerShare: DayMean;
};

/**
 * Per closed day, in date order: the Gini of its submitted, visible images' up-votes, the Gini of
 * their net scores shifted to be ≥ 0, and the winner's share of the day's up-votes; then the mean
 * of each over the days, with a bootstrap interval (estimators.ts) that resamples days.
 *
 * - Tallies are the stored ones, which everyone saw, also when excludeBannedVoters recounts them
 *   for the winner. Hidden images are left out (their tallies froze when hidden).
 * - The shift subtracts the day's lowest net score, so the worst image has 0 and the Gini measures
 *   how the day's net scores spread above it. The shift moves with the day, so net-score Ginis
 *   compare days by spread, not by level.
 * - A day with one image has Gini 0 (nothing to be unequal with) and counts in the means; a day
 *   with none has no Gini and does not.
 * - The winner is the one the rollover recorded. If it is no longer among the visible images
 *   (hidden after the close), its share is left out rather than measured against a set without it.
 * - Each mean's bootstrap uses the seed itself, so each interval can be reproduced on its own.
 * - With `worldId`, only that world's days: one world's timeline, for comparing conditions.
 */
export async function inequalityByDay(
  options: { seed?: number; resamples?: number; worldId?: number; studyId?: number } = {},
): Promise<Inequality> {
  const parsed = bootstrapOptionsSchema.safeParse({ seed: options.seed, resamples: options.resamples });
  if (!parsed.success) throw new ActionError("INVALID", { fieldErrors: fieldErrorsOf(parsed.error) });
  const { seed, resamples } = parsed.data;
  const scope = {
    ...(options.worldId ? { worldId: options.worldId } : {}),
    ...(options.studyId ? { world: { studyId: options.studyId } } : {}),
  };

  const [days, images] = await Promise.all([
    db.day.findMany({
      where: { status: "CLOSED", ...scope },
      orderBy: [{ date: "asc" }, { id: "asc" }],
      select: { id: true, date: true, winnerImageId: true },
    }),
    db.image.findMany({
      where: {
        status: "SUBMITTED",
        hiddenAt: null,
        day: { is: { status: "CLOSED", ...scope } },
      },
      select: { id: true, dayId: true, upvotes: true, downvotes: true },
    }),
  ]);
  const byDay = new Map<number, typeof images>();
  for (const image of images) {
    const list = byDay.get(image.dayId!) ?? [];
    list.push(image);
    byDay.set(image.dayId!, list);
  }

  const rows = days.map((day): DayInequality => {
    const list = byDay.get(day.id) ?? [];
    const upvotes = list.reduce((sum, i) => sum + i.upvotes, 0);
    const nets = list.map((i) => i.upvotes - i.downvotes);
    const netShift = nets.length === 0 ? null : Math.min(...nets);
    const winner = list.find((i) => i.id === day.winnerImageId);
    return {
      dayId: day.id,
      date: keyFromDate(day.date),
      images: list.length,
      upvotes,
      giniUpvotes: list.length === 0 ? null : gini(list.map((i) => i.upvotes)),
      giniNet: netShift === null ? null : gini(nets.map((n) => n - netShift)),
      netShift,
      winnerImageId: day.winnerImageId,
      winnerShare: winner && upvotes > 0 ? winner.upvotes / upvotes : null,
    };
  });

  const overDays = (pick: (d: DayInequality) => number | null): DayMean => {
    const values = rows.map(pick).filter((v): v is number => v !== null);
    return { days: values.length, mean: mean(values), ci: bootstrapMeanCI(values, { resamples, seed }) };
  };
  return {
    seed,
    resamples,
    days: rows,
    giniUpvotes: overDays((d) => d.giniUpvotes),
    giniNet: overDays((d) => d.giniNet),
    winnerShare: overDays((d) => d.winnerShare),
  };
}
