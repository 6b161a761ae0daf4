"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ProgressView } from "@/lib/study/completion";
import { PROGRESS_EVENT } from "@/lib/study/progress-event";
import styles from "./study.module.css";

/**
 * The participant's progress towards finishing the study, under the header of every page, so a
 * crowd worker always sees what is left and how to finish. The server renders the first figures;
 * they are read again (GET /api/study/progress) when the page changes (the layout itself does not
 * re-render on client navigation) and when a vote, submission or withdrawal says they changed.
 */
export function StudyProgress({ initial }: { initial: ProgressView }) {
  const t = useTranslations("common");
  const pathname = usePathname();
  const [p, setP] = useState(initial);
  const first = useRef(true);

  const refresh = useCallback(async () => {
    const res = await fetch("/api/study/progress", { cache: "no-store" }).catch(() => null);
    if (!res?.ok) return; // the figures shown stay; the next page or vote tries again
    const body = (await res.json()) as { progress: ProgressView | null };
    if (body.progress) setP(body.progress);
  }, []);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const onChange = () => void refresh();
    window.addEventListener(PROGRESS_EVENT, onChange);
    return () => window.removeEventListener(PROGRESS_EVENT, onChange);
  }, [refresh]);

  const submissionsDone = p.submissions >= p.required.submissions;
  const votesDone = p.votes >= p.votesNeeded;
  const capped = p.votesNeeded < p.required.votes && !p.completed;
  // Done: the code; ready: the finish button; otherwise what is left.
  let finish = (
    <Link href="/complete" className={styles.end}>
      {t("progress.left")}
    </Link>
  );
  if (p.completed)
    finish = (
      <Link href="/complete" className={styles.end}>
        {t("progress.completed")}
      </Link>
    );
  else if (p.met)
    finish = (
      <Link href="/complete" className={`button small ${styles.end}`} data-testid="progress-finish">
        {t("progress.finish")}
      </Link>
    );
  return (
    <aside className={styles.progress} aria-label={t("progress.label")} data-testid="study-progress">
      <div className="container">
        <p className={styles.counts} aria-live="polite">
          <span className={styles.title}>{t("progress.title")}</span>
          {p.required.submissions > 0 && (
            <span className={submissionsDone ? styles.met : undefined} data-testid="progress-submissions">
              {t("progress.submissions", { done: Math.min(p.submissions, p.required.submissions), count: p.required.submissions })}
            </span>
          )}
          {p.required.votes > 0 && (
            <span className={votesDone ? styles.met : undefined} data-testid="progress-votes">
              {t("progress.votes", { done: Math.min(p.votes, p.votesNeeded), count: p.votesNeeded })}
            </span>
          )}
        </p>
        {capped && (
          <p className={styles.note} data-testid="progress-capped">
            {t("progress.capped", { count: p.votable, required: p.required.votes })}
          </p>
        )}
        {finish}
      </div>
    </aside>
  );
}
