import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/i18n/format-day";
import { conditionNames } from "@/components/admin/condition-names";
import { withThumbUrls } from "@/lib/images/card-urls";
import { parseConditionLabel } from "@/lib/worlds/conditions";
import type { WorldsOverview } from "@/lib/worlds/overview";
import styles from "./worlds-section.module.css";

/**
 * A study's worlds side by side (the overview's running study, or a past one on its page): who is in each, its open day's figures, and its
 * lineage as a strip from the first seed, so the worlds' divergence is visible at a glance.
 */
export async function WorldsSection({ overview, ended = false }: { overview: WorldsOverview; ended?: boolean }) {
  const t = await getTranslations("admin");
  const names = await conditionNames();
  const format = await getFormatter();
  const locale = await getLocale();
  const worlds = await Promise.all(
    overview.worlds.map(async (w) => {
      const thumbs = await withThumbUrls(w.strip.map((s) => s.image));
      return { ...w, strip: w.strip.map((s, i) => ({ ...s, image: thumbs[i]! })) };
    }),
  );
  return (
    <section className="section" aria-labelledby="worlds-title">
      <h2 id="worlds-title">{t("worlds.title", { study: overview.studyName })}</h2>
      <div className={styles.worlds}>
        {worlds.map((w) => (
          <article key={w.id} className="card compact" data-testid="world" data-world-id={w.id} aria-labelledby={`world-${w.id}`}>
            <h3 id={`world-${w.id}`}>{t("worlds.name", { position: w.position, name: w.name })}</h3>
            <p className="hint">
              {t("worlds.figures", {
                participants: format.number(w.participants),
                weight: format.number(w.weight),
              })}{" "}
              {w.today
                ? t("worlds.today", {
                    day: formatDay(w.today.dateKey, locale),
                    submissions: format.number(w.today.submissions),
                    votes: format.number(w.today.votes),
                  })
                : !ended && t("worlds.notStarted")}
            </p>
            {w.played.length > 0 && (
              <p className="hint" data-testid="world-played">
                {t("worlds.played", {
                  conditions: w.played
                    .flatMap((label) => {
                      const c = parseConditionLabel(label);
                      return c ? [names.full(c)] : [];
                    })
                    .join(" → "),
                })}
              </p>
            )}
            <ol className={styles.strip} aria-label={t("worlds.strip", { position: w.position })} data-testid="world-lineage">
              {w.strip.map((s) => (
                <li key={`${s.dateKey}-${s.image.id}`} data-image-id={s.image.id}>
                  <Link href={`/images/${s.image.id}`}>
                    {/* eslint-disable-next-line @next/next/no-img-element -- small thumbnails straight from storage */}
                    <img
                      src={s.image.thumbUrl}
                      alt={
                        s.firstSeed
                          ? t("worlds.firstSeed")
                          : t("worlds.winner", { day: formatDay(s.dateKey, locale), prompt: s.image.prompt })
                      }
                      width={96}
                      height={Math.round((96 * s.image.height) / s.image.width)}
                      loading="lazy"
                    />
                  </Link>
                </li>
              ))}
            </ol>
          </article>
        ))}
      </div>
    </section>
  );
}
