// The migration that introduced studies and worlds, on a database as it stood before it: the single
// timeline it held must land in study 1's only world, every day and account with it.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import mariadb from "mariadb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionFromUrl } from "../lib/server/db-url";
import { dropDatabase, newTestDatabase, withServerConnection } from "../test/db";

const WORLDS = "20261220120000_studies_and_worlds";
const dir = path.join(import.meta.dirname, "migrations");
const db = newTestDatabase("worlds");
let conn: mariadb.Connection;

const sqlOf = (name: string) => readFile(path.join(dir, name, "migration.sql"), "utf8");

beforeAll(async () => {
  await withServerConnection((c) => c.query(`CREATE DATABASE \`${db.name}\``));
  conn = await mariadb.createConnection({ ...connectionFromUrl(db.url), multipleStatements: true });
  // Every migration before this one, as `migrate deploy` would have applied them.
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const name of names.slice(0, names.indexOf(WORLDS))) await conn.query(await sqlOf(name));
});

afterAll(async () => {
  await conn?.end();
  await dropDatabase(db.name);
});

describe("the studies-and-worlds migration", () => {
  it("moves a single timeline into study 1, world 1, and assigns every account to it", async () => {
    const q = (sql: string, params: unknown[] = []) => conn.query(sql, params);
    const seed = (key: string) =>
      q(
        `INSERT INTO Image (prompt, status, resultKey, thumbKey, width, height, provider, model) VALUES ('s', 'SEED', ?, ?, 3, 2, 'bundled', 't')`,
        [key, key],
      );
    const first = Number((await seed("first.png")).insertId);
    const later = Number((await seed("later.png")).insertId);
    await q(`INSERT INTO User (participantId, createdAt) VALUES ('p1', '2026-01-02 10:00:00'), ('p2', '2026-01-03 11:00:00')`);
    await q(
      `INSERT INTO Day (date, status, seedImageId, openedAt) VALUES ('2026-01-02', 'CLOSED', ?, '2026-01-02 00:00:01'), ('2026-01-03', 'OPEN', ?, '2026-01-03 00:00:01')`,
      [first, later],
    );

    await conn.query(await sqlOf(WORLDS));

    const [study] = await q("SELECT id, name, status, startedAt FROM Study");
    expect(study).toMatchObject({ id: 1, name: "Study 1", status: "RUNNING" });
    // It started when its first day opened.
    expect((study.startedAt as Date).toISOString()).toBe("2026-01-02T00:00:01.000Z");
    expect(await q("SELECT id, studyId, position, name, weight, firstSeedImageId, conditions FROM World")).toEqual([
      { id: 1, studyId: 1, position: 1, name: "World 1", weight: 1, firstSeedImageId: first, conditions: null },
    ]);
    expect(await q("SELECT date, worldId FROM Day ORDER BY date")).toMatchObject([{ worldId: 1 }, { worldId: 1 }]);
    const assignments = await q(
      "SELECT u.participantId, a.studyId, a.worldId, a.method, a.createdAt = u.createdAt AS same FROM Assignment a JOIN User u ON u.id = a.userId ORDER BY u.id",
    );
    expect(assignments).toEqual([
      { participantId: "p1", studyId: 1, worldId: 1, method: "MIGRATED", same: 1 },
      { participantId: "p2", studyId: 1, worldId: 1, method: "MIGRATED", same: 1 },
    ]);
    // One day per world and date now, and every day needs its world.
    await expect(q(`INSERT INTO Day (worldId, date, seedImageId) VALUES (1, '2026-01-03', ?)`, [later])).rejects.toThrow(/Duplicate entry/);
    await expect(q(`INSERT INTO Day (date, seedImageId) VALUES ('2026-01-09', ?)`, [later])).rejects.toThrow(/worldId/);
  });
});
