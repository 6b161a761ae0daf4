// Managed MySQL speaks TLS only. A second MariaDB started here with --require-secure-transport=ON
// and a CA of its own (test/tls-mariadb.ts) stands in for it: the same DATABASE_URL must migrate
// the schema (`prisma migrate deploy`, through scripts/prisma.mjs) and run the app, the server
// must refuse plaintext, and the app must refuse a server that cannot do the TLS it was told to use.
import mariadb from "mariadb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrate } from "@/test/db";
import { startTlsMariaDb, type TlsMariaDb } from "@/test/tls-mariadb";
import { parseDatabaseUrl } from "./db-url";
import { resetEnvForTests } from "./env";

let server: TlsMariaDb;
const DB = "pixelpatchwork_tls";
const strict = () => server.url(DB, `sslaccept=strict&sslcert=${encodeURIComponent(server.caFile)}`);

beforeAll(async () => {
  server = await startTlsMariaDb();
  console.log(JSON.stringify({ msg: "TLS MariaDB ready", setupMs: server.setupMs }));
}, 60_000);

afterAll(async () => {
  await dropAppClients();
  await server?.stop();
});

type Clients = { pool: { end(): Promise<void> }; prisma: { $disconnect(): Promise<void> } };

/** lib/server/db keeps its clients on globalThis outside production; a new DATABASE_URL needs new ones. */
async function dropAppClients() {
  const g = globalThis as unknown as { dbClients?: Clients };
  if (g.dbClients) {
    await g.dbClients.prisma.$disconnect().catch(() => undefined);
    await g.dbClients.pool.end().catch(() => undefined);
    delete g.dbClients;
  }
}

/** The app's modules, freshly loaded against `url`: the database client and the health route. */
async function appWith(url: string) {
  await dropAppClients();
  process.env.DATABASE_URL = url;
  resetEnvForTests();
  vi.resetModules();
  const [dbModule, health] = await Promise.all([import("./db"), import("@/app/api/health/route")]);
  return { ...dbModule, health: health.GET };
}

async function healthOf(get: () => Promise<Response>) {
  const res = await get();
  return { status: res.status, body: (await res.json()) as { ok: boolean; database: string; reasons?: { database?: string } } };
}

describe("a TLS-only MariaDB", () => {
  it("is migrated by `prisma migrate deploy` over the URL the app uses", async () => {
    migrate(strict());
    const conn = await mariadb.createConnection(parseDatabaseUrl(strict()).connection);
    try {
      const rows = (await conn.query("SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL")) as { n: bigint }[];
      expect(Number(rows[0]!.n)).toBeGreaterThanOrEqual(6);
      const [tls] = (await conn.query("SHOW SESSION STATUS LIKE 'Ssl_version'")) as { Value: string }[];
      expect(tls?.Value).toMatch(/^TLSv1\.[23]$/);
    } finally {
      await conn.end();
    }
  });

  it("serves the app over verified TLS: Prisma, raw transactions and the health check", async () => {
    const app = await appWith(strict());
    expect(await app.db.user.count()).toBe(0);
    const version = await app.rawTransaction(
      async (conn) => ((await conn.query("SHOW SESSION STATUS LIKE 'Ssl_version'")) as { Value: string }[])[0]?.Value,
    );
    expect(version).toMatch(/^TLSv1\.[23]$/);
    const health = await healthOf(app.health);
    expect(health).toMatchObject({ status: 200, body: { ok: true, database: "ok" } });
  });

  it("refuses a plaintext login (the server's side of the bargain)", async () => {
    const plain = server.url(DB);
    await expect(mariadb.createConnection(parseDatabaseUrl(plain).connection)).rejects.toMatchObject({ code: "ER_ACCESS_DENIED_ERROR" });
    expect(() => migrate(plain)).toThrow();
  });

  it("is refused by the app when the CA in the URL did not sign its certificate", async () => {
    const app = await appWith(server.url(DB, `sslaccept=strict&sslcert=${encodeURIComponent(server.otherCaFile)}`));
    const health = await healthOf(app.health);
    expect(health.status).toBe(503);
    expect(health.body.reasons?.database).toMatch(/TLS certificate could not be verified \(ER_SELF_SIGNED\): set sslcert/);
  });
});

describe("a TLS URL against a server without TLS", () => {
  it("is refused by the app with a clear message, never downgraded to plaintext", async () => {
    // pool_timeout=2: a query waits two seconds for a connection, not the default ten.
    const url = `${process.env.TEST_DATABASE_SERVER_URL || "mysql://root@127.0.0.1:3306"}/mysql?sslaccept=strict&pool_timeout=2`;
    await expect(mariadb.createConnection(parseDatabaseUrl(url).connection)).rejects.toMatchObject({ code: "ER_SERVER_SSL_DISABLED" });
    const app = await appWith(url);
    const health = await healthOf(app.health);
    expect(health).toMatchObject({ status: 503, body: { ok: false, database: "down" } });
    expect(health.body.reasons?.database).toBe(
      "DATABASE_URL asks for TLS but the server does not offer it; the app will not fall back to plaintext.",
    );
    // No query ever runs: the pool never completed a connection, so it gives up after pool_timeout.
    const started = Date.now();
    await expect(app.db.$queryRaw`SELECT 1`).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
