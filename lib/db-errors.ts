/**
 * Whether an error means the database could not be reached or the connection was lost (a
 * restart, a failover, a killed connection, a pool with no free connection in time), as opposed
 * to a query that was wrong. Such errors are worth one retry and, if they persist, a 503 saying
 * so. Looks through `cause` chains: Prisma's adapter wraps the driver's error.
 */
export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { fatal?: boolean; code?: string; errno?: number; message?: string; meta?: { code?: string } };
    if (x.fatal === true) return true;
    // Prisma's raw-query error (P2010) carries the driver's error number in meta.code.
    if (x.meta?.code && ERRNOS.has(Number(x.meta.code))) return true;
    if (x.code && CODES.has(x.code)) return true;
    if (x.errno && ERRNOS.has(x.errno)) return true;
    if (typeof x.message === "string" && PATTERN.test(x.message)) return true;
  }
  return false;
}

// Driver codes (mariadb), Node socket codes, and Prisma's "can't reach" / "closed" / pool timeout.
const CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH",
  "ER_CONNECTION_KILLED", "ER_SOCKET_UNEXPECTED_CLOSE", "ER_CONNECTION_ALREADY_CLOSED", "ER_GET_CONNECTION_TIMEOUT", "ER_POOL_ALREADY_CLOSED",
  "ER_SERVER_SHUTDOWN", "ER_CON_COUNT_ERROR",
  "P1001", "P1002", "P1017", "P2024",
]);
// 1053 server shutdown, 1927 connection killed, 2006/2013 server gone/lost, 45006-45028 driver socket errors.
const ERRNOS = new Set([1053, 1927, 2006, 2013, 45006, 45007, 45009, 45012, 45028]);
const PATTERN = /connection (was )?(killed|closed|lost|refused|reset)|socket (has )?(unexpectedly )?(been )?closed|server has gone away|ECONNREFUSED|ECONNRESET|retrieve connection from pool timeout|pool timeout/i;

export const DB_UNAVAILABLE_MESSAGE = "The database is briefly unavailable. Nothing was saved; please try again in a moment.";
