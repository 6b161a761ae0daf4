import { Prisma } from "@/lib/generated/prisma/client";

/** Whether Prisma refused a write for a duplicate unique key: another request wrote the row first. */
export const isUniqueViolation = (err: unknown): boolean => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

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
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ER_CONNECTION_KILLED",
  "ER_SOCKET_UNEXPECTED_CLOSE",
  "ER_CONNECTION_ALREADY_CLOSED",
  "ER_GET_CONNECTION_TIMEOUT",
  "ER_POOL_ALREADY_CLOSED",
  "ER_SERVER_SHUTDOWN",
  "ER_CON_COUNT_ERROR",
  "P1001",
  "P1002",
  "P1017",
  "P2024",
]);
// 1053 server shutdown, 1927 connection killed, 2006/2013 server gone/lost, 45006-45028 driver socket errors.
const ERRNOS = new Set([1053, 1927, 2006, 2013, 45006, 45007, 45009, 45012, 45028]);
const PATTERN =
  /connection (was )?(killed|closed|lost|refused|reset)|socket (has )?(unexpectedly )?(been )?closed|server has gone away|ECONNREFUSED|ECONNRESET|retrieve connection from pool timeout|pool timeout/i;

/** Node's and OpenSSL's codes for a certificate that failed verification. */
const CERT_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_CERT_|ER_SELF_SIGNED|ER_TLS_IDENTITY_ERROR)/;

/**
 * Why the app could not open a database connection, in words an operator can act on, for
 * /api/health and the logs. Our own sentences and the driver's error code only: driver messages
 * can carry user names and addresses. `tlsRequested`: whether DATABASE_URL asked for TLS.
 */
export function describeConnectionError(err: unknown, tlsRequested: boolean): string {
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const x = e as { code?: string; errno?: number; message?: string };
    const code = x.code ?? "";
    if (x.errno === 45023 || code === "ER_SERVER_SSL_DISABLED") {
      return "DATABASE_URL asks for TLS but the server does not offer it; the app will not fall back to plaintext.";
    }
    if (CERT_CODES.test(code)) {
      return `The database server's TLS certificate could not be verified (${code}): set sslcert to the CA that signed it, or check the host name in DATABASE_URL.`;
    }
    if (x.errno === 3159 || /insecure transport/i.test(x.message ?? "")) {
      return "The server accepts only TLS connections: add sslaccept=strict (and sslcert if its CA is private) to DATABASE_URL.";
    }
    if (/RSA public key is not available|public key retrieval/i.test(x.message ?? "")) {
      return "The server uses caching_sha2_password over plaintext: connect over TLS (sslaccept=strict) or set DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL=true.";
    }
    if (x.errno === 1045 || code === "ER_ACCESS_DENIED_ERROR") {
      return tlsRequested
        ? "The server refused the user name or password in DATABASE_URL (ER_ACCESS_DENIED_ERROR)."
        : "The server refused the login (ER_ACCESS_DENIED_ERROR): check the user and password, and if the server requires TLS (managed databases do), add sslaccept=strict to DATABASE_URL.";
    }
    if (code === "ECONNREFUSED" || code === "EHOSTUNREACH" || code === "ENOTFOUND")
      return `The database server could not be reached (${code}).`;
    if (code === "ETIMEDOUT" || code === "ER_CONNECTION_TIMEOUT") return `The database server did not answer in time (${code}).`;
  }
  const code = (err as { code?: string } | null)?.code;
  return `The database could not be reached${code ? ` (${code})` : ""}.`;
}
