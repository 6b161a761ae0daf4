import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/admin/charts/chart-figure";
import { CsvDownload } from "@/components/admin/charts/csv-download";
import { TableScroll } from "@/components/admin/table-scroll";
import type { SkillTable } from "@/lib/research/skill";

/** How many participants the chart shows, the most skilled first (the table has everyone). */
const CHARTED = 20;

/**
 * Prompt-writing skill (RESEARCH.md): each participant's mean percentile rank within their days,
 * its bootstrap interval, and the split-half reliability of the measure. The table sorts by skill
 * or by days counted (a link, so it works without script) and downloads as CSV.
 */
export async function SkillSection({ skill, sort, lang }: { skill: SkillTable; sort: "skill" | "days"; lang?: string }) {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const pct = (x: number | null | undefined) => (x == null ? "—" : format.number(x, { style: "percent", maximumFractionDigits: 1 }));
  const sortHref = (by: string) => `/admin/analyses?sort=${by}${lang ? `&lang=${lang}` : ""}#skill-title`;
  const { splitHalf } = skill;
  return (
    <section className="section" aria-labelledby="skill-title">
      <h2 id="skill-title">{t("analyses.skill.title")}</h2>
      <p className="hint">{t("analyses.skill.definition")}</p>
      <p data-testid="skill-summary">
        {t("analyses.skill.summary", {
          days: skill.days,
          leftOut: skill.daysLeftOut,
          participants: skill.rows.length,
          resamples: skill.resamples,
          seed: String(skill.seed),
        })}{" "}
        {splitHalf.reliability === null
          ? t("analyses.skill.noReliability", { participants: splitHalf.participants })
          : t("analyses.skill.reliability", {
              reliability: format.number(splitHalf.reliability, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
              r: format.number(splitHalf.r ?? 0, { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
              participants: splitHalf.participants,
            })}
      </p>
      {skill.rows.length === 0 ? (
        <div className="empty">{t("analyses.skill.empty")}</div>
      ) : (
        <>
          <div className="chart-grid">
            <ChartFigure
              file="skill-top"
              title={t("analyses.skill.chartTitle", { count: Math.min(CHARTED, skill.rows.length) })}
              points={[...skill.rows]
                .sort((a, b) => b.skill - a.skill)
                .slice(0, CHARTED)
                .map((r) => ({ label: t("analyses.participant", { id: r.userId }), value: r.skill, low: r.ci?.low, high: r.ci?.high }))}
              xLabel={t("analyses.skill.participant")}
              yLabel={t("analyses.skill.skill")}
              domain={[0, 1]}
            />
          </div>
          <TableScroll label={t("analyses.skill.tableLabel")}>
            <table className="data-table" data-testid="skill-table">
              <thead>
                <tr>
                  <th scope="col">{t("analyses.skill.participant")}</th>
                  <th scope="col" aria-sort={sort === "days" ? "descending" : "none"}>
                    <Link href={sortHref("days")}>{t("analyses.skill.days")}</Link>
                  </th>
                  <th scope="col">{t("analyses.skill.submissions")}</th>
                  <th scope="col" aria-sort={sort === "skill" ? "descending" : "none"}>
                    <Link href={sortHref("skill")}>{t("analyses.skill.skill")}</Link>
                  </th>
                  <th scope="col">{t("analyses.skill.interval")}</th>
                </tr>
              </thead>
              <tbody>
                {skill.rows.map((r) => (
                  <tr key={r.userId} data-user-id={r.userId}>
                    <td>{t("analyses.participant", { id: r.userId })}</td>
                    <td>{format.number(r.days)}</td>
                    <td>{format.number(r.submissions)}</td>
                    <td>{pct(r.skill)}</td>
                    <td>{r.ci ? t("analyses.range", { low: pct(r.ci.low), high: pct(r.ci.high) }) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <CsvDownload
            filename="skill.csv"
            header={["userId", "days", "submissions", "skill", "ciLow", "ciHigh", "seed", "resamples"]}
            rows={skill.rows.map((r) => [
              r.userId,
              r.days,
              r.submissions,
              r.skill,
              r.ci?.low ?? null,
              r.ci?.high ?? null,
              skill.seed,
              skill.resamples,
            ])}
            label={t("chart.csv")}
          />
        </>
      )}
    </section>
  );
}
