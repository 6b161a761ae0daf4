// Throwaway databases, storage folders and ports for one Playwright run. The main process picks
// them and its workers inherit them through the environment, so all agree.
import { randomBytes } from "node:crypto";
import { join } from "node:path";

process.env.E2E_RUN_ID ??= randomBytes(4).toString("hex");
const run = process.env.E2E_RUN_ID;
const serverUrl = process.env.TEST_DATABASE_SERVER_URL || "mysql://root@127.0.0.1:3306";

export type E2EServer = ReturnType<typeof server>;

/** A server's database, storage folder, port and environment for this run (specs that start one of their own use it too). */
export function server(name: string, port: number) {
  const dbName = `pixelpatchwork_e2e_${name}_${run}`;
  const baseURL = `http://localhost:${port}`;
  const storageDir = join(process.cwd(), ".data", `e2e-storage-${name}-${run}`);
  const cronSecret = "e2e-cron-secret-0123456789abcdef";
  return {
    port,
    baseURL,
    dbName,
    databaseUrl: `${serverUrl}/${dbName}`,
    storageDir,
    cronSecret,
    serverEnv: {
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: `${serverUrl}/${dbName}`,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: `e2e-secret-${run}-0123456789abcdefghijklmnop`,
      STORAGE_DRIVER: "local",
      STORAGE_LOCAL_DIR: storageDir,
      IMAGE_ENGINE: "offline",
      CRON_SECRET: cronSecret,
      ADMIN_PARTICIPANT_IDS: "e2e-admin",
      // Secrets the app holds but never needs in the browser: the build is made with them set,
      // and e2e/security.spec.ts scans the client bundle for each of them.
      EXPORT_HASH_SALT: `e2e-salt-${run}-fedcba9876543210`,
      S3_ACCESS_KEY_ID: `E2EACCESSKEY${run}`,
      S3_SECRET_ACCESS_KEY: `e2e-s3-secret-${run}-9f8e7d6c5b4a`,
    } as Record<string, string>,
  };
}

/** The server most specs share: today's day, opened on first request. */
export const E2E = server("main", Number(process.env.E2E_PORT || 3100));

/**
 * A second server over the same build whose open day is yesterday, so the daily rollover has a
 * day to close without moving any clock: the whole product, create to next day's seed, runs on it.
 */
export const E2E_HISTORY = server("history", Number(process.env.E2E_HISTORY_PORT || 3101));
