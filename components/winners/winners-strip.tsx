import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/i18n/format-day";

type StripItem = {
  dateKey: string;
  totalVotes: number;
  image: { id: number; prompt: string; width: number; height: number; thumbUrl: string };
};

/** Past daily winners, newest first; the landing page and /winners share the data (lib/days/days). */
export async function WinnersStrip({ winners }: { winners: StripItem[] }) {
  const t = await getTranslations("pages");
  const locale = await getLocale();
  if (winners.length === 0) {
    return (
      <div className="empty" data-testid="winners-empty">
        {t("strip.empty")}
      </div>
    );
  }
  return (
    <ul className="strip" aria-label={t("strip.label")} role="list">
      {winners.map((w) => (
        <li key={w.dateKey}>
          <a href={`/images/${w.image.id}`}>
            <div className="figure">
              <div className="frame" style={{ aspectRatio: `${w.image.width} / ${w.image.height}` }}>
                {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized files straight from storage; the optimizer would re-encode them */}
                <img src={w.image.thumbUrl} alt={w.image.prompt} loading="lazy" decoding="async" />
              </div>
            </div>
            <strong>
              <time dateTime={w.dateKey}>{formatDay(w.dateKey, locale)}</time>
            </strong>
            <span className="muted"> · {t("strip.votes", { count: w.totalVotes })}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
