import "server-only";
import type { PoolConnection } from "mariadb";
import type { Tx } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";

/**
 * The one lock order for writes that touch an image and its day (a vote, the veto, the rollover's
 * close): the Image row first, then the Day row. setVote locks the image and then waits on the
 * day; writing the next day's seedImageId makes InnoDB share-lock that Image row for the foreign
 * key; so anything that took the Day row first would deadlock with a vote in flight. Every such
 * write goes through lockImageThenDay, so the order cannot drift between them.
 */
export type RowLock = "FOR UPDATE" | "LOCK IN SHARE MODE";

/** A raw query on whichever client the caller holds: a Prisma transaction or a pool connection. */
export type LockQuery = <T>(sql: string, params: unknown[]) => Promise<T[]>;

export const onTransaction =
  (tx: Tx): LockQuery =>
  (sql, params) =>
    tx.$queryRawUnsafe(sql, ...params);
export const onConnection =
  (conn: PoolConnection): LockQuery =>
  async (sql, params) =>
    (await conn.query(sql, params)) as never[];

/**
 * Locks the image row (reading `columns` of it), then the row of its day, and returns both. The
 * day is `day.id`, or "ofImage": the day the image belongs to, found by a subquery, so that both
 * statements go out together (one round trip on a pool connection, which pipelines them; the
 * server still runs them in order, image first). With no day (a missing image, the bundled seed)
 * the status is undefined.
 */
export async function lockImageThenDay<I extends object>(
  q: LockQuery,
  image: { id: number; mode: RowLock; columns?: string },
  day: { id: number | "ofImage"; mode: RowLock },
): Promise<{ image: I | undefined; dayStatus: string | undefined; dayWorldId: number | undefined }> {
  const imageRows = q<I>(`SELECT ${image.columns ?? "id"} FROM Image WHERE id = ? ${image.mode}`, [image.id]);
  const dayRows =
    day.id === "ofImage"
      ? q<{ status: string; worldId: number }>(
          `SELECT status, worldId FROM Day WHERE id = (SELECT dayId FROM Image WHERE id = ?) ${day.mode}`,
          [image.id],
        )
      : imageRows.then(() => q<{ status: string; worldId: number }>(`SELECT status, worldId FROM Day WHERE id = ? ${day.mode}`, [day.id]));
  const [[row], [d]] = await Promise.all([imageRows, dayRows]);
  return { image: row, dayStatus: d?.status, dayWorldId: d ? Number(d.worldId) : undefined };
}

/**
 * Locks a day's row in share mode inside a transaction and checks it is still open. The rollover
 * takes the same row FOR UPDATE to close it, so a write that holds this lock either lands before
 * the close or sees the day closed: nothing slips into a closed day.
 */
export async function lockOpenDay(tx: Tx, dayId: number): Promise<void> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM Day WHERE id = ${dayId} LOCK IN SHARE MODE`;
  if (rows[0]?.status !== "OPEN") throw new ActionError("DAY_CLOSED");
}
