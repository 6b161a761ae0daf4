import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/server/db";
import { getEnv } from "@/lib/server/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { participantIdSchema } from "@/lib/validations/participant";

export class SignInRefused extends Error {
  constructor(public readonly reason: "INVALID" | "BANNED", message: string) {
    super(message);
    this.name = "SignInRefused";
  }
}

export const BANNED_MESSAGE = "This account has been suspended and can no longer take part.";

const publicUser = { id: true, displayName: true, role: true, bannedAt: true } as const;

/** A stable, public pseudonym: crowd worker ids are personal data and never shown to others. */
export function pseudonymFor(participantId: string): string {
  const tag = createHash("sha256").update(participantId).digest("hex").slice(0, 6).toUpperCase();
  return `Participant ${tag}`;
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

/**
 * Finds or creates the user for a participant id. Concurrent first sign-ins with the same id
 * (a double click, two tabs) race on the unique index; the loser reads the winner's row, so
 * there is never a second account for one id.
 */
export async function signInParticipant(rawId: unknown) {
  const parsed = participantIdSchema.safeParse(rawId);
  if (!parsed.success) throw new SignInRefused("INVALID", parsed.error.issues[0]?.message ?? "Invalid participant id.");
  const participantId = parsed.data;
  const isAdmin = getEnv().ADMIN_PARTICIPANT_IDS.includes(participantId);

  let user = await db.user.findUnique({ where: { participantId }, select: publicUser });
  if (!user) {
    try {
      user = await db.user.create({
        data: { participantId, displayName: pseudonymFor(participantId), role: isAdmin ? "ADMIN" : "PARTICIPANT" },
        select: publicUser,
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      user = await db.user.findUniqueOrThrow({ where: { participantId }, select: publicUser });
    }
  }
  if (user.bannedAt) throw new SignInRefused("BANNED", BANNED_MESSAGE);
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
  const isAdmin = !!email && getEnv().ADMIN_EMAILS.map((e) => e.toLowerCase()).includes(email);
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
              displayName: displayNameFrom(input.name) || pseudonymFor(`${input.provider}:${input.providerAccountId}`),
              role: isAdmin ? "ADMIN" : "PARTICIPANT",
            },
            select: publicUser,
          }));
        await tx.account.create({ data: { ...key, userId: u.id } });
        return u;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      user = (await db.account.findUniqueOrThrow({ where: { provider_providerAccountId: key }, select: { user: { select: publicUser } } })).user;
    }
  }
  if (user.bannedAt) throw new SignInRefused("BANNED", BANNED_MESSAGE);
  if (isAdmin && user.role !== "ADMIN") {
    user = await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" }, select: publicUser });
  }
  return user;
}
