import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/i18n/format-day";
import { ImageCard } from "@/components/ui/image-card";
import { withThumbUrls } from "@/lib/images/card-urls";
import { listLineage } from "@/lib/days/lineage";
import { getCurrentUser } from "@/lib/auth/auth";
import { viewerWorldId } from "@/lib/worlds/assignment";
import styles from "./page.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t("meta.lineage") };
}

/**
 * The whole history as a tree: the chain of daily pictures, and for each day the submissions
 * that branched off it, the winner first. Newest day at the top; rows scroll sideways on a phone.
 */
export default async function LineagePage() {
  const t = await getTranslations("pages");
  const locale = await getLocale();
  const days = await listLineage(await viewerWorldId(await getCurrentUser()), 90);
  const rows = await Promise.all(
    days.map(async (d) => ({ ...d, seed: (await withThumbUrls([d.seed]))[0]!, submissions: await withThumbUrls(d.submissions) })),
  );
  return (
    <>
      <h1>{t("lineage.title")}</h1>
      <p className="muted">{t("lineage.intro")}</p>
      <ol className={styles.days}>
        {rows.map((d) => (
          <li key={d.dateKey} data-testid="lineage-day">
            <h2 className={styles.dayTitle}>
              {d.status === "OPEN" ? <Link href="/vote">{d.dateKey}</Link> : <Link href={`/days/${d.dateKey}`}>{d.dateKey}</Link>}{" "}
              {d.status === "OPEN" && <span className="eyebrow">· {t("lineage.today")}</span>}
            </h2>
            <ol className="row-scroll" aria-label={t("lineage.rowLabel", { date: formatDay(d.dateKey, locale) })}>
              <li>
                <ImageCard image={d.seed}>
                  <span className="hint">{t("lineage.seed")}</span>
                </ImageCard>
              </li>
              {d.submissions.length === 0 && (
                <li className={`muted ${styles.noSubmissions}`}>
                  {d.status === "OPEN" ? t("lineage.noSubmissionsOpen") : t("lineage.noSubmissionsClosed")}
                </li>
              )}
              {d.submissions.map((s) => (
                <li key={s.id}>
                  <ImageCard image={s} highlight={s.id === d.winnerId}>
                    <span className="clamp-2">
                      {s.id === d.winnerId ? t("lineage.winnerPrefix") : ""}
                      <bdi>{s.prompt}</bdi>
                    </span>
                  </ImageCard>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </>
  );
}
