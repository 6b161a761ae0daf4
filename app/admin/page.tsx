import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { LanguageSelect } from "@/components/admin/language-select";
import { LOCALES } from "@/i18n/locales";
import { ChartFigure } from "@/components/admin/charts/chart-figure";
import { EngineFailures } from "@/components/admin/engine-failures";
import { AgreementSection } from "@/components/admin/overview/agreement-section";
import { HistorySection } from "@/components/admin/overview/history-section";
import { TodaySection } from "@/components/admin/overview/today-section";
import { WorldsSection } from "@/components/admin/overview/worlds-section";
import { WordsSection } from "@/components/admin/overview/words-section";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { agreementForDay } from "@/lib/research/agreement";
import { netScores, perDaySeries, votesPerImage } from "@/lib/research/distributions";
import { topWords, wordsOverTime } from "@/lib/research/prompt-words";
import { getOverview, listDayHistory } from "@/lib/research/stats";
import { listEngineFailures } from "@/lib/imagegen/failures";
import { now } from "@/lib/server/clock";
import { worldsOverview } from "@/lib/worlds/overview";
import { getRunningStudy, worldOrFirst } from "@/lib/worlds/studies";
import { WorldSelect } from "@/components/admin/world-select";
import styles from "./admin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.overview") };
}

const querySchema = z.object({
  day: z.coerce.number().int().positive().optional().catch(undefined),
  // The interface language to study: charts then count only images made and votes cast in it.
  lang: z.enum(LOCALES).optional().catch(undefined),
  // Which of the running study's worlds "today" shows.
  world: z.coerce.number().int().positive().optional().catch(undefined),
});

/** How long a resolved engine failure stays on the overview. */
const RESOLVED_FAILURES_SHOWN_MS = 7 * 86_400_000;

export default async function AdminOverview({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const { day: chosen, lang, world: asked } = querySchema.parse(await searchParams);
  const study = await getRunningStudy();
  const world = worldOrFirst(study, asked);
  const [overview, history, series, words, engineFailures, worlds] = await Promise.all([
    getOverview(world.id),
    listDayHistory(60),
    perDaySeries(60, lang),
    topWords(15, lang),
    listEngineFailures(new Date(now().getTime() - RESOLVED_FAILURES_SHOWN_MS)),
    worldsOverview(),
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
  const trend = await wordsOverTime(
    words.all.words.slice(0, 6).map((w) => w.word),
    14,
    lang,
  );

  return (
    <>
      <h1>{t("overview.title")}</h1>
      <EngineFailures failures={engineFailures} />
      <WorldSelect worlds={study.worlds} value={world.id} keep={{ day: chosen, lang }} />
      <TodaySection overview={overview} />
      <WorldsSection overview={worlds} />

      <section className="section" aria-labelledby="charts-title">
        <h2 id="charts-title">{t("overview.charts.title")}</h2>
        <form className={`hint ${styles.filters}`}>
          {study.worlds.length > 1 && <input type="hidden" name="world" value={world.id} />}
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
          <ChartFigure
            file="votes-per-image"
            title={t("overview.charts.votesPerImage", { day: dayLabel })}
            points={perImage.map((b) => ({ label: String(b.value), value: b.count }))}
            xLabel={t("overview.charts.votesOnImage")}
            yLabel={t("overview.charts.images")}
          />
          <ChartFigure
            file="net-score-per-image"
            title={t("overview.charts.netPerImage", { day: dayLabel })}
            points={net.map((b) => ({ label: String(b.value), value: b.count }))}
            xLabel={t("overview.charts.upMinusDown")}
            yLabel={t("overview.charts.images")}
            color="#e07a5f"
          />
          <ChartFigure
            file="votes-per-day"
            title={t("overview.charts.votesPerDay")}
            points={series.map((d) => ({ label: d.date.slice(5), value: d.votes }))}
            xLabel={t("overview.charts.day")}
            yLabel={t("overview.charts.votes")}
          />
          <ChartFigure
            file="submissions-per-day"
            title={t("overview.charts.submissionsPerDay")}
            points={series.map((d) => ({ label: d.date.slice(5), value: d.submissions }))}
            xLabel={t("overview.charts.day")}
            yLabel={t("overview.charts.submissions")}
            color="#3d5a80"
          />
        </div>
      </section>

      <AgreementSection agreement={agreement} dayLabel={dayLabel} />

      <WordsSection words={words} trend={trend} />

      <HistorySection history={history} />
    </>
  );
}
