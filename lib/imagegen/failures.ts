import "server-only";
// Engine failures only the operator can fix, kept where the admin overview can show them: a
// participant is told only that generation is unavailable, and logs are not where researchers
// look. One row per service and error code (EngineFailure), so a day of failed attempts is one
// line with a count, not thousands of rows.
import { isUniqueViolation } from "@/lib/server/db-errors";
import { db } from "@/lib/server/db";
import type { EngineProvider, OperatorIssue } from "./types";

export interface EngineFailureView {
  service: string;
  code: string;
  detail: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
  /** When a generation by the service last succeeded after the failure; null while it lasts. */
  resolvedAt: Date | null;
}

/** Counts one failed attempt. A resolved incident that fails again starts over as a new one. */
export async function recordEngineFailure(issue: OperatorIssue, at = new Date()): Promise<void> {
  const { service, code, detail } = issue;
  await db.engineFailure.updateMany({
    where: { service, code, resolvedAt: { not: null } },
    data: { count: 0, firstAt: at, resolvedAt: null },
  });
  const write = () =>
    db.engineFailure.upsert({
      where: { service_code: { service, code } },
      create: { service, code, detail, count: 1, firstAt: at, lastAt: at },
      update: { count: { increment: 1 }, lastAt: at, detail },
    });
  // Two first failures at once both try to create the row; the loser counts on the winner's.
  await write().catch((err: unknown) => (isUniqueViolation(err) ? write() : Promise.reject(err)));
}

/** A generation by `service` succeeded: whatever was failing works again. */
export async function markEngineRecovered(service: EngineProvider, at = new Date()): Promise<void> {
  await db.engineFailure.updateMany({ where: { service, resolvedAt: null }, data: { resolvedAt: at } });
}

/**
 * Failures still going on, and those resolved since `since`, most recent first. A failure recorded
 * after its resolution (the two raced) counts as ongoing.
 */
export async function listEngineFailures(since: Date): Promise<EngineFailureView[]> {
  const rows = await db.engineFailure.findMany({
    where: { OR: [{ resolvedAt: null }, { resolvedAt: { gte: since } }, { lastAt: { gte: since } }] },
    orderBy: { lastAt: "desc" },
    take: 20,
    select: { service: true, code: true, detail: true, count: true, firstAt: true, lastAt: true, resolvedAt: true },
  });
  return rows.map((r) => ({ ...r, resolvedAt: r.resolvedAt && r.resolvedAt >= r.lastAt ? r.resolvedAt : null }));
}
