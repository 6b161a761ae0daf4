import "server-only";
import { db } from "@/lib/server/db";
import { mturkSubmitOrigin } from "@/lib/study/arrival";

/**
 * Where a finished Prolific participant goes. Prolific's own completion URL already carries the
 * study's code (`…/submissions/complete?cc=XXXXXXX`), which is the code Prolific checks, so it is
 * used as it is: adding ours would replace it. A URL without a `cc` (the researchers check codes
 * themselves) gets the participant's own code as `cc`.
 */
export function prolificReturnUrl(configured: string, code: string): string {
  const url = new URL(configured);
  if (!url.searchParams.has("cc")) url.searchParams.set("cc", code);
  return url.toString();
}

/** MTurk's ExternalQuestion form target: `<turkSubmitTo>/mturk/externalSubmit`. */
export const mturkSubmitAction = (origin: string) => `${origin}/mturk/externalSubmit`;

/** How this participant finishes: posting their MTurk assignment, or returning to Prolific. */
export type FinishRoute = { kind: "mturk"; action: string; assignmentId: string } | { kind: "prolific"; url: string } | null;

/**
 * The finish route for a participant with an issued `code`. An MTurk worker's assignment is posted
 * to the origin their HIT named, checked again now (the allowed hosts may have changed since they
 * arrived); anyone else goes to the configured Prolific URL, when there is one.
 */
export async function finishRoute(userId: number, code: string, prolificUrl: string | null): Promise<FinishRoute> {
  const p = await db.participation.findUnique({ where: { userId }, select: { platform: true, assignmentId: true, submitTo: true } });
  if (p?.platform === "MTURK") {
    const origin = p.submitTo ? mturkSubmitOrigin(p.submitTo) : null;
    return typeof origin === "string" && p.assignmentId
      ? { kind: "mturk", action: mturkSubmitAction(origin), assignmentId: p.assignmentId }
      : null;
  }
  return prolificUrl ? { kind: "prolific", url: prolificReturnUrl(prolificUrl, code) } : null;
}
