import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/i18n/format-day";
import { personName } from "@/i18n/person-name";
import { tallyValues } from "@/i18n/tally";
import { ImageCard } from "@/components/ui/image-card";
import { TimelapsePlayer } from "@/components/winners/timelapse-player";
import { listTimelapseFrames, listWinners } from "@/lib/days/days";
import { getCurrentUser } from "@/lib/auth/auth";
import { viewerWorldId } from "@/lib/worlds/assignment";
import { withThumbUrls } from "@/lib/images/card-urls";
import { getWorldSettings } from "@/lib/worlds/conditions";
import styles from "./page.module.css";
import { EmptyState } from "@/components/ui/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t("meta.winners") };
}

export default async function WinnersPage() {
  const worldId = await viewerWorldId(await getCurrentUser());
  const [winners, frames, settings] = await Promise.all([
    listWinners(worldId, 365),
    listTimelapseFrames(worldId, 365),
    getWorldSettings(worldId),
  ]);
  const [images, frameImages] = await Promise.all([withThumbUrls(winners.map((w) => w.image)), withThumbUrls(frames.map((f) => f.image))]);
  const t = await getTranslations("pages");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const day = (key: string) => formatDay(key, locale);
  /** A frame is a winner's day, or the bundled picture the very first day started from. */
  const frameLabel = (frame: { dateKey: string; firstSeed: boolean }) =>
    frame.firstSeed ? t("timelapse.firstSeed", { date: day(frame.dateKey) }) : day(frame.dateKey);

  return (
    <>
      <h1>{t("winners.title")}</h1>
      <p className="muted">{t("winners.intro")}</p>
      {winners.length === 0 ? (
        <EmptyState testId="winners-empty" message={t("winners.empty")} action={{ href: "/vote", label: t("winners.voteCta") }} />
      ) : (
        <>
          <section className={`section ${styles.timelapse}`} aria-labelledby="timelapse-title">
            <h2 id="timelapse-title">{t("winners.timelapseTitle")}</h2>
            <TimelapsePlayer
              frames={frameImages.map((i, n) => ({ url: i.thumbUrl, width: i.width, height: i.height, label: frameLabel(frames[n]!) }))}
            />
          </section>
          <ul className="card-grid section" aria-label={t("winners.listLabel")}>
            {winners.map((w, i) => (
              <li key={w.dateKey} data-testid="winner">
                <ImageCard image={images[i]!}>
                  <strong>
                    <time dateTime={w.dateKey}>{day(w.dateKey)}</time>
                  </strong>
                  <p className={`clamp-2 ${styles.prompt}`} dir="auto">
                    {w.image.prompt}
                  </p>
                  <span className="hint">
                    {t("tally", tallyValues(w.image.upvotes, w.image.downvotes))}
                    {!settings.hideAuthors && w.image.creator && (
                      <>
                        {" · "}
                        {t.rich("byAuthor", { name: personName(common, w.image.creator), bdi: (chunks) => <bdi>{chunks}</bdi> })}
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
