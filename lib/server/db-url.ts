// Connection settings from a DATABASE_URL. The app's pool, `prisma migrate deploy` (through the
// offline schema engine), the tests and the benchmarks all read the URL here, so one URL means the
// same connection everywhere, TLS included. No "server-only": plain Node scripts import it too.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PoolConfig } from "mariadb";

/**
 * The arguments Prisma documents for MySQL connection URLs (prisma.io/docs, "MySQL/MariaDB",
 * "Arguments"), plus `ssl=true`. Anything else is refused by name rather than silently ignored:
 * a misspelt `sslacept=strict` would otherwise mean plaintext.
 */
export const URL_ARGUMENTS = [
  "sslaccept",
  "sslcert",
  "sslidentity",
  "sslpassword",
  "ssl",
  "connect_timeout",
  "socket_timeout",
  "pool_timeout",
  "connection_limit",
  "socket",
] as const;

/** Prisma's default connect_timeout (5 s); the driver's own 1 s is too short for TLS to a managed server. */
const DEFAULT_CONNECT_TIMEOUT_S = 5;
/** setTimeout's ceiling, standing in for Prisma's "0 means no timeout" where the driver has no such value. */
const NO_TIMEOUT_MS = 2_147_483_647;

export class DatabaseUrlError extends Error {
  constructor(
    /** What is wrong, phrased to follow the variable's name. */
    public readonly detail: string,
  ) {
    super(`DATABASE_URL ${detail}`);
    this.name = "DatabaseUrlError";
  }
}

/** What TLS a URL asks for: none, verified (certificate chain and host name), or encrypted only. */
export type TlsMode = "off" | "verify" | "accept-invalid";

export type TlsOptions = { rejectUnauthorized: boolean; ca?: string; pfx?: Buffer; passphrase?: string };

export interface DatabaseConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database?: string;
  socketPath?: string;
  ssl?: TlsOptions;
  connectTimeout: number;
  socketTimeout?: number;
}

export interface ParsedDatabaseUrl {
  connection: DatabaseConnection;
  /** Pool settings the URL fixes; unset ones fall back to the caller's (DATABASE_POOL_SIZE, 10 s). */
  pool: { connectionLimit?: number; acquireTimeout?: number };
  tls: TlsMode;
}

function seconds(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > 86_400) {
    throw new DatabaseUrlError(`argument ${name} must be a whole number of seconds from ${min} to 86400, got "${value}"`);
  }
  return Number(value);
}

/**
 * Reads a certificate file named in the URL. Relative paths are resolved against ./prisma, as
 * Prisma resolves them, so the same URL works for `prisma migrate deploy` and the app.
 */
function readArgumentFile(name: string, file: string, baseDir: string): Buffer {
  const full = path.resolve(baseDir, file);
  try {
    return readFileSync(full);
  } catch (err) {
    const reason = err instanceof Error && "code" in err ? String(err.code) : "unreadable";
    throw new DatabaseUrlError(`argument ${name} names ${full}, which cannot be read (${reason})`);
  }
}

function tlsFrom(args: URLSearchParams, baseDir: string): { tls: TlsMode; ssl?: TlsOptions } {
  const accept = args.get("sslaccept");
  if (accept !== null && accept !== "strict" && accept !== "accept_invalid_certs") {
    throw new DatabaseUrlError(`argument sslaccept must be "strict" or "accept_invalid_certs", got "${accept}"`);
  }
  const ssl = args.get("ssl");
  if (ssl !== null && ssl !== "true") throw new DatabaseUrlError(`argument ssl must be "true" (verified TLS), got "${ssl}"`);
  if (args.has("sslpassword") && !args.has("sslidentity")) {
    throw new DatabaseUrlError("argument sslpassword only applies with sslidentity (a PKCS#12 client certificate)");
  }
  const wanted = ssl === "true" || accept !== null || args.has("sslcert") || args.has("sslidentity");
  if (!wanted) return { tls: "off" };
  // Any TLS argument means TLS or nothing: the driver never falls back to plaintext. Certificates
  // are verified unless accept_invalid_certs says otherwise (stricter than Prisma, which verifies
  // only with sslaccept=strict): a CA file given is a CA file meant to be checked against.
  const verify = accept !== "accept_invalid_certs";
  if (ssl === "true" && !verify) throw new DatabaseUrlError("arguments ssl=true and sslaccept=accept_invalid_certs contradict each other");
  const options: TlsOptions = { rejectUnauthorized: verify };
  const cert = args.get("sslcert");
  if (cert) options.ca = readArgumentFile("sslcert", cert, baseDir).toString("utf8");
  const identity = args.get("sslidentity");
  if (identity) {
    options.pfx = readArgumentFile("sslidentity", identity, baseDir);
    const password = args.get("sslpassword");
    if (password !== null) options.passphrase = password;
  }
  return { tls: verify ? "verify" : "accept-invalid", ssl: options };
}

/**
 * Parses a mysql:// (or mariadb://) URL with Prisma's MySQL arguments into driver settings.
 * Throws DatabaseUrlError naming the offending part; never logs or returns the password in it.
 */
export function parseDatabaseUrl(url: string, opts: { baseDir?: string } = {}): ParsedDatabaseUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DatabaseUrlError("is not a URL (expected mysql://user:password@host:3306/database)");
  }
  if (u.protocol !== "mysql:" && u.protocol !== "mariadb:") throw new DatabaseUrlError(`must start with mysql://, not ${u.protocol}//`);
  const seen = new Set<string>();
  for (const name of u.searchParams.keys()) {
    if (!(URL_ARGUMENTS as readonly string[]).includes(name)) {
      throw new DatabaseUrlError(`has an unknown argument "${name}" (supported: ${URL_ARGUMENTS.join(", ")})`);
    }
    if (seen.has(name)) throw new DatabaseUrlError(`gives the argument "${name}" more than once`);
    seen.add(name);
  }
  const args = u.searchParams;
  const { tls, ssl } = tlsFrom(args, opts.baseDir ?? path.join(process.cwd(), "prisma"));
  const database = decodeURIComponent(u.pathname.slice(1));
  const connectS = args.has("connect_timeout") ? seconds("connect_timeout", args.get("connect_timeout")!, 0) : DEFAULT_CONNECT_TIMEOUT_S;
  const socket = args.get("socket");
  const connection: DatabaseConnection = {
    host: u.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    ...(database ? { database } : {}),
    ...(socket ? { socketPath: socket } : {}),
    ...(ssl ? { ssl } : {}),
    // 0 is Prisma's "no timeout", which is also what 0 means to the driver here.
    connectTimeout: connectS * 1000,
    ...(args.has("socket_timeout") ? { socketTimeout: seconds("socket_timeout", args.get("socket_timeout")!, 0) * 1000 } : {}),
  };
  const pool: ParsedDatabaseUrl["pool"] = {};
  if (args.has("connection_limit")) {
    const limit = args.get("connection_limit")!;
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 1000) {
      throw new DatabaseUrlError(`argument connection_limit must be a whole number from 1 to 1000, got "${limit}"`);
    }
    pool.connectionLimit = Number(limit);
  }
  if (args.has("pool_timeout")) {
    const s = seconds("pool_timeout", args.get("pool_timeout")!, 0);
    pool.acquireTimeout = s === 0 ? NO_TIMEOUT_MS : s * 1000;
  }
  return { connection, pool, tls };
}

/** The driver connection settings of a URL (host, credentials, database, TLS, timeouts). */
export function connectionFromUrl(url: string): DatabaseConnection {
  return parseDatabaseUrl(url).connection;
}

/**
 * Pool settings from DATABASE_URL with its Prisma arguments (TLS, timeouts, connection_limit), so
 * the app and `prisma migrate deploy` connect the same way.
 */
export function poolConfig(env: {
  DATABASE_URL: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL: boolean;
}): PoolConfig {
  const { connection, pool } = parseDatabaseUrl(env.DATABASE_URL);
  return {
    ...connection,
    connectionLimit: pool.connectionLimit ?? env.DATABASE_POOL_SIZE,
    ...(pool.acquireTimeout !== undefined ? { acquireTimeout: pool.acquireTimeout } : {}),
    // MySQL 8's caching_sha2_password sends the password over TLS as is; over plaintext it needs
    // the server's RSA key, and fetching that key unauthenticated lets a man in the middle swap it.
    // So only when the operator says so.
    allowPublicKeyRetrieval: env.DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL,
    // Dates are stored as UTC; the app converts to its configured zone itself.
    timezone: "Z",
    // What the Prisma adapter sets on pools it creates itself.
    prepareCacheLength: 0,
  };
}

/** The URL with its password replaced, for messages and logs. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
