import { getFormatter, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/admin/charts/chart-figure";
import { TableScroll } from "@/components/admin/table-scroll";
import type { WordTable, WordsOverTime } from "@/lib/research/prompt-words";

/** The words prompts use most, in all prompts and in winning ones, and the top words day by day. */
export async function WordsSection({ words, trend }: { words: { all: WordTable; winners: WordTable }; trend: WordsOverTime }) {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  return (
    <>
      <section className="section" aria-labelledby="words-title">
        <h2 id="words-title">{t("overview.words.title")}</h2>
        <div className="chart-grid">
          <ChartFigure
            file="words-all-prompts"
            title={t("overview.words.allPrompts", { count: format.number(words.all.prompts) })}
            points={words.all.words.map((w) => ({ label: w.word, value: w.prompts }))}
            xLabel={t("overview.words.word")}
            yLabel={t("overview.words.prompts")}
          />
          <ChartFigure
            file="words-winning-prompts"
            title={t("overview.words.winningPrompts", { count: format.number(words.winners.prompts) })}
            points={words.winners.words.map((w) => ({ label: w.word, value: w.prompts }))}
            xLabel={t("overview.words.word")}
            yLabel={t("overview.words.prompts")}
            color="#e07a5f"
          />
        </div>
        {trend.words.length > 0 && (
          <TableScroll label={t("overview.words.tableLabel")}>
            <table className="data-table" aria-label={t("overview.words.tableLabel")}>
              <thead>
                <tr>
                  <th scope="col">{t("overview.columns.day")}</th>
                  <th scope="col">{t("overview.columns.prompts")}</th>
                  {trend.words.map((w) => (
                    <th key={w} scope="col">
                      {w}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trend.days.map((d) => (
                  <tr key={d.date}>
                    <td>{d.date}</td>
                    <td>{d.prompts}</td>
                    {trend.words.map((w) => (
                      <td key={w}>{d.counts[w] ?? 0}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
