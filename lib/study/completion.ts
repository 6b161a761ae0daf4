import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { completionCodeKey } from "@/lib/server/secrets";
import { getSettings } from "@/lib/settings/settings";

/** Where a participant stands in the study, and their completion code once done. */
export type CompletionStatus = {
  done: boolean;
  /** Images submitted to a vote, on any day (hidden ones included: the task was done). */
  submissions: number;
  /** Votes cast, on any day (a cleared vote no longer counts). */
  votes: number;
  required: { submissions: number; votes: number };
  /** Shown only when done; null before. */
  code: string | null;
  /** Banned accounts get no code, whatever they did: the researchers decide about them. */
  banned: boolean;
};

// 32 symbols without 0/O and 1/I, which people misread when they copy a code by hand; 256 is a
// multiple of 32, so taking 5 bits of each byte keeps every symbol equally likely.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const COMPLETION_CODE_LENGTH = 10;

/**
 * A user's completion code: 10 characters from an HMAC of the user id (50 bits), keyed by a
 * server secret (lib/server/secrets.ts). The same user always gets the same code, so it can be shown
 * again and checked later (the users export lists it), and nobody can make a valid one for an
 * id without the secret.
 */
export function completionCode(userId: number): string {
  const mac = createHmac("sha256", completionCodeKey()).update(`user:${userId}`).digest();
  let code = "";
  for (let i = 0; i < COMPLETION_CODE_LENGTH; i++) code += ALPHABET[(mac[i] ?? 0) & 31];
  return code;
}

/**
 * Whether a participant has done what the study asks (settings completionSubmissions and
 * completionVotes) and, if so, their code. Counted over all days, not just today's: a crowd
 * session that straddles the midnight rollover must not lose the work done before it.
 */
export async function getCompletionStatus(userId: number): Promise<CompletionStatus> {
  const [user, submissions, votes, settings] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { bannedAt: true } }),
    db.image.count({ where: { creatorId: userId, status: "SUBMITTED" } }),
    db.vote.count({ where: { userId } }),
    getSettings(),
  ]);
  if (!user) throw new ActionError("NOT_FOUND", { detail: "USER_NOT_FOUND" });
  const required = { submissions: settings.completionSubmissions, votes: settings.completionVotes };
  const banned = user.bannedAt !== null;
  const done = !banned && submissions >= required.submissions && votes >= required.votes;
  return { done, submissions, votes, required, code: done ? completionCode(userId) : null, banned };
}
