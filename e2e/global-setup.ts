import { rm } from "node:fs/promises";
import mariadb from "mariadb";
import { connectionFromUrl } from "../lib/server/db-url";
import { E2E, E2E_HISTORY } from "./env";

/** Nothing to prepare (the web servers migrate); returns the teardown that removes the run's data. */
export default async function globalSetup() {
  return async () => {
    for (const server of [E2E, E2E_HISTORY]) {
      const { database: _db, ...serverOnly } = connectionFromUrl(server.databaseUrl);
      const conn = await mariadb.createConnection(serverOnly);
      await conn.query(`DROP DATABASE IF EXISTS \`${server.dbName}\``);
      await conn.end();
      await rm(server.storageDir, { recursive: true, force: true });
    }
  };
}
