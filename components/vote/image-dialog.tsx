"use client";

import { useTranslations } from "next-intl";
import { type CSSProperties, useEffect, useRef, useState } from "react";
import { personName } from "@/i18n/person-name";
import type { FeedItem } from "@/lib/voting/feed";
import { FlagForm } from "./flag-form";
import styles from "./vote.module.css";

/**
 * A submission shown large, with a before/after switch against the day's seed and an overlay
 * that dims everything outside the repainted region (the mask), so voters see what changed.
 */
export function ImageDialog({
  item,
  seed,
  onClose,
  canFlag,
}: {
  item: FeedItem;
  seed: { url: string };
  onClose: () => void;
  canFlag: boolean;
}) {
  const t = useTranslations("vote");
  const common = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const [view, setView] = useState<"after" | "before">("after");
  const [showMask, setShowMask] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={ref} className={styles.dialog} onClose={onClose} aria-labelledby="dialog-prompt">
      <div className={styles.dialogBody}>
        <div
          className={styles.stage}
          // The picture's own shape, so the stage is exactly the picture and the mask overlay on it lines up.
          style={{ aspectRatio: `${item.width} / ${item.height}`, "--ratio": item.width / item.height } as CSSProperties}
        >
          {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized files straight from storage; the optimizer would re-encode them */}
          <img src={view === "after" ? item.url : seed.url} alt={view === "after" ? item.prompt : t("dialog.seedAlt")} />
          {showMask && item.maskUrl && (
            <div
              className={styles.maskOverlay}
              style={{ WebkitMaskImage: `url(${item.maskUrl})`, maskImage: `url(${item.maskUrl})` }}
              data-testid="mask-overlay"
            />
          )}
        </div>
        <div className={styles.dialogControls} role="group" aria-label={t("dialog.compare")}>
          <button
            type="button"
            className="button secondary small"
            aria-pressed={view === "before"}
            onClick={() => setView(view === "after" ? "before" : "after")}
          >
            {view === "after" ? t("dialog.showBefore") : t("dialog.showAfter")}
          </button>
          {item.maskUrl && (
            <button type="button" className="button secondary small" aria-pressed={showMask} onClick={() => setShowMask(!showMask)}>
              {showMask ? t("dialog.hideMask") : t("dialog.showMask")}
            </button>
          )}
          <button type="button" className={`button small ${styles.close}`} onClick={() => ref.current?.close()}>
            {t("dialog.close")}
          </button>
        </div>
        <p id="dialog-prompt" className={styles.dialogPrompt} dir="auto">
          {item.prompt}
        </p>
        {item.author && (
          <p className="hint">{t.rich("byAuthor", { name: personName(common, item.author), bdi: (chunks) => <bdi>{chunks}</bdi> })}</p>
        )}
        {canFlag && !item.mine && <FlagForm imageId={item.id} />}
      </div>
    </dialog>
  );
}
