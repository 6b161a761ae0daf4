import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { isUniqueViolation } from "@/lib/server/db-errors";
import { encodeDetail } from "@/lib/auth/sign-in-error";
import { detail, type ErrorDetail } from "@/lib/server/error-codes";
import { detailOfIssue } from "@/lib/validations/field-errors";
import { participantIdSchema } from "@/lib/validations/participant";

/**
 * A sign-in refused, with what to tell the person. next-auth passes a thrown message on to the
 * browser as its `error`, so the message is the detail as text (lib/auth/sign-in-error.ts).
 */
export class SignInRefused extends Error {
  constructor(
    public readonly reason: "INVALID" | "BANNED",
    public readonly detail: ErrorDetail,
  ) {
    super(encodeDetail(detail));
    this.name = "SignInRefused";
  }
}

const publicUser = { id: true, displayName: true, pseudonym: true, role: true, bannedAt: true } as const;

/**
 * A stable, public pseudonym tag (six hex digits): crowd worker ids are personal data and never
 * shown to others. Pages word it in the reader's language ("Participant 3F09A2").
 */
export function pseudonymFor(participantId: string): string {
  return createHash("sha256").update(participantId).digest("hex").slice(0, 6).toUpperCase();
}

/**
 * Finds or creates the user for a participant id. Concurrent first sign-ins with the same id
 * (a double click, two tabs) race on the unique index; the loser reads the winner's row, so
 * there is never a second account for one id.
 */
export async function signInParticipant(rawId: unknown) {
  const parsed = participantIdSchema.safeParse(rawId);
  if (!parsed.success) throw new SignInRefused("INVALID", detailOfIssue(parsed.error.issues[0]!));
  const participantId = parsed.data;
  const isAdmin = getEnv().ADMIN_PARTICIPANT_IDS.includes(participantId);

  let user = await db.user.findUnique({ where: { participantId }, select: publicUser });
  if (!user) {
    try {
      user = await db.user.create({
        data: { participantId, pseudonym: pseudonymFor(participantId), role: isAdmin ? "ADMIN" : "PARTICIPANT" },
        select: publicUser,
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      user = await db.user.findUniqueOrThrow({ where: { participantId }, select: publicUser });
    }
  }
  if (user.bannedAt) throw new SignInRefused("BANNED", detail("BANNED"));
  if (isAdmin && user.role !== "ADMIN") {
    user = await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" }, select: publicUser });
  }
  return user;
}

/** Finds or creates the user behind an OAuth identity (GitHub, Google), linking by account id. */
/**
 * A provider's profile name made safe to show to others: tags, control and direction-override
 * characters and broken surrogates removed, at most 60 characters (whole code points). Empty
 * when nothing readable is left, and the caller falls back to a pseudonym.
 */
export function displayNameFrom(name: string | null | undefined): string {
  const cleaned = (name ?? "")
    .toWellFormed()
    .normalize("NFC")
    .replace(/<[^>]*>/g, "")
    .replace(/[<>]/g, "")
    .replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(cleaned).slice(0, 60).join("").trim();
}

export async function signInOAuth(input: { provider: string; providerAccountId: string; email?: string | null; name?: string | null }) {
  const email = input.email?.toLowerCase() ?? null;
  const isAdmin =
    !!email &&
    getEnv()
      .ADMIN_EMAILS.map((e) => e.toLowerCase())
      .includes(email);
  const key = { provider: input.provider, providerAccountId: input.providerAccountId };

  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: key },
    select: { user: { select: publicUser } },
  });
  let user = linked?.user;
  if (!user) {
    try {
      user = await db.$transaction(async (tx) => {
        const existing = email ? await tx.user.findUnique({ where: { email }, select: publicUser }) : null;
        const u =
          existing ??
          (await tx.user.create({
            data: {
              email,
              // Without a readable name, the person is known by their pseudonym alone.
              displayName: displayNameFrom(input.name) || null,
              pseudonym: pseudonymFor(`${input.provider}:${input.providerAccountId}`),
              role: isAdmin ? "ADMIN" : "PARTICIPANT",
            },
            select: publicUser,
          }));
        await tx.account.create({ data: { ...key, userId: u.id } });
        return u;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      user = (await db.account.findUniqueOrThrow({ where: { provider_providerAccountId: key }, select: { user: { select: publicUser } } }))
        .user;
    }
  }
  if (user.bannedAt) throw new SignInRefused("BANNED", detail("BANNED"));
  if (isAdmin && user.role !== "ADMIN") {
    user = await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" }, select: publicUser });
  }
  return user;
}
