import { rm } from "node:fs/promises";
import mariadb from "mariadb";
import { E2E, E2E_HISTORY } from "./env";

/** Nothing to prepare (the web servers migrate); returns the teardown that removes the run's data. */
export default async function globalSetup() {
  return async () => {
    for (const server of [E2E, E2E_HISTORY]) {
      const u = new URL(server.databaseUrl);
      const conn = await mariadb.createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
      await conn.query(`DROP DATABASE IF EXISTS \`${server.dbName}\``);
      await conn.end();
      await rm(server.storageDir, { recursive: true, force: true });
    }
  };
}
