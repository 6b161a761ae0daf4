import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/admin/charts/chart-figure";
import type { DayAgreement } from "@/lib/research/agreement";
import { strong } from "./rich";

/** How far individual voters agreed with the crowd's final ranking of one day. */
export async function AgreementSection({ agreement, dayLabel }: { agreement: DayAgreement | null; dayLabel: string }) {
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const locale = await getLocale();
  const share = (x: number | null) => (x === null ? "—" : format.number(x, { style: "percent", maximumFractionDigits: 0 }));
  return (
    <>
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
            <p data-testid="agreement-events">
              {t("overview.agreement.events", {
                first: share(agreement.events.first.meanShare),
                firstVoters: agreement.events.first.voters,
                final: share(agreement.events.final.meanShare),
                finalVoters: agreement.events.final.voters,
              })}
            </p>
            <ChartFigure
              file="agreement-shares"
              title={t("overview.agreement.chartTitle")}
              points={binShares(agreement.shares, new Intl.NumberFormat(locale, { style: "percent" }))}
              xLabel={t("overview.agreement.chartX")}
              yLabel={t("overview.agreement.chartY")}
              color="#1b7f4c"
            />
          </>
        ) : (
          <div className="empty">{t("overview.agreement.empty")}</div>
        )}
      </section>
    </>
  );
}

/** Shares in [0, 1] as ten bins of 10 percentage points, labelled in the reader's number format. */
function binShares(shares: number[], percent: Intl.NumberFormat) {
  const bins = Array.from({ length: 10 }, (_, i) => ({ label: percent.formatRange(i / 10, (i + 1) / 10), value: 0 }));
  for (const s of shares) bins[Math.min(9, Math.floor(s * 10))]!.value++;
  return bins;
}
