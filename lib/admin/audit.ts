import "server-only";
import { now } from "@/lib/server/clock";
import { db, type Tx } from "@/lib/server/db";
import { type PersonName, personNameFields } from "@/i18n/person-name";

/** An audit entry's own columns, as the log page lists them and the research export writes them. */
export const auditEntryFields = {
  id: true,
  createdAt: true,
  adminId: true,
  action: true,
  targetType: true,
  targetId: true,
  reason: true,
  before: true,
  after: true,
} as const;

/** What one audited admin action records. before/after are stored as JSON (any JSON-able value). */
export type AuditInput = {
  /** The admin who acted; null for the system (a script) or an account since deleted. */
  adminId: number | null;
  /** What was done: "hide", "unhide", "ban", "unban", "veto", "settings", "rollover", "export" ... */
  action: string;
  /** The kind of thing acted on: "image", "user", "day", "settings", "table" ... */
  targetType: string;
  targetId: string | number | null;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
};

/** One audit entry as the admin area shows it. before/after are the stored JSON strings. */
export type AuditEntry = {
  id: number;
  createdAt: Date;
  adminId: number | null;
  /** Null for the system, or an admin account since deleted. */
  admin: PersonName | null;
  action: string;
  targetType: string;
  targetId: string | null;
  reason: string | null;
  before: string | null;
  after: string | null;
};

// TEXT holds 65,535 bytes. A value that does not fit (a rollover that caught up a year of days)
// is replaced by a JSON note with its start, so the entry is still written and still valid JSON.
const MAX_JSON_BYTES = 60_000;

function toJson(value: unknown): string | null {
  if (value === undefined) return null;
  const json = JSON.stringify(value) ?? null;
  if (json === null || Buffer.byteLength(json, "utf8") <= MAX_JSON_BYTES) return json;
  return JSON.stringify({ truncated: true, bytes: Buffer.byteLength(json, "utf8"), start: json.slice(0, 10_000) });
}

/** Column limits of AuditLog; longer values are cut rather than failing the admin's change. */
const cut = (s: string | null | undefined, max: number) => (s == null ? null : s.slice(0, max));

/**
 * Writes one audit entry. Pass the transaction that makes the change (`tx`), so the change and
 * its record commit or roll back together; `db` itself works for actions that change nothing.
 */
export async function recordAudit(tx: Pick<Tx, "auditLog">, input: AuditInput): Promise<{ id: number }> {
  return tx.auditLog.create({
    data: {
      adminId: input.adminId,
      action: input.action.slice(0, 64),
      targetType: input.targetType.slice(0, 32),
      targetId: cut(input.targetId === null ? null : String(input.targetId), 64),
      reason: cut(input.reason, 500),
      before: toJson(input.before),
      after: toJson(input.after),
      createdAt: now(),
    },
    select: { id: true },
  });
}

/**
 * A page of the audit log, newest first, with each admin's display name. Pass the returned
 * nextCursor back as `cursor` for the next page; it is null on the last page.
 */
export async function listAudit({
  take,
  cursor,
}: {
  take: number;
  cursor?: number | null;
}): Promise<{ entries: AuditEntry[]; nextCursor: number | null }> {
  const size = Math.min(Math.max(Math.trunc(take) || 1, 1), 500);
  const rows = await db.auditLog.findMany({
    // createdAt comes from the app clock, so it orders entries; the id breaks ties within a millisecond.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    take: size + 1,
    select: { ...auditEntryFields, admin: { select: personNameFields } },
  });
  const page = rows.slice(0, size);
  const entries = page.map((r) => ({ ...r, admin: r.admin ?? null }));
  return { entries, nextCursor: rows.length > size ? (page.at(-1)?.id ?? null) : null };
}
