"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { flagAction } from "@/lib/voting/actions";
import styles from "./vote.module.css";

/** "Report this image": a reason, sent once; moderators see the most-flagged first. */
export function FlagForm({ imageId }: { imageId: number }) {
  const t = useTranslations("vote");
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();

  if (result?.ok)
    return (
      <p className="hint" role="status">
        {result.text}
      </p>
    );
  if (!open) {
    return (
      <button type="button" className="button secondary small" onClick={() => setOpen(true)}>
        {t("flag.open")}
      </button>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const res = await flagAction({ imageId, reason });
          setResult(res.ok ? { ok: true, text: t("flag.thanks") } : { ok: false, text: res.message });
        });
      }}
      className={styles.flagForm}
    >
      <label htmlFor={`${id}-reason`}>{t("flag.reason")}</label>
      <input
        id={`${id}-reason`}
        dir="auto"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        minLength={3}
        maxLength={500}
        required
        className={styles.flagReason}
      />
      <div className={styles.flagButtons}>
        <button type="submit" className="button small" disabled={pending}>
          {pending ? t("flag.sending") : t("flag.send")}
        </button>
        <button type="button" className="button small secondary" onClick={() => setOpen(false)}>
          {t("flag.cancel")}
        </button>
      </div>
      {result && !result.ok && (
        <p className="error-text" role="alert">
          {result.text}
        </p>
      )}
    </form>
  );
}
