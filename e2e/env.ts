// One throwaway database, storage folder and port per Playwright run. The main process picks
// them and its workers inherit them through the environment, so all agree.
import { randomBytes } from "node:crypto";
import { join } from "node:path";

process.env.E2E_RUN_ID ??= randomBytes(4).toString("hex");
const run = process.env.E2E_RUN_ID;
const port = Number(process.env.E2E_PORT || 3100);
const serverUrl = process.env.TEST_DATABASE_SERVER_URL || "mysql://root@127.0.0.1:3306";

export const E2E = {
  port,
  baseURL: `http://localhost:${port}`,
  dbName: `pixelpatchwork_e2e_${run}`,
  databaseUrl: `${serverUrl}/pixelpatchwork_e2e_${run}`,
  storageDir: join(process.cwd(), ".data", `e2e-storage-${run}`),
  cronSecret: "e2e-cron-secret-0123456789abcdef",
  get serverEnv(): Record<string, string> {
    return {
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: this.databaseUrl,
      NEXTAUTH_URL: this.baseURL,
      NEXTAUTH_SECRET: `e2e-secret-${run}-0123456789abcdefghijklmnop`,
      STORAGE_DRIVER: "local",
      STORAGE_LOCAL_DIR: this.storageDir,
      IMAGE_ENGINE: "offline",
      CRON_SECRET: this.cronSecret,
      ADMIN_PARTICIPANT_IDS: "e2e-admin",
    };
  },
};
