import "server-only";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { getSettings } from "@/lib/settings/settings";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { rankEligible } from "@/lib/voting/eligible-ranking";
import {
  bootstrapMeanCI,
  bootstrapOptionsSchema,
  deriveSeed,
  type Interval,
  mean,
  pearson,
  percentileRank,
  spearmanBrown,
} from "@/lib/research/estimators";

/** One participant's prompt-writing skill (RESEARCH.md, "Prompt-writing skill"). */
export type SkillRow = {
  userId: number;
  /** Days counted: closed, with at least 2 eligible submissions, one or more of them theirs. */
  days: number;
  /** Their eligible submissions on those days. */
  submissions: number;
  /** Per counted day, in date order: the mean percentile rank of their submissions that day. */
  values: number[];
  /** The mean of `values`, in [0, 1]. */
  skill: number;
  /** 95 % bootstrap interval over their days; null with fewer than 2 days. */
  ci: Interval | null;
};

/** Split-half reliability of the measure across participants. */
export type SplitHalf = {
  /** Participants with at least 2 days in each half: what r rests on. */
  participants: number;
  /** Pearson r between the odd-day and even-day means; null when undefined (under 2 participants, or a constant half). */
  r: number | null;
  /** r corrected to full length with Spearman–Brown, 2r / (1 + r). */
  reliability: number | null;
};

export type SkillTable = {
  seed: number;
  resamples: number;
  locale: string | null;
  /** Closed days with at least 2 eligible submissions (the days ranked). */
  days: number;
  /** Closed days left out because they had fewer than 2 eligible submissions. */
  daysLeftOut: number;
  rows: SkillRow[];
  splitHalf: SplitHalf;
};

export type SkillOptions = {
  seed?: number;
  resamples?: number;
  locale?: string;
  orderBy?: "skill" | "days";
  /** Only the days of this study's worlds. */
  studyId?: number;
};

// Days are ranked a few at a time: one query each, without holding the whole pool.
const PARALLEL_DAYS = 4;

/**
 * The prompt-writing skill of every participant over the closed days.
 *
 * - A day's order is rankEligible's (lib/voting/eligible-ranking.ts): the rollover's race, with the
 *   excludeBannedVoters setting and bans as they are now. Hidden submissions and banned creators'
 *   are not in it, so banned participants have no row. Days with one eligible submission have no
 *   percentile rank and are left out.
 * - A participant with several submissions on a day gets the mean of their percentile ranks that
 *   day, so each day weighs the same in their skill however many times they submitted.
 * - With a `locale`, only submissions made in that interface language count; their ranks are
 *   still among everyone's submissions that day.
 * - Each participant's bootstrap uses its own stream, deriveSeed(seed, userId): their interval
 *   does not change when other participants are added or the table is sorted differently.
 * - Split-half: a participant's counted days in date order, the 1st, 3rd, ... ("odd") against the
 *   2nd, 4th, ... ("even").
 *
 * Rows are sorted by skill (or by days counted), then the other, then by user id.
 */
export async function skillTable(options: SkillOptions = {}): Promise<SkillTable> {
  const parsed = bootstrapOptionsSchema.safeParse({ seed: options.seed, resamples: options.resamples });
  if (!parsed.success) throw new ActionError("INVALID", { fieldErrors: fieldErrorsOf(parsed.error) });
  const { seed, resamples } = parsed.data;
  const locale = options.locale || null;
  const inStudy = options.studyId ? { world: { studyId: options.studyId } } : {};

  const { excludeBannedVoters } = await getSettings();
  const [days, submissions] = await Promise.all([
    db.day.findMany({ where: { status: "CLOSED", ...inStudy }, orderBy: [{ date: "asc" }, { id: "asc" }], select: { id: true } }),
    db.image.findMany({
      where: { status: "SUBMITTED", day: { is: { status: "CLOSED", ...inStudy } } },
      select: { id: true, creatorId: true, locale: true },
    }),
  ]);
  const byId = new Map(submissions.map((s) => [s.id, s]));

  const rankedDays: number[][] = [];
  for (let i = 0; i < days.length; i += PARALLEL_DAYS) {
    const chunk = days.slice(i, i + PARALLEL_DAYS);
    const orders = await Promise.all(chunk.map((d) => rankEligible(db, d.id, excludeBannedVoters)));
    rankedDays.push(...orders.map((order) => order.map((image) => image.id)));
  }

  // Per participant, per counted day (in date order): the sum and count of their percentile ranks.
  const perUser = new Map<number, { sum: number; count: number }[]>();
  let counted = 0;
  for (const order of rankedDays) {
    if (order.length < 2) continue;
    counted++;
    const today = new Map<number, { sum: number; count: number }>();
    order.forEach((imageId, i) => {
      const image = byId.get(imageId);
      if (!image || image.creatorId === null || (locale !== null && image.locale !== locale)) return;
      const entry = today.get(image.creatorId) ?? { sum: 0, count: 0 };
      entry.sum += percentileRank(i + 1, order.length)!;
      entry.count++;
      today.set(image.creatorId, entry);
    });
    for (const [userId, entry] of today) {
      const mine = perUser.get(userId) ?? [];
      mine.push(entry);
      perUser.set(userId, mine);
    }
  }

  const rows: SkillRow[] = [...perUser].map(([userId, entries]) => {
    const values = entries.map((e) => e.sum / e.count);
    return {
      userId,
      days: values.length,
      submissions: entries.reduce((n, e) => n + e.count, 0),
      values,
      skill: mean(values)!,
      ci: bootstrapMeanCI(values, { resamples, seed: deriveSeed(seed, userId) }),
    };
  });
  const bySkill = (a: SkillRow, b: SkillRow) => b.skill - a.skill;
  const byDays = (a: SkillRow, b: SkillRow) => b.days - a.days;
  const [first, second] = options.orderBy === "days" ? [byDays, bySkill] : [bySkill, byDays];
  rows.sort((a, b) => first(a, b) || second(a, b) || a.userId - b.userId);

  return { seed, resamples, locale, days: counted, daysLeftOut: days.length - counted, rows, splitHalf: splitHalf(rows) };
}

/** Odd against even days (by date order) for participants with at least 2 of each. */
function splitHalf(rows: readonly SkillRow[]): SplitHalf {
  const odd: number[] = [];
  const even: number[] = [];
  for (const { values } of rows) {
    const halves = [values.filter((_, i) => i % 2 === 0), values.filter((_, i) => i % 2 === 1)];
    if (halves.some((h) => h.length < 2)) continue;
    odd.push(mean(halves[0]!)!);
    even.push(mean(halves[1]!)!);
  }
  const r = pearson(odd, even);
  return { participants: odd.length, r, reliability: r === null ? null : spearmanBrown(r) };
}
