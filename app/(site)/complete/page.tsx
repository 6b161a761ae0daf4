import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/auth";
import { getCompletionStatus } from "@/lib/study/completion";
import { getSettings } from "@/lib/settings/settings";
import styles from "./page.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t("meta.complete") };
}

/** For crowd platforms: once the study's tasks are done, the participant's completion code. */
export default async function CompletePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/complete");
  const [status, settings] = await Promise.all([getCompletionStatus(user.id), getSettings()]);
  const t = await getTranslations("pages");

  if (!status.done) {
    return (
      <section className="card narrow" aria-labelledby="complete-title">
        <h1 id="complete-title">{t("complete.almostTitle")}</h1>
        <p>{t("complete.toFinish")}</p>
        <ul>
          <li>
            {t("complete.submitTask", { count: status.required.submissions, done: status.submissions })}{" "}
            <Link href="/create">{t("complete.openEditor")}</Link>
          </li>
          <li>
            {t("complete.voteTask", { count: status.required.votes, done: status.votes })} <Link href="/vote">{t("complete.vote")}</Link>
          </li>
        </ul>
        <p className="muted">{t("complete.comeBack")}</p>
      </section>
    );
  }
  const returnUrl = settings.prolificCompletionUrl
    ? `${settings.prolificCompletionUrl}${settings.prolificCompletionUrl.includes("?") ? "&" : "?"}cc=${status.code}`
    : null;
  return (
    <section className="card narrow" aria-labelledby="complete-title">
      <h1 id="complete-title">{t("complete.thanksTitle")}</h1>
      <p>{t("complete.done")}</p>
      <p className={styles.code} data-testid="completion-code">
        {status.code}
      </p>
      {returnUrl && (
        <a className="button" href={returnUrl}>
          {t("complete.returnToProlific")}
        </a>
      )}
    </section>
  );
}
