import { TableScroll } from "@/components/admin/table-scroll";
import { getFormatter, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/admin/charts/chart-figure";
import type { Changes, Influence, UpShare } from "@/lib/research/influence";

const point = (label: string, s: UpShare) => ({ label, value: s.share, low: s.ci?.low, high: s.ci?.high });

/**
 * Influence on votes (RESEARCH.md): the up-vote share of first votes by display position and by
 * whether the tallies were visible, with Wilson 95 % intervals, and how often voters changed a vote
 * after seeing the tallies, towards or away from the majority they saw.
 */
export async function InfluenceSection({ influence }: { influence: Influence }) {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const pct = (x: number | null | undefined) => (x == null ? "—" : format.number(x, { style: "percent", maximumFractionDigits: 1 }));
  const changeRow = (label: string, c: Changes) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td>{format.number(c.firstVotes)}</td>
      <td>
        {format.number(c.changed)} ({pct(c.share)}
        {c.ci ? `; ${t("analyses.range", { low: pct(c.ci.low), high: pct(c.ci.high) })}` : ""})
      </td>
      <td>{format.number(c.switched)}</td>
      <td>{format.number(c.retracted)}</td>
      <td>{format.number(c.relativeToSeen.towards)}</td>
      <td>{format.number(c.relativeToSeen.away)}</td>
      <td>{format.number(c.relativeToSeen.noMajority + c.relativeToSeen.unknown)}</td>
    </tr>
  );
  return (
    <section className="section" aria-labelledby="influence-title">
      <h2 id="influence-title">{t("analyses.influence.title")}</h2>
      <p className="hint">{t("analyses.influence.definition")}</p>
      <p data-testid="influence-summary">
        {t("analyses.influence.summary", { firstVotes: influence.firstVotes, withoutHistory: influence.withoutHistory })}
      </p>
      {influence.firstVotes === 0 ? (
        <div className="empty">{t("analyses.influence.empty")}</div>
      ) : (
        <>
          <div className="chart-grid">
            <ChartFigure
              file="upvote-share-by-position"
              title={t("analyses.influence.byPosition")}
              points={influence.byPosition.map((b) => point(b.bin, b))}
              xLabel={t("analyses.influence.position")}
              yLabel={t("analyses.influence.upShare")}
              domain={[0, 1]}
            />
            <ChartFigure
              file="upvote-share-by-tallies"
              title={t("analyses.influence.byTallies")}
              points={[
                point(t("analyses.influence.visible"), influence.byTallies.visible),
                point(t("analyses.influence.hidden"), influence.byTallies.hidden),
              ]}
              xLabel={t("analyses.influence.tallies")}
              yLabel={t("analyses.influence.upShare")}
              domain={[0, 1]}
              color="#3d5a80"
            />
          </div>
          <TableScroll label={t("analyses.influence.changesCaption")}>
            <table className="data-table" data-testid="vote-changes">
              <caption className="hint">{t("analyses.influence.changesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analyses.influence.group")}</th>
                  <th scope="col">{t("analyses.influence.firstVotes")}</th>
                  <th scope="col">{t("analyses.influence.changed")}</th>
                  <th scope="col">{t("analyses.influence.switched")}</th>
                  <th scope="col">{t("analyses.influence.retracted")}</th>
                  <th scope="col">{t("analyses.influence.towards")}</th>
                  <th scope="col">{t("analyses.influence.away")}</th>
                  <th scope="col">{t("analyses.influence.undetermined")}</th>
                </tr>
              </thead>
              <tbody>
                {changeRow(t("analyses.influence.allVotes"), influence.changes.all)}
                {changeRow(t("analyses.influence.visibleAtFirst"), influence.changes.talliesVisibleAtFirstVote)}
                {changeRow(t("analyses.influence.hiddenAtFirst"), influence.changes.talliesHiddenAtFirstVote)}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
