import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Interval } from "@/lib/research/estimators";
import type { DayMean } from "@/lib/research/inequality";
import type { DayMeasure } from "@/lib/research/worlds-compared";

/**
 * How the analyses write their figures, in the admin's language: three decimals at most, "—" for
 * none; a mean over days with its interval; a difference, signed, with its interval.
 */
export async function measureText() {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const num = (x: number | null | undefined) => (x == null ? "—" : format.number(x, { maximumFractionDigits: 3 }));
  const signed = (x: number) => format.number(x, { maximumFractionDigits: 3, signDisplay: "exceptZero" });
  /** The day measures' column headings, as the worlds and the conditions tables both name them. */
  const headings: Record<DayMeasure, string> = {
    giniNet: t("analyses.inequality.giniNet"),
    winnerShare: t("analyses.inequality.winnerShare"),
    participation: t("analyses.worlds.participation"),
    promptDiversity: t("analyses.worlds.diversity"),
  };
  return {
    num,
    headings,
    /** A mean over days, with its interval when there is one. */
    mean: (m: DayMean) => (m.ci ? t("analyses.worlds.cell", { mean: num(m.mean), low: num(m.ci.low), high: num(m.ci.high) }) : num(m.mean)),
    /** A difference of means, signed, with its interval when there is one; null for none. */
    difference: (d: { diff: number | null; ci: Interval | null }) =>
      d.diff === null
        ? null
        : d.ci
          ? t("analyses.worlds.diff", { diff: signed(d.diff), low: signed(d.ci.low), high: signed(d.ci.high) })
          : t("analyses.worlds.diffNoCi", { diff: signed(d.diff) }),
  };
}
