// Throwaway databases for benchmarks, named pixelpatchwork_bench_<label>_<hex> so a leftover from
// an interrupted run is recognisable (and never mistaken for a test or dev database).
import { randomBytes } from "node:crypto";
import mariadb, { type Pool } from "mariadb";
import { TEST_SERVER_URL, assertLocalDatabase, dropDatabase, migrate } from "../../test/db";
import { connectionFromUrl } from "../../lib/server/db-url";

export type BenchDb = {
  name: string;
  url: string;
  /** A small pool for seeding and checking; closed by drop(). */
  pool: Pool;
  /** Closes the pool and drops the database; safe to call twice. */
  drop(): Promise<void>;
};

/** Creates and migrates a fresh database (the committed migrations, as operators apply them). */
export async function createBenchDb(label: string): Promise<BenchDb> {
  const name = `pixelpatchwork_bench_${label}_${randomBytes(4).toString("hex")}`;
  const url = `${TEST_SERVER_URL.replace(/\/$/, "")}/${name}`;
  assertLocalDatabase(url);
  try {
    migrate(url);
  } catch (err) {
    // A half-applied migration still leaves a database behind.
    await dropDatabase(name);
    throw err;
  }
  const pool = mariadb.createPool({
    ...connectionFromUrl(url),
    database: name,
    connectionLimit: 4,
    timezone: "Z",
  });
  let dropped = false;
  return {
    name,
    url,
    pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await pool.end().catch(() => undefined);
      await dropDatabase(name);
    },
  };
}
