import "server-only";
import { db } from "@/lib/server/db";
import { now } from "@/lib/server/clock";
import { getEnv } from "@/lib/server/env";
import { detail, type ErrorDetail } from "@/lib/server/error-codes";
import { detailOfIssue } from "@/lib/validations/field-errors";
import { MTURK_ORIGINS } from "@/lib/validations/constants";
import { getRunningStudy } from "@/lib/worlds/studies";
import { readWorldLink } from "@/lib/worlds/world-link";
import { type CrowdArrival, crowdArrivalSchema } from "@/lib/validations/crowd";

/** MTurk's own submit origins, plus MTURK_SUBMIT_ORIGINS, which only a test's loopback stand-in sets. */
export function mturkSubmitOrigins(): string[] {
  return [...MTURK_ORIGINS, ...getEnv().MTURK_SUBMIT_ORIGINS];
}

/**
 * turkSubmitTo as the origin to post to, or a refusal. MTurk sends a bare origin, sometimes with a
 * trailing slash ("https://www.mturk.com/"); anything more (a path, a query, credentials, another
 * host) would let a crafted link send the worker's finished assignment elsewhere.
 */
export function mturkSubmitOrigin(raw: string): string | ErrorDetail {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return detail("MTURK_SUBMIT_HOST");
  }
  const bare = (url.pathname === "/" || url.pathname === "") && !url.search && !url.hash && !url.username && !url.password;
  return bare && mturkSubmitOrigins().includes(url.origin) ? url.origin : detail("MTURK_SUBMIT_HOST");
}

export type Arrival = CrowdArrival & { submitTo?: string; worldId?: number };

/**
 * A crowd sign-in's parameters, checked before anything is written: the shape (lib/validations/
 * crowd.ts), then turkSubmitTo's host. Blank values count as absent (a platform that leaves a
 * placeholder empty). Returns the arrival or what to tell the person.
 */
export async function parseArrival(
  raw: Record<string, unknown>,
): Promise<{ ok: true; arrival: Arrival } | { ok: false; detail: ErrorDetail }> {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = crowdArrivalSchema.safeParse(present);
  if (!parsed.success) return { ok: false, detail: detailOfIssue(parsed.error.issues[0]!) };
  const arrival: Arrival = parsed.data;
  if (arrival.turkSubmitTo !== undefined) {
    const origin = mturkSubmitOrigin(arrival.turkSubmitTo);
    if (typeof origin !== "string") return { ok: false, detail: origin };
    arrival.submitTo = origin;
  }
  if (arrival.worldLink !== undefined) {
    // Only a link this server signed, for a world of the study that runs now.
    const link = readWorldLink(arrival.worldLink);
    const study = await getRunningStudy();
    if (!link || link.studyId !== study.id || !study.worlds.some((w) => w.id === link.worldId))
      return { ok: false, detail: detail("WORLD_LINK") };
    arrival.worldId = link.worldId;
  }
  return { ok: true, arrival };
}

/**
 * Records where a crowd participant came from. Each arrival replaces the last one's platform ids
 * (a worker's next assignment is the one to post), never the completion, which is issued once.
 */
export async function recordArrival(userId: number, a: Arrival): Promise<void> {
  if (!a.platform) return;
  const visit = {
    platform: a.platform,
    studyId: a.studyId ?? null,
    sessionId: a.sessionId ?? null,
    hitId: a.hitId ?? null,
    assignmentId: a.assignmentId ?? null,
    submitTo: a.submitTo ?? null,
    arrivedAt: now(),
  };
  await db.participation.upsert({ where: { userId }, create: { userId, ...visit }, update: visit });
}
