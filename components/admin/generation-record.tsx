import { getTranslations } from "next-intl/server";
import { ReplayButton } from "@/components/admin/replay-button";
import { replayImageAction } from "@/lib/admin/actions";
import { getGenerationRecord } from "@/lib/creating/replay";
import styles from "./admin.module.css";

/**
 * For admins on a picture's page: what determined it, as its engine reported it, and a replay on
 * the configured engine that says whether the result is the same picture.
 */
export async function GenerationRecord({ imageId }: { imageId: number }) {
  const record = await getGenerationRecord(imageId);
  if (!record || !record.replayable) return null;
  const t = await getTranslations("admin");
  return (
    <section className="section" aria-labelledby="generation-record-title" data-testid="generation-record">
      <h2 id="generation-record-title">{t("replay.title")}</h2>
      <p className="hint">{t("replay.intro")}</p>
      {record.params ? (
        <dl className={styles.record}>
          {Object.entries(record.params).map(([key, value]) => (
            <div key={key}>
              <dt>
                <code>{key}</code>
              </dt>
              <dd dir="auto">{String(value ?? "—")}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t("replay.notRecorded")}</p>
      )}
      <ReplayButton imageId={imageId} action={replayImageAction} />
    </section>
  );
}
