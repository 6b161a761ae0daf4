import "server-only";
import { db, type Tx } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/validations/field-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { reasonSchema } from "@/lib/validations/reason";
import { isActiveAdmin } from "@/lib/auth/roles";

/**
 * Runs an admin's change in one READ COMMITTED transaction (as the rollover and votes do: locking
 * reads see the latest commit, no gap locks), after checking, inside it, that `adminId` is an
 * admin who is not banned. The server actions check too; this keeps the lib safe when called
 * from anywhere else (scripts, future routes).
 */
export async function adminTransaction<T>(adminId: number, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      const admin = await tx.user.findUnique({ where: { id: adminId }, select: { role: true, bannedAt: true } });
      if (!isActiveAdmin(admin)) throw new ActionError("FORBIDDEN", { detail: "ADMIN_ONLY" });
      return fn(tx);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 10_000, timeout: 20_000 },
  );
}

/** A required reason, trimmed; refused with the same codes as the admin forms. */
export function requireReason(reason: unknown): string {
  const parsed = reasonSchema.safeParse(reason);
  if (parsed.success) return parsed.data;
  // The reason is checked on its own here, so its issues belong to the form's "reason" field.
  throw new ActionError("INVALID", { fieldErrors: { reason: Object.values(fieldErrorsOf(parsed.error)).flat() } });
}

/** An optional reason: absent or blank means none. */
export function optionalReason(reason: unknown): string | null {
  return reason === undefined || reason === null || (typeof reason === "string" && reason.trim() === "") ? null : requireReason(reason);
}
