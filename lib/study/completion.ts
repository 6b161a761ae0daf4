import "server-only";
import { createHmac } from "node:crypto";
import { now } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { detail } from "@/lib/server/error-codes";
import { ActionError } from "@/lib/server/errors";
import { completionCodeKey } from "@/lib/server/secrets";
import { worldOf } from "@/lib/worlds/assignment";
import { getWorldSettings } from "@/lib/worlds/conditions";
import { votableLeft } from "@/lib/study/votable";

/** Where a participant stands in the study. */
export type CompletionStatus = {
  /** Images submitted to a vote, on any day (hidden ones included: the task was done). */
  submissions: number;
  /** Votes cast, on any day (a cleared vote no longer counts). */
  votes: number;
  required: { submissions: number; votes: number };
  /**
   * The votes that are enough now: the requirement, or fewer when fewer images are open to this
   * participant (`votes` plus the images they can still vote on today): all available suffice.
   */
  votesNeeded: number;
  /** Today's images this participant can still vote on (their own left out unless self-voting is on). */
  votable: number;
  /** Whether the requirements are met now, so the code can be issued. */
  met: boolean;
  /** Banned accounts get no code, whatever they did: the researchers decide about them. */
  banned: boolean;
  /** The issued completion: null until the participant has earned it and asked for it. */
  completion: { code: string; completedAt: Date } | null;
};

// 32 symbols without 0/O and 1/I, which people misread when they copy a code by hand; 256 is a
// multiple of 32, so taking 5 bits of each byte keeps every symbol equally likely.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const COMPLETION_CODE_LENGTH = 10;

/**
 * A user's completion code: 10 characters from an HMAC of the user id (50 bits), keyed by a
 * server secret (lib/server/secrets.ts). Nobody can make a valid one for an id without the
 * secret, and a code pasted into a crowd platform can be checked against the users export, which
 * lists it for those it was issued to (issueCompletion).
 */
export function completionCode(userId: number): string {
  const mac = createHmac("sha256", completionCodeKey()).update(`user:${userId}`).digest();
  let code = "";
  for (let i = 0; i < COMPLETION_CODE_LENGTH; i++) code += ALPHABET[(mac[i] ?? 0) & 31];
  return code;
}

/**
 * What a participant has done towards the study (settings completionSubmissions and
 * completionVotes) and whether it is enough. Counted over all days, not just today's: a crowd
 * session that straddles the midnight rollover must not lose the work done before it.
 */
export async function getCompletionStatus(userId: number): Promise<CompletionStatus> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { bannedAt: true, participation: { select: { completedAt: true, completionCode: true } } },
  });
  if (!user) throw new ActionError("NOT_FOUND", { detail: "USER_NOT_FOUND" });
  // What they can still vote on is their world's, under its conditions (self-voting).
  const worldId = await worldOf(userId);
  const settings = await getWorldSettings(worldId);
  const [submissions, votes, votable] = await Promise.all([
    db.image.count({ where: { creatorId: userId, status: "SUBMITTED" } }),
    db.vote.count({ where: { userId } }),
    votableLeft(userId, worldId, settings),
  ]);
  const required = { submissions: settings.completionSubmissions, votes: settings.completionVotes };
  const votesNeeded = Math.min(required.votes, votes + votable);
  const banned = user.bannedAt !== null;
  const p = user.participation;
  return {
    submissions,
    votes,
    required,
    votesNeeded,
    votable,
    met: !banned && submissions >= required.submissions && votes >= votesNeeded,
    banned,
    completion: p?.completedAt && p.completionCode ? { code: p.completionCode, completedAt: p.completedAt } : null,
  };
}

/**
 * Issues the participant's completion code, once: only when the requirements are met now (checked
 * here, whatever the page showed), never twice. A replay (a second tab, a double click, a resent
 * request) is refused with ALREADY_COMPLETED and changes nothing; two at once are settled by the
 * row's primary key and the `completedAt IS NULL` condition, so exactly one issues.
 */
export async function issueCompletion(userId: number): Promise<{ code: string; completedAt: Date }> {
  const status = await getCompletionStatus(userId);
  if (status.completion) throw new ActionError("ALREADY_COMPLETED");
  if (status.banned) throw new ActionError("BANNED");
  if (!status.met)
    throw new ActionError(
      detail("STUDY_NOT_COMPLETE", {
        submissions: status.submissions,
        requiredSubmissions: status.required.submissions,
        votes: status.votes,
        requiredVotes: status.votesNeeded,
      }),
    );
  const issued = { code: completionCode(userId), completedAt: now() };
  const data = { completedAt: issued.completedAt, completionCode: issued.code };
  const { count } = await db.participation.updateMany({ where: { userId, completedAt: null }, data });
  if (count === 1) return issued;
  try {
    await db.participation.create({ data: { userId, ...data } });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ActionError("ALREADY_COMPLETED");
    throw err;
  }
  return issued;
}

/** What the progress panel shows: counts only, never the code (that is /complete's alone). */
export type ProgressView = Pick<CompletionStatus, "submissions" | "votes" | "required" | "votesNeeded" | "votable" | "met"> & {
  completed: boolean;
};

export function progressView(s: CompletionStatus): ProgressView {
  const { submissions, votes, required, votesNeeded, votable, met } = s;
  return { submissions, votes, required, votesNeeded, votable, met, completed: s.completion !== null };
}

/**
 * The panel's figures for a signed-in user, or null when there is nothing to show: an admin, a
 * banned account, or a study that asks for nothing.
 */
export async function progressFor(user: { id: number; role: string; bannedAt: Date | null }): Promise<ProgressView | null> {
  if (user.role === "ADMIN" || user.bannedAt) return null;
  const status = await getCompletionStatus(user.id);
  if (status.required.submissions === 0 && status.required.votes === 0) return null;
  return progressView(status);
}
