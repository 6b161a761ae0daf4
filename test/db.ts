// Throwaway MariaDB databases for tests: every run (and every test that needs a pristine schema)
// gets its own, so nothing depends on leftovers from an earlier run.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { connectionFromUrl } from "../lib/server/db-url";
import mariadb, { type Connection } from "mariadb";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The server the tests use; never anything but a local one (see assertLocalDatabase). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_SERVER_URL || "mysql://root@127.0.0.1:3306";

/** Refuses to run destructive test setup against a database that is not on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Tests only run against a local database, not ${host}`);
  }
}

function serverConfig() {
  assertLocalDatabase(TEST_SERVER_URL);
  return connectionFromUrl(TEST_SERVER_URL);
}

export async function withServerConnection<T>(fn: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = await mariadb.createConnection(serverConfig());
  try {
    return await fn(conn);
  } finally {
    await conn.end();
  }
}

/** A fresh, empty database name with its URL. Nothing is created until it is migrated. */
export function newTestDatabase(label = "t"): { name: string; url: string } {
  const name = `pixelpatchwork_test_${label}_${randomBytes(4).toString("hex")}`;
  return { name, url: `${TEST_SERVER_URL.replace(/\/$/, "")}/${name}` };
}

/** Applies the committed migrations through the same `npm run db:migrate` path operators use. */
export function migrate(url: string): void {
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
}

export async function dropDatabase(name: string): Promise<void> {
  await withServerConnection((c) => c.query(`DROP DATABASE IF EXISTS \`${name}\``));
}
