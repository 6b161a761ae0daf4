"use client";

import { useState, useTransition } from "react";
import { submitAction } from "@/app/(site)/create/actions";
import type { Attempt } from "@/lib/attempts";
import styles from "./create.module.css";

export function AttemptsList({
  attempts,
  submissionsLeft,
  onSubmitted,
}: {
  attempts: Attempt[];
  submissionsLeft: number;
  onSubmitted: (id: number) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<number>();
  const [error, setError] = useState<string>();

  if (attempts.length === 0) {
    return <div className="empty">No attempts yet. Draw a mask, write a prompt and press Generate.</div>;
  }

  function submit(id: number) {
    setBusyId(id);
    setError(undefined);
    startTransition(async () => {
      const res = await submitAction({ imageId: id });
      if (res.ok) onSubmitted(id);
      else setError(res.message);
      setBusyId(undefined);
    });
  }

  return (
    <>
      <div aria-live="polite">{error && <p className="alert" role="alert">{error}</p>}</div>
      <ul className={styles.attemptGrid} role="list">
        {attempts.map((a, i) => (
          <li key={a.id} className="card" style={{ padding: 12 }} data-testid="attempt">
            <a href={a.url} target="_blank" rel="noreferrer" className={styles.attemptImage} style={{ aspectRatio: `${a.width} / ${a.height}` }}>
              {/* eslint-disable-next-line @next/next/no-img-element -- storage URLs vary per request */}
              <img src={a.thumbUrl} alt={`Attempt ${attempts.length - i}: ${a.prompt}`} loading={i < 2 ? "eager" : "lazy"} />
            </a>
            <p className={styles.attemptPrompt} dir="auto">
              {a.prompt}
            </p>
            <p className="hint" style={{ margin: "0 0 8px" }}>
              {a.maskCoverage !== null && `${(a.maskCoverage * 100).toFixed(1)}% masked · `}
              {a.provider === "offline" ? "offline engine" : a.model}
            </p>
            {a.submitted ? (
              <p className={styles.submitted}>✓ Submitted to today&apos;s vote</p>
            ) : (
              <button
                type="button"
                className="button secondary small"
                disabled={pending || submissionsLeft <= 0 || a.hidden}
                onClick={() => submit(a.id)}
              >
                {busyId === a.id ? "Submitting…" : "Submit to vote"}
              </button>
            )}
          </li>
        ))}
      </ul>
      {submissionsLeft <= 0 && <p className="hint">You have used today&apos;s submissions; your other attempts are kept for the research record.</p>}
    </>
  );
}
