import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FinishStudy } from "@/components/study/finish-study";
import { getCurrentUser } from "@/lib/auth/auth";
import { getCompletionStatus } from "@/lib/study/completion";
import { finishRoute } from "@/lib/study/finish";
import { getSettings } from "@/lib/settings/settings";
import styles from "@/components/study/study.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t("meta.complete") };
}

/**
 * For crowd platforms: what is left of the study's tasks, then the button that issues the
 * completion code and, for MTurk, posts the assignment, or, for Prolific, returns there.
 */
export default async function CompletePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/complete");
  const [status, settings, t] = await Promise.all([getCompletionStatus(user.id), getSettings(), getTranslations("pages")]);

  if (!status.completion && !status.met) {
    const capped = status.votesNeeded < status.required.votes;
    return (
      <section className="card narrow" aria-labelledby="complete-title">
        <h1 id="complete-title">{t("complete.almostTitle")}</h1>
        {status.banned ? (
          <p>{t("complete.banned")}</p>
        ) : (
          <>
            <p>{t("complete.toFinish")}</p>
            <ul className={styles.tasks}>
              <li>
                {t("complete.submitTask", { count: status.required.submissions, done: status.submissions })}{" "}
                <Link href="/create">{t("complete.openEditor")}</Link>
              </li>
              <li>
                {t("complete.voteTask", { count: status.votesNeeded, done: status.votes })} <Link href="/vote">{t("complete.vote")}</Link>
              </li>
            </ul>
            {capped && <p className="hint">{t("complete.capped", { count: status.votable, required: status.required.votes })}</p>}
            <p className="muted">{t("complete.comeBack")}</p>
          </>
        )}
      </section>
    );
  }
  const issued = status.completion && { code: status.completion.code, completedAt: status.completion.completedAt.toISOString() };
  // Before the code is issued the page holds neither it nor a URL made with it: the finish
  // button learns both from the action that issues it.
  const route = issued ? await finishRoute(user.id, issued.code, settings.prolificCompletionUrl) : null;
  return (
    <section className="card narrow" aria-labelledby="complete-title">
      <h1 id="complete-title">{issued ? t("complete.thanksTitle") : t("complete.readyTitle")}</h1>
      <FinishStudy issued={issued} route={route} />
    </section>
  );
}
