import "server-only";
import type { Tx } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";

/**
 * Locks a day's row in share mode inside a transaction and checks it is still open. The rollover
 * takes the same row FOR UPDATE to close it, so a write that holds this lock either lands before
 * the close or sees the day closed: nothing slips into a closed day.
 */
export async function lockOpenDay(tx: Tx, dayId: number): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM Day WHERE id = ${dayId} LOCK IN SHARE MODE`;
  if (rows[0]?.status !== "OPEN") throw new ActionError("This day has closed. Reload to work on today's picture.", "DAY_CLOSED");
}
