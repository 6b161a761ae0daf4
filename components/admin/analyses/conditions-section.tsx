import { getFormatter, getTranslations } from "next-intl/server";
import { TableScroll } from "@/components/admin/table-scroll";
import { conditionNames } from "@/components/admin/condition-names";
import { measureText } from "@/components/admin/analyses/measure-text";
import { DAY_MEASURES, type WorldsCompared } from "@/lib/research/worlds-compared";

/**
 * The running study's conditions compared (RESEARCH.md, "Inequality and worlds"): each
 * condition's days pooled over its worlds, and its difference from the reference condition with a
 * 95 % bootstrap interval, measure by measure.
 */
export async function ConditionsComparedSection({ compared }: { compared: WorldsCompared }) {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const names = await conditionNames();
  const { mean, difference, headings } = await measureText();
  return (
    <section className="section" aria-labelledby="conditions-compared-title">
      <h2 id="conditions-compared-title">{t("analyses.worlds.conditionsTitle")}</h2>
      <p className="hint">{t("analyses.worlds.conditionsDefinition")}</p>
      {compared.conditions.length === 0 ? (
        <p className="muted">{t("analyses.worlds.empty")}</p>
      ) : (
        <TableScroll labelledBy="conditions-compared-title">
          <table className="data-table" data-testid="conditions-compared">
            <thead>
              <tr>
                <th scope="col">{t("analyses.worlds.condition")}</th>
                <th scope="col">{t("analyses.worlds.worlds")}</th>
                <th scope="col">{t("analyses.worlds.days")}</th>
                {DAY_MEASURES.map((m) => (
                  <th key={m} scope="col">
                    {headings[m]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {compared.conditions.map((c) => (
                <tr key={c.label} data-condition={c.label}>
                  <th scope="row">
                    {names.full(c)}
                    {c.reference && <span className="muted"> ({t("analyses.worlds.reference")})</span>}
                  </th>
                  <td dir="auto">{c.worlds.join(", ")}</td>
                  <td>{format.number(c.participation.days)}</td>
                  {DAY_MEASURES.map((m) => (
                    <td key={m} data-measure={m}>
                      {mean(c[m])}
                      {difference(c.versusReference[m]) && (
                        <>
                          <br />
                          <span className="muted" data-testid="difference">
                            {difference(c.versusReference[m])}
                          </span>
                        </>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
