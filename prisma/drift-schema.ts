// The expected half of the drift check (see drift.ts): what schema.prisma says the database should
// look like, read through Prisma's own parser (get_dmmf) and spelled the way MariaDB's
// information_schema reports what Prisma's MySQL connector creates.
import { get_dmmf } from "@prisma/prisma-schema-wasm";

/** Each named thing (column, index, foreign key) is a set of properties compared one by one. */
export type Props = Record<string, string>;
export type Named = Map<string, Props>;
export interface Table {
  columns: Named;
  indexes: Named;
  foreignKeys: Named;
}
export type Snapshot = Map<string, Table>;

const MAX_NAME = 64; // MySQL's identifier limit, which Prisma's default constraint names respect

// The subset of Prisma's DMMF this module reads.
type DmmfDefault = string | number | boolean | { name: string; args: unknown[] } | unknown[];
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
  default?: DmmfDefault;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: string;
  dbName?: string | null;
  fields: { name: string; sortOrder?: string; length?: number }[];
}
interface DmmfEnum {
  name: string;
  values: { name: string; dbName: string | null }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; indexes: DmmfIndex[]; enums: DmmfEnum[] };
}
/** Each enum's values, schema name -> database name. */
type Enums = Map<string, Map<string, string>>;

const SCALAR_TYPES: Record<string, string> = {
  String: "varchar(191)",
  Boolean: "tinyint(1)",
  Int: "int(11)",
  BigInt: "bigint(20)",
  Float: "double",
  Decimal: "decimal(65,30)",
  DateTime: "datetime(3)",
  Json: "longtext",
  Bytes: "longblob",
};
// Native types whose MariaDB spelling is not just the lowercased name plus arguments.
const NATIVE_TYPES: Record<string, string> = {
  TinyInt: "tinyint(4)",
  UnsignedTinyInt: "tinyint(3) unsigned",
  SmallInt: "smallint(6)",
  UnsignedSmallInt: "smallint(5) unsigned",
  MediumInt: "mediumint(9)",
  UnsignedMediumInt: "mediumint(8) unsigned",
  Int: "int(11)",
  UnsignedInt: "int(10) unsigned",
  BigInt: "bigint(20)",
  UnsignedBigInt: "bigint(20) unsigned",
  Year: "year(4)",
  Json: "longtext",
};
const ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};
const INDEX_KINDS: Record<string, string> = { id: "PRIMARY KEY", unique: "UNIQUE", fulltext: "FULLTEXT" };

/** A string literal as MariaDB reports it in COLUMN_DEFAULT. */
const quote = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** Prisma's default constraint name: `Table_col1_col2` cut to fit, plus the suffix. */
const defaultName = (table: string, columns: string[], suffix: string) =>
  `${table}_${columns.join("_")}`.slice(0, MAX_NAME - suffix.length) + suffix;

function columnType(f: DmmfField, enums: Enums): string {
  const values = enums.get(f.type);
  if (f.kind === "enum" && values) return `enum(${[...values.values()].map(quote).join(",")})`;
  if (!f.nativeType) return SCALAR_TYPES[f.type] ?? `unsupported ${f.type}`;
  const [name, args] = f.nativeType;
  return NATIVE_TYPES[name] ?? name.toLowerCase() + (args.length ? `(${args.join(",")})` : "");
}

function columnDefault(f: DmmfField, type: string, enums: Enums): string {
  const d = f.default;
  if (d === undefined || Array.isArray(d)) return "(none)";
  if (typeof d === "object") {
    if (d.name === "now") return `current_timestamp(${/\((\d)\)$/.exec(type)?.[1] ?? ""})`;
    if (d.name === "dbgenerated") return String(d.args[0] ?? "(none)");
    return "(none)"; // autoincrement() shows in EXTRA; uuid(), cuid() ... are filled in by Prisma Client
  }
  if (typeof d === "boolean") return d ? "1" : "0";
  if (f.kind === "enum") return quote(enums.get(f.type)?.get(String(d)) ?? String(d));
  const scale = /^decimal\(\d+,(\d+)\)$/.exec(type)?.[1];
  if (scale !== undefined) {
    const [whole, fraction = ""] = String(d).split(".");
    return Number(scale) ? `${whole}.${fraction.padEnd(Number(scale), "0")}` : String(whole);
  }
  return typeof d === "number" || f.type === "BigInt" ? String(d) : quote(d);
}

/** `map:` of each `@relation(...)`, keyed `Model.field`; DMMF does not expose it. */
function relationMaps(schema: string): Map<string, string> {
  const maps = new Map<string, string>();
  for (const [, model = "", body = ""] of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const [, field, name] of body.matchAll(/^\s*(\w+)\s[^\n]*@relation\([^)]*\bmap:\s*"([^"]+)"/gm)) {
      maps.set(`${model}.${field}`, name ?? "");
    }
  }
  return maps;
}

/** What the schema says the database should look like. */
export function expectedSnapshot(schema: string, fileName = "schema.prisma"): Snapshot {
  const params = JSON.stringify({ prismaSchema: [[fileName, schema]], noColor: true });
  const { datamodel } = JSON.parse(get_dmmf(params)) as Dmmf;
  const enums: Enums = new Map(datamodel.enums.map((e) => [e.name, new Map(e.values.map((v) => [v.name, v.dbName ?? v.name]))]));
  const fkNames = relationMaps(schema);
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
  const columnOf = (m: DmmfModel, field: string) => m.fields.find((x) => x.name === field)?.dbName ?? field;

  const snapshot: Snapshot = new Map();
  for (const m of datamodel.models) {
    const table: Table = { columns: new Map(), indexes: new Map(), foreignKeys: new Map() };
    snapshot.set(tableOf(m), table);
    for (const f of m.fields) {
      if (f.kind === "object") {
        if (!f.relationFromFields?.length) continue;
        const target = models.get(f.type);
        if (!target) continue;
        const from = f.relationFromFields.map((n) => columnOf(m, n));
        const to = (f.relationToFields ?? []).map((n) => columnOf(target, n));
        // Prisma's defaults: Restrict (required relation) or SetNull (optional) on delete, Cascade on update.
        const onDelete = f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull");
        const onUpdate = f.relationOnUpdate ?? "Cascade";
        table.foreignKeys.set(fkNames.get(`${m.name}.${f.name}`) ?? defaultName(tableOf(m), from, "_fkey"), {
          references: `(${from.join(", ")}) -> ${tableOf(target)}(${to.join(", ")})`,
          onDelete: ACTIONS[onDelete] ?? onDelete,
          onUpdate: ACTIONS[onUpdate] ?? onUpdate,
        });
        continue;
      }
      const type = columnType(f, enums);
      const d = f.default;
      const isAuto = typeof d === "object" && !Array.isArray(d) && d.name === "autoincrement";
      table.columns.set(f.dbName ?? f.name, {
        type,
        nullable: f.isRequired ? "NOT NULL" : "NULL",
        default: columnDefault(f, type, enums),
        extra: isAuto ? "auto_increment" : "(none)",
      });
    }
  }
  for (const index of datamodel.indexes) {
    const m = models.get(index.model);
    if (!m) continue;
    const columns = index.fields.map((x) => columnOf(m, x.name));
    const parts = index.fields.map((x, i) => `${columns[i]}${x.length ? `(${x.length})` : ""}${x.sortOrder === "desc" ? " DESC" : ""}`);
    const kind = INDEX_KINDS[index.type] ?? "INDEX";
    const name =
      index.type === "id" ? "PRIMARY" : (index.dbName ?? defaultName(tableOf(m), columns, index.type === "unique" ? "_key" : "_idx"));
    snapshot.get(tableOf(m))?.indexes.set(name, { definition: `${kind} (${parts.join(", ")})` });
  }
  return snapshot;
}
