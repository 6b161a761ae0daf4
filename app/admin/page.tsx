import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { LanguageSelect } from "@/components/admin/language-select";
import { LOCALES } from "@/i18n/locales";
import { BarChart } from "@/components/admin/bar-chart";
import { EngineFailures } from "@/components/admin/engine-failures";
import { TableScroll } from "@/components/admin/table-scroll";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { agreementForDay } from "@/lib/research/agreement";
import { netScores, perDaySeries, votesPerImage } from "@/lib/research/distributions";
import { topWords, wordsOverTime } from "@/lib/research/prompt-words";
import { getOverview, listDayHistory } from "@/lib/research/stats";
import { listEngineFailures } from "@/lib/imagegen/failures";
import { now } from "@/lib/server/clock";
import styles from "./admin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.overview") };
}

const querySchema = z.object({
  day: z.coerce.number().int().positive().optional().catch(undefined),
  // The interface language to study: charts then count only images made and votes cast in it.
  lang: z.enum(LOCALES).optional().catch(undefined),
});

/** How long a resolved engine failure stays on the overview. */
const RESOLVED_FAILURES_SHOWN_MS = 7 * 86_400_000;

function duration(ms: number) {
  return { hours: Math.floor(ms / 3_600_000), minutes: Math.floor((ms % 3_600_000) / 60_000) };
}

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

export default async function AdminOverview({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const { day: chosen, lang } = querySchema.parse(await searchParams);
  const [overview, history, series, words, engineFailures] = await Promise.all([
    getOverview(),
    listDayHistory(60),
    perDaySeries(60, lang),
    topWords(15, lang),
    listEngineFailures(new Date(now().getTime() - RESOLVED_FAILURES_SHOWN_MS)),
  ]);
  const lastClosed = history.find((d) => d.status === "CLOSED");
  const dayId = chosen ?? lastClosed?.dayId ?? null;
  const [perImage, net, agreement] = await Promise.all([
    votesPerImage(dayId, lang),
    netScores(dayId, lang),
    dayId ? agreementForDay(dayId, lang).catch(() => null) : null,
  ]);
  const dayLabel = dayId
    ? (history.find((d) => d.dayId === dayId)?.date ?? t("overview.dayFallback", { id: dayId }))
    : t("overview.allDays");
  const shareBins = agreement ? binShares(agreement.shares) : [];
  const trend = await wordsOverTime(
    words.all.words.slice(0, 6).map((w) => w.word),
    14,
    lang,
  );

  return (
    <>
      <h1>{t("overview.title")}</h1>
      <EngineFailures failures={engineFailures} />
      {overview ? (
        <section aria-labelledby="today-title">
          <h2 id="today-title">
            {t("overview.today", { date: overview.date })} {overview.overdue && <span className="alert">{t("overview.overdue")}</span>}
          </h2>
          <div className="stat-grid" data-testid="today-stats">
            <div className="stat">
              {t.rich("overview.stats.submissions", { count: overview.submissions, hidden: overview.hidden, strong })}
            </div>
            <div className="stat">{t.rich("overview.stats.voters", { count: overview.distinctVoters, strong })}</div>
            <div className="stat">{t.rich("overview.stats.votes", { count: overview.votes, strong })}</div>
            <div className="stat">{t.rich("overview.stats.generations", { count: overview.generationsUsed, strong })}</div>
            <div className="stat">{t.rich("overview.stats.untilRollover", { ...duration(overview.msLeft), strong })}</div>
            <div className="stat">
              <strong>
                {overview.leaderImageId ? <Link href={`/images/${overview.leaderImageId}`}>#{overview.leaderImageId}</Link> : "—"}
              </strong>{" "}
              {t("overview.stats.leading")}
            </div>
          </div>
          <p className="hint">
            {t.rich("overview.seed", {
              id: overview.seedImageId,
              link: (chunks) => <Link href={`/images/${overview.seedImageId}`}>{chunks}</Link>,
            })}
          </p>
        </section>
      ) : (
        <div className="empty">{t("overview.noOpenDay")}</div>
      )}

      <section className="section" aria-labelledby="charts-title">
        <h2 id="charts-title">{t("overview.charts.title")}</h2>
        <form className={`hint ${styles.filters}`}>
          <label>
            {t("overview.charts.dayPicker")}{" "}
            <select name="day" defaultValue={dayId ?? ""}>
              {history.map((d) => (
                <option key={d.dayId} value={d.dayId}>
                  {d.date} {d.status === "OPEN" ? t("overview.charts.openDay") : ""}
                </option>
              ))}
            </select>
          </label>{" "}
          <LanguageSelect label={t("overview.charts.languagePicker")} value={lang} testId="chart-language" />{" "}
          <button className="button small secondary" type="submit">
            {t("overview.charts.show")}
          </button>{" "}
          <Link href="/admin?day=">{t("overview.allDays")}</Link>
        </form>
        <div className="chart-grid">
          <BarChart
            title={t("overview.charts.votesPerImage", { day: dayLabel })}
            bars={perImage.map((b) => ({ label: String(b.value), value: b.count }))}
            xLabel={t("overview.charts.votesOnImage")}
            yLabel={t("overview.charts.images")}
          />
          <BarChart
            title={t("overview.charts.netPerImage", { day: dayLabel })}
            bars={net.map((b) => ({ label: String(b.value), value: b.count }))}
            xLabel={t("overview.charts.upMinusDown")}
            yLabel={t("overview.charts.images")}
            color="#e07a5f"
          />
          <BarChart
            title={t("overview.charts.votesPerDay")}
            bars={series.map((d) => ({ label: d.date.slice(5), value: d.votes }))}
            xLabel={t("overview.charts.day")}
            yLabel={t("overview.charts.votes")}
          />
          <BarChart
            title={t("overview.charts.submissionsPerDay")}
            bars={series.map((d) => ({ label: d.date.slice(5), value: d.submissions }))}
            xLabel={t("overview.charts.day")}
            yLabel={t("overview.charts.submissions")}
            color="#3d5a80"
          />
        </div>
      </section>

      <section className="section" aria-labelledby="agreement-title">
        <h2 id="agreement-title">{t("overview.agreement.title", { day: dayLabel })}</h2>
        {agreement && agreement.voters > 0 ? (
          <>
            <p>
              {t.rich("overview.agreement.summary", {
                voters: agreement.voters,
                share:
                  agreement.meanShare === null ? "—" : format.number(agreement.meanShare, { style: "percent", maximumFractionDigits: 0 }),
                tau:
                  agreement.meanTau === null
                    ? "—"
                    : format.number(agreement.meanTau, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                strong,
              })}{" "}
              {t("overview.agreement.favourite", {
                same: format.number(agreement.favourite.sameAsWinner),
                different: format.number(agreement.favourite.different),
                none: format.number(agreement.favourite.noUpvote),
              })}
            </p>
            <BarChart
              title={t("overview.agreement.chartTitle")}
              bars={shareBins}
              xLabel={t("overview.agreement.chartX")}
              yLabel={t("overview.agreement.chartY")}
              color="#1b7f4c"
            />
          </>
        ) : (
          <div className="empty">{t("overview.agreement.empty")}</div>
        )}
      </section>

      <section className="section" aria-labelledby="words-title">
        <h2 id="words-title">{t("overview.words.title")}</h2>
        <div className="chart-grid">
          <BarChart
            title={t("overview.words.allPrompts", { count: format.number(words.all.prompts) })}
            bars={words.all.words.map((w) => ({ label: w.word, value: w.prompts }))}
            xLabel={t("overview.words.word")}
            yLabel={t("overview.words.prompts")}
          />
          <BarChart
            title={t("overview.words.winningPrompts", { count: format.number(words.winners.prompts) })}
            bars={words.winners.words.map((w) => ({ label: w.word, value: w.prompts }))}
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

      <section className="section" aria-labelledby="history-title">
        <h2 id="history-title">{t("overview.history.title")}</h2>
        <TableScroll labelledBy="history-title">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("overview.columns.day")}</th>
                <th scope="col">{t("overview.columns.participants")}</th>
                <th scope="col">{t("overview.columns.submissions")}</th>
                <th scope="col">{t("overview.columns.votes")}</th>
                <th scope="col">{t("overview.columns.winner")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((d) => (
                <tr key={d.dayId}>
                  <td>
                    {d.date} {d.status === "OPEN" && <span className="eyebrow">{t("overview.history.open")}</span>}
                  </td>
                  <td>{d.participants}</td>
                  <td>{d.submissions}</td>
                  <td>{d.votes}</td>
                  <td>{d.winnerImageId ? <Link href={`/images/${d.winnerImageId}`}>#{d.winnerImageId}</Link> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}

/** Shares in [0, 1] as ten bins of 10 percentage points. */
function binShares(shares: number[]) {
  const bins = Array.from({ length: 10 }, (_, i) => ({ label: `${i * 10}–${i * 10 + 10}%`, value: 0 }));
  for (const s of shares) bins[Math.min(9, Math.floor(s * 10))]!.value++;
  return bins;
}
