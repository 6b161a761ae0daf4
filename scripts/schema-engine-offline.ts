// A stand-in for Prisma's native schema-engine binary, for machines that cannot download it
// (started by scripts/schema-engine-offline.mjs). `prisma migrate deploy` only needs two things
// from the engine: `cli can-connect-to-database`, and one JSON-RPC call `applyMigrations` on
// stdin. This implements just those, on the mariadb driver, keeping `_prisma_migrations` exactly
// as the real engine does, so a database migrated here can later be migrated by the real engine
// (Vercel build) and vice versa. The URL is read by the app's own parser, TLS arguments included.
import { createHash, randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import mariadb, { type Connection } from "mariadb";
import { parseDatabaseUrl, type DatabaseConnection } from "../lib/server/db-url";

const LOCK = "prisma_migrate";

type Config = { connection: DatabaseConnection; database: string; command?: string; isCli: boolean };

function parseArgs(argv: string[]): Config {
  const i = argv.indexOf("--datasource");
  if (i < 0) throw new Error("--datasource is required");
  const { url } = JSON.parse(argv[i + 1] ?? "{}") as { url?: string };
  if (!url) throw new Error("--datasource carries no url");
  const { connection } = parseDatabaseUrl(url);
  if (!connection.database) throw new Error("the datasource URL names no database");
  return { connection, database: connection.database, command: argv.slice(argv.indexOf("cli") + 1)[0], isCli: argv.includes("cli") };
}

class EngineError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function connect(cfg: Config, withDb = true): Promise<Connection> {
  return mariadb.createConnection({
    ...cfg.connection,
    database: withDb ? cfg.database : undefined,
    multipleStatements: true,
    connectTimeout: Math.max(cfg.connection.connectTimeout, 10_000),
  });
}

/** Connects, creating the database when it is missing (as the real engine's deploy does). */
async function canConnect(cfg: Config): Promise<void> {
  const conn = await connect(cfg, false);
  try {
    await conn.query(`CREATE DATABASE IF NOT EXISTS \`${cfg.database.replace(/`/g, "``")}\``);
  } finally {
    await conn.end();
  }
}

type MigrationDirectory = { path: string; migrationFile: { content: { tag: string; value: string } } };
type ApplyParams = { migrationsList: { migrationDirectories: MigrationDirectory[] } };
type MigrationRow = { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null };

async function ensureMigrationsTable(conn: Connection): Promise<void> {
  const [{ n: tables }] = await conn.query("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()");
  const [{ n: hasTable }] = await conn.query(
    "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '_prisma_migrations'",
  );
  if (Number(hasTable) === 0 && Number(tables) > 0) {
    throw new EngineError("P3005", "The database schema is not empty and has no migration history (P3005).");
  }
  await conn.query(`CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                  VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum            VARCHAR(64) NOT NULL,
    finished_at         DATETIME(3),
    migration_name      VARCHAR(255) NOT NULL,
    logs                TEXT,
    rolled_back_at      DATETIME(3),
    started_at          DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0
  ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
}

async function applyMigrations(cfg: Config, params: ApplyParams): Promise<{ appliedMigrationNames: string[] }> {
  const conn = await connect(cfg);
  try {
    const [{ got }] = await conn.query("SELECT GET_LOCK(?, 10) AS got", [LOCK]);
    if (Number(got) !== 1) throw new EngineError("P1002", "Timed out waiting for the migration lock.");
    await ensureMigrationsTable(conn);
    const rows = (await conn.query(
      "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
    )) as MigrationRow[];
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new EngineError("P3009", `migrate found failed migrations in the target database: \`${failed.migration_name}\` (P3009).`);
    }
    const applied = new Set(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name));
    const appliedNow: string[] = [];
    for (const dir of params.migrationsList.migrationDirectories) {
      if (applied.has(dir.path)) continue;
      const file = dir.migrationFile.content;
      if (file.tag !== "ok") throw new EngineError("P3015", `Could not read migration file of ${dir.path}.`);
      const sql = file.value;
      const id = randomUUID();
      await conn.query(
        "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)",
        [id, createHash("sha256").update(sql).digest("hex"), dir.path],
      );
      try {
        await conn.query(sql);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await conn.query("UPDATE _prisma_migrations SET logs = ? WHERE id = ?", [message, id]);
        throw new EngineError("P3018", `Migration ${dir.path} failed to apply: ${message}`);
      }
      await conn.query("UPDATE _prisma_migrations SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?", [id]);
      appliedNow.push(dir.path);
    }
    return { appliedMigrationNames: appliedNow };
  } finally {
    await conn.query("SELECT RELEASE_LOCK(?)", [LOCK]).catch(() => {});
    await conn.end();
  }
}

function rpcError(id: unknown, err: unknown) {
  const code = err instanceof EngineError ? err.code : undefined;
  return {
    jsonrpc: "2.0",
    id,
    error: {
      code: 4466,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message: err instanceof Error ? err.message : String(err), meta: {}, error_code: code },
    },
  };
}

async function main() {
  const cfg = parseArgs(process.argv.slice(2));
  if (cfg.isCli) {
    if (cfg.command !== "can-connect-to-database") throw new Error(`unsupported command: ${cfg.command}`);
    await canConnect(cfg);
    return;
  }
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const req = JSON.parse(line) as { id: unknown; method: string; params: ApplyParams };
    let res: object;
    try {
      if (req.method !== "applyMigrations") {
        throw new Error(`${req.method} needs Prisma's real schema engine; only applyMigrations works offline`);
      }
      res = { jsonrpc: "2.0", id: req.id, result: await applyMigrations(cfg, req.params) };
    } catch (err) {
      res = rpcError(req.id, err);
    }
    process.stdout.write(JSON.stringify(res) + "\n");
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`schema-engine-offline: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
