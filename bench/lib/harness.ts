// What every benchmark sets up and takes down: a throwaway database, a storage folder, the
// production build serving them, a database connection of its own. Each piece registers its own
// undo step, so a benchmark says what it needs and nothing is left behind, even when it fails.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mariadb, { type Connection } from "mariadb";
import { connectionFromUrl } from "../../lib/server/db-url";
import { Cleanup } from "./cleanup";
import { createBenchDb, type BenchDb } from "./db";
import { startApp, type RunningServer } from "./server";

/** Runs a benchmark's body; its undo steps run whatever happens, and a failure exits non-zero. */
export function runBenchmark(main: (cleanup: Cleanup) => Promise<void>): void {
  const cleanup = new Cleanup();
  main(cleanup)
    .finally(() => cleanup.run())
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

/** A migrated throwaway database (`pixelpatchwork_bench_<label>_*`), dropped by `cleanup`. */
export async function benchDatabase(cleanup: Cleanup, label: string): Promise<BenchDb> {
  const db = await createBenchDb(label);
  cleanup.add("drop database", () => db.drop());
  return db;
}

/** A single connection to `db` for bulk seeding (statements that must share a session). */
export async function benchConnection(cleanup: Cleanup, db: BenchDb, opts: { multipleStatements?: boolean } = {}): Promise<Connection> {
  const conn = await mariadb.createConnection({ ...connectionFromUrl(db.url), multipleStatements: opts.multipleStatements ?? false });
  cleanup.add("close connection", () => conn.end());
  return conn;
}

/** A throwaway storage folder, removed by `cleanup`. */
export async function benchStorage(cleanup: Cleanup, label: string): Promise<string> {
  const storageDir = await mkdtemp(join(tmpdir(), `ppw-bench-${label}-`));
  cleanup.add("remove storage", () => rm(storageDir, { recursive: true, force: true }));
  return storageDir;
}

/** The production build serving `db` and `storageDir`, stopped by `cleanup`. */
export async function benchServer(
  cleanup: Cleanup,
  db: BenchDb,
  storageDir: string,
  opts: { poolSize?: number } = {},
): Promise<RunningServer> {
  const app = await startApp({ databaseUrl: db.url, storageDir, ...opts });
  cleanup.add("stop app", () => app.stop());
  return app;
}

/** A throwaway database and storage folder with the production build serving them. */
export async function benchApp(
  cleanup: Cleanup,
  label: string,
  opts: { poolSize?: number } = {},
): Promise<{ db: BenchDb; storageDir: string; app: RunningServer }> {
  const db = await benchDatabase(cleanup, label);
  const storageDir = await benchStorage(cleanup, label);
  return { db, storageDir, app: await benchServer(cleanup, db, storageDir, opts) };
}
