"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { finishStudyAction } from "@/lib/study/actions";
import type { FinishRoute } from "@/lib/study/finish";
import { announceProgress } from "@/lib/study/progress-event";
import styles from "./study.module.css";

type Issued = { code: string; completedAt: string };

/**
 * The end of the study: a button that issues the completion code (lib/study/actions.ts) and goes
 * straight on, posting an MTurk worker's assignment to MTurk's externalSubmit, or opening the
 * Prolific return link; once issued, the code, when, and the same way on again.
 */
export function FinishStudy(props: { issued: Issued | null; route: FinishRoute }) {
  const t = useTranslations("pages");
  const locale = useLocale();
  const [state, setState] = useState({ issued: props.issued, route: props.route });
  const [error, setError] = useState<string>();
  const [go, setGo] = useState(false);
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);

  // Just issued: on to the platform at once, as the participant asked by pressing Finish.
  useEffect(() => {
    if (!go) return;
    if (state.route?.kind === "mturk") form.current?.requestSubmit();
    else if (state.route?.kind === "prolific") window.location.assign(state.route.url);
  }, [go, state.route]);

  function finish() {
    setError(undefined);
    startTransition(async () => {
      const res = await finishStudyAction({});
      if (!res.ok) {
        setError(res.message);
        return;
      }
      setState({ issued: { code: res.data.code, completedAt: res.data.completedAt }, route: res.data.route });
      announceProgress();
      setGo(true);
    });
  }

  const { issued, route } = state;
  if (!issued)
    return (
      <>
        <p>{t("complete.ready")}</p>
        <button type="button" className="button" onClick={finish} disabled={pending} data-testid="finish-study">
          {pending ? t("complete.finishing") : t("complete.finish")}
        </button>
        <div aria-live="polite">
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
        </div>
      </>
    );

  const at = new Date(issued.completedAt);
  return (
    <>
      <p>{t("complete.done")}</p>
      <p className={styles.code} data-testid="completion-code">
        {issued.code}
      </p>
      <p className="muted">
        {/* The reader's own zone: the server's rendering may differ, and the browser's is right. */}
        <time dateTime={issued.completedAt} suppressHydrationWarning>
          {t("complete.issuedAt", { at: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(at) })}
        </time>
      </p>
      {route?.kind === "mturk" && (
        // MTurk's ExternalQuestion form: posted to <turkSubmitTo>/mturk/externalSubmit with the
        // assignment; every other field is kept by MTurk as the worker's answer.
        <form ref={form} method="post" action={route.action} data-testid="mturk-submit">
          <input type="hidden" name="assignmentId" value={route.assignmentId} />
          <input type="hidden" name="completionCode" value={issued.code} />
          <button type="submit" className="button">
            {t("complete.submitToMturk")}
          </button>
        </form>
      )}
      {route?.kind === "prolific" && (
        <a className="button" href={route.url} data-testid="prolific-return">
          {t("complete.returnToProlific")}
        </a>
      )}
    </>
  );
}
