"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { Attempt } from "@/lib/creating/attempts";
import styles from "./create.module.css";

/**
 * The step before an attempt goes to the vote: the picture and prompt as voters will see them,
 * and what submitting spends. A modal dialog: focus starts on Cancel (the safe choice), Escape
 * and Cancel close it with nothing sent.
 */
export function SubmitConfirm({
  attempt,
  submissionsLeft,
  onConfirm,
  onCancel,
}: {
  attempt: Attempt;
  submissionsLeft: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useTranslations("create");
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    cancel.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={styles.confirm}
      onClose={onCancel}
      aria-labelledby="submit-confirm-title"
      aria-describedby="submit-confirm-what"
    >
      <h2 id="submit-confirm-title">{t("confirm.title")}</h2>
      {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized files straight from storage; the optimizer would re-encode them */}
      <img
        src={attempt.thumbUrl}
        alt={attempt.prompt}
        className={styles.confirmImage}
        style={{ aspectRatio: `${attempt.width} / ${attempt.height}` }}
      />
      <p dir="auto" className={styles.attemptPrompt}>
        {attempt.prompt}
      </p>
      <p id="submit-confirm-what" className="hint">
        {t("confirm.what", { left: submissionsLeft })}
      </p>
      <div className={styles.confirmActions}>
        <button type="button" className="button" onClick={onConfirm}>
          {t("confirm.yes")}
        </button>
        <button ref={cancel} type="button" className="button secondary" onClick={() => ref.current?.close()}>
          {t("confirm.cancel")}
        </button>
      </div>
    </dialog>
  );
}
