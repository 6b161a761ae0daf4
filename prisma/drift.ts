// Migrations are hand-written SQL because Prisma's schema engine cannot diff MySQL offline here, so
// nothing else notices when a migration and schema.prisma disagree. This compares what the schema
// declares (drift-schema.ts) with what information_schema reports for a migrated MariaDB database:
// tables, columns, indexes and foreign keys. It reads the database with the mariadb driver
// directly, so it needs neither a generated Prisma Client nor a schema engine.
import { readFile } from "node:fs/promises";
import path from "node:path";
import mariadb, { type Connection } from "mariadb";
import { expectedSnapshot, type Named, type Snapshot } from "./drift-schema";

interface ColumnRow {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  COLUMN_TYPE: string;
  IS_NULLABLE: string;
  COLUMN_DEFAULT: string | null;
  EXTRA: string;
}
interface IndexRow {
  TABLE_NAME: string;
  INDEX_NAME: string;
  kind: string;
  parts: string;
}
interface ForeignKeyRow {
  TABLE_NAME: string;
  CONSTRAINT_NAME: string;
  REFERENCED_TABLE_NAME: string;
  UPDATE_RULE: string;
  DELETE_RULE: string;
  fromColumns: string;
  toColumns: string;
}

const TABLES_SQL = `
  SELECT TABLE_NAME FROM information_schema.TABLES
  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> '_prisma_migrations'`;
const COLUMNS_SQL = `
  SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA
  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
  ORDER BY TABLE_NAME, ORDINAL_POSITION`;
// One row per index, its columns spelled like drift-schema.ts spells them: `a, b(10), c DESC`.
const INDEXES_SQL = `
  SELECT TABLE_NAME, INDEX_NAME,
    CASE WHEN INDEX_NAME = 'PRIMARY' THEN 'PRIMARY KEY' WHEN MAX(INDEX_TYPE) = 'FULLTEXT' THEN 'FULLTEXT'
         WHEN MAX(NON_UNIQUE) = 0 THEN 'UNIQUE' ELSE 'INDEX' END AS kind,
    GROUP_CONCAT(CONCAT(COLUMN_NAME, IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')')),
                        IF(COLLATION = 'D', ' DESC', ''))
                 ORDER BY SEQ_IN_INDEX SEPARATOR ', ') AS parts
  FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
  GROUP BY TABLE_NAME, INDEX_NAME`;
const FOREIGN_KEYS_SQL = `
  SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE,
    GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', ') AS fromColumns,
    GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', ') AS toColumns
  FROM information_schema.REFERENTIAL_CONSTRAINTS rc
  JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA
    AND k.TABLE_NAME = rc.TABLE_NAME AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME
  WHERE rc.CONSTRAINT_SCHEMA = DATABASE()
  GROUP BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE`;

/** What the connected database looks like, in the same shape as expectedSnapshot. */
export async function actualSnapshot(conn: Connection): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  for (const t of await conn.query<{ TABLE_NAME: string }[]>(TABLES_SQL)) {
    snapshot.set(t.TABLE_NAME, { columns: new Map(), indexes: new Map(), foreignKeys: new Map() });
  }
  for (const c of await conn.query<ColumnRow[]>(COLUMNS_SQL)) {
    snapshot.get(c.TABLE_NAME)?.columns.set(c.COLUMN_NAME, {
      type: c.COLUMN_TYPE,
      nullable: c.IS_NULLABLE === "YES" ? "NULL" : "NOT NULL",
      // MariaDB reports "no default" on a nullable column as the string NULL (literals are quoted).
      default: c.COLUMN_DEFAULT === null || c.COLUMN_DEFAULT === "NULL" ? "(none)" : c.COLUMN_DEFAULT,
      extra: c.EXTRA.trim().toLowerCase() || "(none)",
    });
  }
  for (const i of await conn.query<IndexRow[]>(INDEXES_SQL)) {
    snapshot.get(i.TABLE_NAME)?.indexes.set(i.INDEX_NAME, { definition: `${i.kind} (${i.parts})` });
  }
  for (const fk of await conn.query<ForeignKeyRow[]>(FOREIGN_KEYS_SQL)) {
    snapshot.get(fk.TABLE_NAME)?.foreignKeys.set(fk.CONSTRAINT_NAME, {
      references: `(${fk.fromColumns}) -> ${fk.REFERENCED_TABLE_NAME}(${fk.toColumns})`,
      onDelete: fk.DELETE_RULE,
      onUpdate: fk.UPDATE_RULE,
    });
  }
  return snapshot;
}

function diffNamed(what: string, table: string, expected: Named, actual: Named, out: string[]): void {
  for (const [name, want] of expected) {
    const have = actual.get(name);
    if (!have) {
      out.push(`${what} ${table}.${name} is missing from the database`);
      continue;
    }
    for (const [prop, value] of Object.entries(want)) {
      if (have[prop] !== value) {
        out.push(`${what} ${table}.${name}: ${prop} is ${have[prop]} in the database but ${value} in the schema`);
      }
    }
  }
  for (const name of actual.keys()) {
    if (!expected.has(name)) out.push(`${what} ${table}.${name} exists in the database but not in the schema`);
  }
}

/** Human-readable differences between two snapshots; empty means none. */
export function diffSnapshots(expected: Snapshot, actual: Snapshot): string[] {
  const out: string[] = [];
  for (const [table, want] of expected) {
    const have = actual.get(table);
    if (!have) {
      out.push(`table ${table} is missing from the database`);
      continue;
    }
    // InnoDB adds an index named after the constraint for a foreign key no other index covers.
    const indexes = new Map(have.indexes);
    for (const [name, fk] of have.foreignKeys) {
      const implicit = `INDEX ${/^\(.*?\)/.exec(fk.references ?? "")?.[0]}`;
      if (!want.indexes.has(name) && indexes.get(name)?.definition === implicit) indexes.delete(name);
    }
    diffNamed("column", table, want.columns, have.columns, out);
    diffNamed("index", table, want.indexes, indexes, out);
    diffNamed("foreign key", table, want.foreignKeys, have.foreignKeys, out);
  }
  for (const table of actual.keys()) {
    if (!expected.has(table)) out.push(`table ${table} exists in the database but not in the schema`);
  }
  return out;
}

/** Differences between schemaPath and the migrated database at databaseUrl; empty means none. */
export async function findSchemaDrift(databaseUrl: string, schemaPath = "prisma/schema.prisma"): Promise<string[]> {
  const expected = expectedSnapshot(await readFile(schemaPath, "utf8"), path.basename(schemaPath));
  const u = new URL(databaseUrl);
  const conn = await mariadb.createConnection({
    host: u.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  });
  try {
    return diffSnapshots(expected, await actualSnapshot(conn));
  } finally {
    await conn.end();
  }
}
