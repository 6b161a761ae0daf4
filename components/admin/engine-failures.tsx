import { getFormatter, getTranslations } from "next-intl/server";
import type { EngineFailureView } from "@/lib/imagegen/failures";
import styles from "./admin.module.css";

/**
 * The image engine's operator-facing failures (an empty account, a rejected key, a missing model):
 * participants are only told that generation is unavailable, so this is where the admin learns
 * what happened, how many attempts it cost and when. Ongoing failures are alerts; resolved ones
 * stay listed for a week as a hint.
 */
export async function EngineFailures({ failures }: { failures: EngineFailureView[] }) {
  if (failures.length === 0) return null;
  const t = await getTranslations("admin");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="engine-failures-title" data-testid="engine-failures">
      <h2 id="engine-failures-title">{t("overview.engine.title")}</h2>
      {failures.map((f) => (
        <div
          key={`${f.service}:${f.code}`}
          className={`${f.resolvedAt ? "hint" : "alert"} ${styles.engineFailure}`}
          role={f.resolvedAt ? undefined : "alert"}
        >
          <p>
            <strong>{t("overview.engine.what", { code: f.code })}</strong>{" "}
            {t("overview.engine.attempts", {
              service: f.service,
              code: f.code,
              count: f.count,
              first: when(f.firstAt),
              last: when(f.lastAt),
            })}{" "}
            {f.resolvedAt ? t("overview.engine.resolved", { time: when(f.resolvedAt) }) : t("overview.engine.ongoing")}
          </p>
          <p>
            <small>{t("overview.engine.detail", { detail: f.detail })}</small>
          </p>
        </div>
      ))}
    </section>
  );
}
