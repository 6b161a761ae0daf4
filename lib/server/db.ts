import "server-only";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import mariadb, { type Pool, type PoolConnection } from "mariadb";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isConnectionError } from "@/lib/server/db-errors";
import { poolConfig } from "@/lib/server/db-url";
import { retry } from "@/lib/server/retry";
import { getEnv } from "@/lib/server/env";
import { log } from "@/lib/server/log";

/** Why the pool last failed to open a connection, for /api/health; null once one opens again. */
let lastConnectError: Error | null = null;

/** The pool's most recent failure to connect (TLS refused, access denied, unreachable), if any. */
export function lastConnectionError(): Error | null {
  return lastConnectError;
}

/**
 * Opens and closes one connection outside the pool, with the pool's own settings, and returns
 * the error that stopped it (null when it worked). A pool keeps retrying a failed connection
 * until its acquire timeout and then reports only that it timed out; this says why at once.
 */
export async function probeConnection(timeoutMs: number): Promise<Error | null> {
  const { connectionLimit: _l, acquireTimeout: _a, ...config } = poolConfig(getEnv());
  try {
    const conn = await mariadb.createConnection({ ...config, connectTimeout: Math.min(timeoutMs, config.connectTimeout || timeoutMs) });
    await conn.end();
    return null;
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function createClients() {
  const env = getEnv();
  // One pool for the whole process. Prisma runs on it, and so does rawTransaction() for the one
  // path where ORM overhead per statement matters (votes, see lib/voting/votes.ts).
  const pool = mariadb.createPool(poolConfig(env));
  // The pool reports a connection it failed to open (the database restarting, a connection
  // killed during its handshake) as an 'error' event, then retries with back-off. Unheard, that
  // event would throw and take the whole process down; it is a log line instead.
  (pool as unknown as NodeJS.EventEmitter).on("error", (err: Error) => {
    lastConnectError = err;
    // The pool wraps the driver's error ("Error during pool initialization"); the cause says why.
    const cause = err.cause instanceof Error ? err.cause : null;
    log.error("database connection could not be opened; retrying", err, {
      cause: cause ? `${(cause as { code?: string }).code ?? ""} ${cause.message}`.trim() : undefined,
    });
  });
  pool.on("connection", () => {
    lastConnectError = null;
  });
  const prisma = new PrismaClient({ adapter: new PrismaMariaDb(pool) });
  return { pool, prisma };
}

// Dev reloads re-evaluate modules; keeping the clients on globalThis stops each reload from
// opening another pool. In production the module is evaluated once anyway.
const globalForDb = globalThis as unknown as { dbClients?: ReturnType<typeof createClients> };
const clients = globalForDb.dbClients ?? createClients();
if (getEnv().NODE_ENV !== "production") globalForDb.dbClients = clients;

export const db = clients.prisma;
const pool: Pool = clients.pool;

export type Db = typeof db;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Runs `fn` in a READ COMMITTED transaction on a connection of the shared pool, committing on
 * success and rolling back on any error. For hot paths whose few statements Prisma would each
 * plan and map (measured ~5x the cost of the statements themselves here).
 *
 * A connection lost before COMMIT was sent (a database restart, a killed connection handed out
 * by the pool) is retried once on a fresh connection: the server rolled the lost transaction
 * back, so running `fn` again cannot apply anything twice. `fn` must only touch the database.
 * A connection lost during COMMIT is not retried, since the commit may have happened.
 *
 * `before` runs on the same connection ahead of the transaction, outside it (autocommit; the
 * request limit's counters, which must not hold locks while the vote waits for its image), on the
 * first attempt only. Its statements, the isolation level and START TRANSACTION go to the server
 * together: the driver pipelines statements issued before earlier ones have answered, so they
 * cost one round trip, not four. `before` must therefore issue its statements before it awaits.
 */
export async function rawTransaction<T>(
  fn: (conn: PoolConnection) => Promise<T>,
  opts: { before?: (conn: PoolConnection) => Promise<void> } = {},
): Promise<T> {
  return retry((attempt) => rawTransactionOnce(fn, attempt === 1 ? opts.before : undefined), {
    attempts: 2,
    retryable: (err) => err instanceof LostBeforeCommit,
  }).catch((err: unknown) => {
    throw err instanceof LostBeforeCommit ? err.cause : err;
  });
}

/** A connection lost before COMMIT was sent: the server rolled the transaction back. */
class LostBeforeCommit extends Error {}

async function rawTransactionOnce<T>(
  fn: (conn: PoolConnection) => Promise<T>,
  before?: (conn: PoolConnection) => Promise<void>,
): Promise<T> {
  let conn: PoolConnection | undefined;
  let committing = false;
  let lost = false;
  try {
    conn = await pool.getConnection();
    const first = before?.(conn);
    await Promise.all([first, conn.query("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"), conn.beginTransaction()]);
    const result = await fn(conn);
    committing = true;
    await conn.commit();
    return result;
  } catch (err) {
    lost = isConnectionError(err);
    if (conn && !lost) await conn.rollback().catch(() => {});
    throw lost && !committing ? new LostBeforeCommit("connection lost before commit", { cause: err }) : err;
  } finally {
    // A broken connection is dropped, not put back for the next request to trip over.
    if (conn) {
      if (lost) await conn.destroy();
      else conn.release();
    }
  }
}

/**
 * Runs `fn` on one connection of the shared pool, outside any transaction (each statement
 * commits on its own). For a few plain statements that must share a connection.
 */
export async function withConnection<T>(fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
  const conn = await pool.getConnection();
  try {
    return await fn(conn);
  } finally {
    conn.release();
  }
}

/**
 * For one-shot scripts: disconnects Prisma and ends the shared pool, whose idle connections would
 * otherwise keep the process alive (Prisma does not end a pool it was handed).
 */
export async function closeDb(): Promise<void> {
  await db.$disconnect();
  await pool.end();
}
