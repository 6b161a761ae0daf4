import { getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/admin/charts/chart-figure";
import { measureText } from "@/components/admin/analyses/measure-text";
import type { DayMean, Inequality } from "@/lib/research/inequality";

/**
 * Inequality of outcomes (RESEARCH.md): the Gini coefficient of each closed day's up-votes and
 * of its net scores (shifted to be non-negative), and the winner's share of the up-votes, day by
 * day, with their means over days and bootstrap intervals.
 */
export async function InequalitySection({ inequality }: { inequality: Inequality }) {
  const t = await getTranslations("admin");
  const { num } = await measureText();
  const mean = (m: DayMean) =>
    t("analyses.inequality.mean", {
      mean: num(m.mean),
      interval: m.ci ? t("analyses.range", { low: num(m.ci.low), high: num(m.ci.high) }) : "—",
      days: m.days,
    });
  const days = inequality.days;
  return (
    <section className="section" aria-labelledby="inequality-title">
      <h2 id="inequality-title">{t("analyses.inequality.title")}</h2>
      <p className="hint">{t("analyses.inequality.definition")}</p>
      {days.length === 0 ? (
        <div className="empty">{t("analyses.inequality.empty")}</div>
      ) : (
        <>
          <dl className="stat-grid" data-testid="inequality-means">
            <div className="stat">
              <dt>{t("analyses.inequality.giniUpvotes")}</dt>
              <dd>{mean(inequality.giniUpvotes)}</dd>
            </div>
            <div className="stat">
              <dt>{t("analyses.inequality.giniNet")}</dt>
              <dd>{mean(inequality.giniNet)}</dd>
            </div>
            <div className="stat">
              <dt>{t("analyses.inequality.winnerShare")}</dt>
              <dd>{mean(inequality.winnerShare)}</dd>
            </div>
          </dl>
          <div className="chart-grid">
            <ChartFigure
              file="gini-upvotes-by-day"
              kind="line"
              title={t("analyses.inequality.giniOverTime")}
              points={days.map((d) => ({ label: d.date, value: d.giniUpvotes }))}
              xLabel={t("analyses.inequality.day")}
              yLabel={t("analyses.inequality.giniUpvotes")}
              domain={[0, 1]}
            />
            <ChartFigure
              file="winner-share-by-day"
              kind="line"
              title={t("analyses.inequality.winnerOverTime")}
              points={days.map((d) => ({ label: d.date, value: d.winnerShare }))}
              xLabel={t("analyses.inequality.day")}
              yLabel={t("analyses.inequality.winnerShare")}
              domain={[0, 1]}
              color="#e07a5f"
            />
          </div>
        </>
      )}
    </section>
  );
}
