import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { getCompletionStatus } from "@/lib/completion";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Completion code" };

/** For crowd platforms: once the study's tasks are done, the participant's completion code. */
export default async function CompletePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/complete");
  const [status, settings] = await Promise.all([getCompletionStatus(user.id), getSettings()]);

  if (!status.done) {
    return (
      <section className="card" style={{ maxWidth: 560 }} aria-labelledby="complete-title">
        <h1 id="complete-title">Almost there</h1>
        <p>To finish the study:</p>
        <ul>
          <li>
            Submit {status.required.submissions} image{status.required.submissions === 1 ? "" : "s"} to a vote ({status.submissions} done).{" "}
            <Link href="/create">Open the editor</Link>
          </li>
          <li>
            Vote on {status.required.votes} images ({status.votes} done). <Link href="/vote">Vote</Link>
          </li>
        </ul>
        <p className="muted">Come back to this page when both are done to get your completion code.</p>
      </section>
    );
  }
  const returnUrl = settings.prolificCompletionUrl ? `${settings.prolificCompletionUrl}${settings.prolificCompletionUrl.includes("?") ? "&" : "?"}cc=${status.code}` : null;
  return (
    <section className="card" style={{ maxWidth: 560 }} aria-labelledby="complete-title">
      <h1 id="complete-title">Thank you!</h1>
      <p>You have completed the study. Your completion code is:</p>
      <p style={{ fontSize: "2rem", fontWeight: 800, letterSpacing: "0.12em" }} data-testid="completion-code">
        {status.code}
      </p>
      {returnUrl && (
        <a className="button" href={returnUrl}>
          Return to Prolific
        </a>
      )}
    </section>
  );
}
