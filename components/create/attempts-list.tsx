"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { submitAction, withdrawAction } from "@/lib/creating/actions";
import { announceProgress } from "@/lib/study/progress-event";
import { EarnedBadges } from "@/components/play/badge-names";
import type { Attempt } from "@/lib/creating/attempts";
import type { BadgeId } from "@/lib/rewards/types";
import { SubmitConfirm } from "./submit-confirm";
import styles from "./create.module.css";

export function AttemptsList({
  attempts,
  submissionsLeft,
  onChanged,
}: {
  attempts: Attempt[];
  submissionsLeft: number;
  /** An attempt's new state after a submission or a withdrawal. */
  onChanged: (id: number, change: Pick<Attempt, "submitted" | "withdrawable">) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<number>();
  const [error, setError] = useState<string>();
  const [earned, setEarned] = useState<{ id: BadgeId }[]>([]);
  // The attempt whose submission waits for the participant's confirmation.
  const [confirming, setConfirming] = useState<Attempt | null>(null);
  const t = useTranslations("create");
  const format = useFormatter();

  if (attempts.length === 0) {
    return <div className="empty">{t("attempts.empty")}</div>;
  }

  function submit(id: number) {
    setBusyId(id);
    setError(undefined);
    startTransition(async () => {
      const res = await submitAction({ imageId: id });
      if (res.ok) {
        setEarned(res.data.earned);
        onChanged(id, { submitted: true, withdrawable: true });
        announceProgress();
      } else setError(res.message);
      setBusyId(undefined);
    });
  }

  function withdraw(id: number) {
    setBusyId(id);
    setError(undefined);
    startTransition(async () => {
      const res = await withdrawAction({ imageId: id });
      if (res.ok) {
        onChanged(id, { submitted: false, withdrawable: false });
        announceProgress();
      } else {
        // Most likely a vote arrived meanwhile: the button goes, the reason stays on screen.
        if (res.code === "WITHDRAW_AFTER_VOTE") onChanged(id, { submitted: true, withdrawable: false });
        setError(res.message);
      }
      setBusyId(undefined);
    });
  }

  return (
    <>
      <div aria-live="polite">
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
      </div>
      <EarnedBadges badges={earned} />
      <ul className={styles.attemptGrid} role="list">
        {attempts.map((a, i) => (
          <li key={a.id} className="card compact" data-testid="attempt">
            <a
              href={a.url}
              target="_blank"
              rel="noreferrer"
              className={styles.attemptImage}
              style={{ aspectRatio: `${a.width} / ${a.height}` }}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized files straight from storage; the optimizer would re-encode them */}
              <img
                src={a.thumbUrl}
                alt={t("attempts.alt", { number: format.number(attempts.length - i), prompt: a.prompt })}
                loading={i < 2 ? "eager" : "lazy"}
              />
            </a>
            <p className={styles.attemptPrompt} dir="auto">
              {a.prompt}
            </p>
            <p className={`hint ${styles.attemptMeta}`}>
              {a.maskCoverage !== null && (
                <>
                  {t("attempts.masked", {
                    percent: format.number(a.maskCoverage, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                  })}
                  {" · "}
                </>
              )}
              {a.provider === "offline" ? t("attempts.offlineEngine") : a.model}
            </p>
            {a.submitted ? (
              <>
                <p className={styles.submitted}>{t("attempts.submitted")}</p>
                {a.withdrawable && (
                  <>
                    <button type="button" className="button secondary small" disabled={pending} onClick={() => withdraw(a.id)}>
                      {busyId === a.id ? t("attempts.withdrawing") : t("attempts.withdraw")}
                    </button>
                    <p className="hint">{t("attempts.withdrawHint")}</p>
                  </>
                )}
              </>
            ) : (
              <button
                type="button"
                className="button secondary small"
                disabled={pending || submissionsLeft <= 0 || a.hidden}
                onClick={() => setConfirming(a)}
              >
                {busyId === a.id ? t("attempts.submitting") : t("attempts.submit")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {submissionsLeft <= 0 && <p className="hint">{t("attempts.submissionsUsed")}</p>}
      {confirming && (
        <SubmitConfirm
          attempt={confirming}
          submissionsLeft={submissionsLeft}
          onConfirm={() => {
            setConfirming(null);
            submit(confirming.id);
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
    </>
  );
}
