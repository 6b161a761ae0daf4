import { getFormatter, getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/admin/table-scroll";
import { conditionNames } from "@/components/admin/condition-names";
import { ChartFigure } from "@/components/admin/charts/chart-figure";
import { measureText } from "@/components/admin/analyses/measure-text";
import { DAY_MEASURES, type WorldsCompared } from "@/lib/research/worlds-compared";

/**
 * The running study's worlds compared by condition (RESEARCH.md, "Inequality and worlds"): per
 * world, means over its days with 95 % bootstrap intervals, and the worlds' Gini side by side.
 */
export async function WorldsComparedSection({ compared }: { compared: WorldsCompared }) {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const { mean: cell, headings } = await measureText();
  const names = await conditionNames();
  return (
    <section className="section" aria-labelledby="worlds-compared-title">
      <h2 id="worlds-compared-title">{t("analyses.worlds.title")}</h2>
      <p className="hint">{t("analyses.worlds.definition", { resamples: compared.resamples, seed: String(compared.seed) })}</p>
      <TableScroll labelledBy="worlds-compared-title">
        <table className="data-table" data-testid="worlds-compared">
          <thead>
            <tr>
              <th scope="col">{t("analyses.worlds.world")}</th>
              <th scope="col">{t("analyses.worlds.conditions")}</th>
              <th scope="col">{t("analyses.worlds.days")}</th>
              {DAY_MEASURES.map((m) => (
                <th key={m} scope="col">
                  {headings[m]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {compared.worlds.map((w) => (
              <tr key={w.id} data-world-id={w.id}>
                <th scope="row" dir="auto">
                  {w.name}
                </th>
                <td>{names.modes(w)}</td>
                <td>{format.number(w.participation.days)}</td>
                {DAY_MEASURES.map((m) => (
                  <td key={m}>{cell(w[m])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="chart-grid">
        <ChartFigure
          file="gini-by-world"
          title={t("analyses.worlds.chartTitle")}
          points={compared.worlds.map((w) => ({ label: w.name, value: w.giniNet.mean, low: w.giniNet.ci?.low, high: w.giniNet.ci?.high }))}
          xLabel={t("analyses.worlds.world")}
          yLabel={t("analyses.inequality.giniNet")}
          domain={[0, 1]}
        />
      </div>
    </section>
  );
}
