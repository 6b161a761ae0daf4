import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ImageCard } from "@/components/ui/image-card";
import { TimelapsePlayer } from "@/components/winners/timelapse-player";
import { dateFromKey } from "@/lib/server/clock";
import { listTimelapseFrames, listWinners } from "@/lib/days/days";
import { withThumbUrls } from "@/lib/images/card-urls";
import { getSettings } from "@/lib/settings/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t("meta.winners") };
}

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

export default async function WinnersPage() {
  const [winners, frames, settings] = await Promise.all([listWinners(365), listTimelapseFrames(365), getSettings()]);
  const [images, frameImages] = await Promise.all([withThumbUrls(winners.map((w) => w.image)), withThumbUrls(frames.map((f) => f.image))]);
  const t = await getTranslations("pages");
  const format = await getFormatter();
  /** A day key (YYYY-MM-DD, midnight UTC) as a date in the reader's language. */
  const day = (key: string) => format.dateTime(dateFromKey(key), { dateStyle: "medium", timeZone: "UTC" });
  /** A frame's label is a winner's day key, or "First seed (<day key>)" for the very first picture. */
  const frameLabel = (label: string) => {
    if (DAY_KEY.test(label)) return day(label);
    const firstSeed = /\((\d{4}-\d{2}-\d{2})\)$/.exec(label)?.[1];
    return firstSeed ? t("timelapse.firstSeed", { date: day(firstSeed) }) : label;
  };

  return (
    <>
      <h1>{t("winners.title")}</h1>
      <p className="muted">{t("winners.intro")}</p>
      {winners.length === 0 ? (
        <div className="empty" data-testid="winners-empty">
          <p>{t("winners.empty")}</p>
          <Link className="button" href="/vote">
            {t("winners.voteCta")}
          </Link>
        </div>
      ) : (
        <>
          <section className="section" aria-labelledby="timelapse-title" style={{ marginTop: 16 }}>
            <h2 id="timelapse-title">{t("winners.timelapseTitle")}</h2>
            <TimelapsePlayer frames={frameImages.map((i, n) => ({ url: i.thumbUrl, width: i.width, height: i.height, label: frameLabel(frames[n]!.label) }))} />
          </section>
          <ul className="card-grid section" aria-label={t("winners.listLabel")}>
            {winners.map((w, i) => (
              <li key={w.dateKey} data-testid="winner">
                <ImageCard image={images[i]!}>
                  <strong>
                    <time dateTime={w.dateKey}>{day(w.dateKey)}</time>
                  </strong>
                  <p className="clamp-2" dir="auto" style={{ margin: "2px 0" }}>
                    {w.image.prompt}
                  </p>
                  <span className="hint">
                    {t("tally", { up: w.image.upvotes, down: w.image.downvotes })}
                    {!settings.hideAuthors && w.image.creatorName && (
                      <>
                        {" · "}
                        {t.rich("byAuthor", { name: w.image.creatorName, bdi: (chunks) => <bdi>{chunks}</bdi> })}
                      </>
                    )}
                  </span>
                </ImageCard>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
