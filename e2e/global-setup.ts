import { rm } from "node:fs/promises";
import mariadb from "mariadb";
import { E2E } from "./env";

/** Nothing to prepare (the web server migrates); returns the teardown that removes the run's data. */
export default async function globalSetup() {
  return async () => {
    const u = new URL(E2E.databaseUrl);
    const conn = await mariadb.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
    await conn.query(`DROP DATABASE IF EXISTS \`${E2E.dbName}\``);
    await conn.end();
    await rm(E2E.storageDir, { recursive: true, force: true });
  };
}
