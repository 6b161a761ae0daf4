// The migrations are hand-written, so this is what notices when they and schema.prisma disagree.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dropDatabase, migrate, newTestDatabase, withServerConnection } from "../test/db";
import { findSchemaDrift } from "./drift";

/** Runs fn against a freshly migrated throwaway database, dropping it afterwards. */
async function withMigratedDatabase(label: string, fn: (db: { name: string; url: string }) => Promise<void>) {
  const db = newTestDatabase(label);
  try {
    migrate(db.url);
    await fn(db);
  } finally {
    await dropDatabase(db.name);
  }
}

const sorted = (xs: string[]) => [...xs].sort();

describe("findSchemaDrift", () => {
  it("finds no drift between the committed migrations and schema.prisma", async () => {
    await withMigratedDatabase("drift", async (db) => {
      expect(await findSchemaDrift(db.url)).toEqual([]);
    });
  });

  it("reports changes made to the database", async () => {
    await withMigratedDatabase("drift", async (db) => {
      await withServerConnection(async (conn) => {
        await conn.query(`USE \`${db.name}\``);
        await conn.query("ALTER TABLE Vote MODIFY position BIGINT NULL");
        await conn.query("ALTER TABLE Vote MODIFY value TINYINT NULL");
        await conn.query("ALTER TABLE Image ALTER status SET DEFAULT 'SEED'");
        await conn.query("DROP INDEX Day_status_date_idx ON Day");
        await conn.query("CREATE INDEX Vote_createdAt_idx ON Vote(createdAt)");
        await conn.query("ALTER TABLE User ADD COLUMN nickname VARCHAR(20) NULL");
        await conn.query("ALTER TABLE Vote DROP FOREIGN KEY Vote_imageId_fkey");
        await conn.query("ALTER TABLE Account DROP FOREIGN KEY Account_userId_fkey");
        await conn.query(
          "ALTER TABLE Account ADD CONSTRAINT Account_userId_fkey FOREIGN KEY (userId) REFERENCES User(id) ON DELETE RESTRICT ON UPDATE CASCADE",
        );
        // No index covers Image.width, so InnoDB adds one named after the constraint: only the
        // foreign key itself is drift, not that implicit index.
        await conn.query("ALTER TABLE Image ADD CONSTRAINT Image_width_fkey FOREIGN KEY (width) REFERENCES Day(id)");
        await conn.query("CREATE TABLE Extra (id INT PRIMARY KEY)");
      });

      expect(sorted(await findSchemaDrift(db.url))).toEqual(
        sorted([
          "column Vote.position: type is bigint(20) in the database but int(11) in the schema",
          "column Vote.value: nullable is NULL in the database but NOT NULL in the schema",
          "column Image.status: default is 'SEED' in the database but 'DRAFT' in the schema",
          "index Day.Day_status_date_idx is missing from the database",
          "index Vote.Vote_createdAt_idx exists in the database but not in the schema",
          "column User.nickname exists in the database but not in the schema",
          "foreign key Vote.Vote_imageId_fkey is missing from the database",
          "foreign key Account.Account_userId_fkey: onDelete is RESTRICT in the database but CASCADE in the schema",
          "foreign key Image.Image_width_fkey exists in the database but not in the schema",
          "table Extra exists in the database but not in the schema",
        ]),
      );
    });
  });

  it("reports changes made to the schema", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pp-drift-"));
    try {
      const original = await readFile("prisma/schema.prisma", "utf8");
      const edits: [string, string][] = [
        ["displayName   String?   @db.VarChar(60)", "displayName   String?   @db.VarChar(80)\n  nickname String?"],
        ["totalVotes        Int       @default(0)", "totalVotes        Int       @default(1)"],
        ["  @@index([imageId])\n", "  @@index([imageId])\n  @@index([createdAt])\n"],
        [
          "user  User  @relation(fields: [userId], references: [id], onDelete: Cascade)",
          'user  User  @relation(fields: [userId], references: [id], onDelete: Cascade, map: "Vote_voter_fkey")',
        ],
        ["enum DayStatus {\n  OPEN\n", "enum DayStatus {\n  OPEN\n  PAUSED\n"],
      ];
      let schema = original;
      for (const [from, to] of edits) {
        expect(schema).toContain(from);
        schema = schema.replace(from, to);
      }
      const schemaPath = path.join(dir, "schema.prisma");
      await writeFile(schemaPath, schema);

      await withMigratedDatabase("drift", async (db) => {
        expect(sorted(await findSchemaDrift(db.url, schemaPath))).toEqual(
          sorted([
            "column User.displayName: type is varchar(60) in the database but varchar(80) in the schema",
            "column User.nickname is missing from the database",
            "column Day.totalVotes: default is 0 in the database but 1 in the schema",
            "column Day.status: type is enum('OPEN','CLOSED') in the database but enum('OPEN','PAUSED','CLOSED') in the schema",
            "index Vote.Vote_createdAt_idx is missing from the database",
            "foreign key Vote.Vote_voter_fkey is missing from the database",
            "foreign key Vote.Vote_userId_fkey exists in the database but not in the schema",
          ]),
        );
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
