// The URL arguments Prisma documents for MySQL (prisma.io/docs, "MySQL/MariaDB" > "Arguments"),
// read into driver settings the same way for the app's pool and the offline migration engine.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseUrlError, parseDatabaseUrl, poolConfig, redactDatabaseUrl, URL_ARGUMENTS } from "./db-url";

const dir = mkdtempSync(path.join(tmpdir(), "pp-db-url-"));
const ca = path.join(dir, "ca.pem");
writeFileSync(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
const pfx = path.join(dir, "client.p12");
writeFileSync(pfx, Buffer.from([0x30, 0x82, 0x01, 0x02]));
mkdirSync(path.join(dir, "prisma"));
writeFileSync(path.join(dir, "prisma", "rel-ca.pem"), "relative CA");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = "mysql://app:s%40cret@db.example.com:3307/pixel";

function refusal(url: string): string {
  try {
    parseDatabaseUrl(url);
  } catch (err) {
    expect(err).toBeInstanceOf(DatabaseUrlError);
    return (err as Error).message;
  }
  throw new Error(`expected ${url} to be refused`);
}

describe("parseDatabaseUrl", () => {
  it("reads host, port, credentials and database, with Prisma's 5 s connect timeout and no TLS", () => {
    const { connection, pool, tls } = parseDatabaseUrl(base);
    expect(connection).toEqual({
      host: "db.example.com",
      port: 3307,
      user: "app",
      password: "s@cret",
      database: "pixel",
      connectTimeout: 5000,
    });
    expect(pool).toEqual({});
    expect(tls).toBe("off");
  });

  it("sslaccept=strict with sslcert verifies against that CA (the managed-database case the old parser dropped)", () => {
    const { connection, tls } = parseDatabaseUrl(`${base}?sslaccept=strict&sslcert=${encodeURIComponent(ca)}`);
    expect(tls).toBe("verify");
    expect(connection.ssl).toEqual({ rejectUnauthorized: true, ca: expect.stringContaining("BEGIN CERTIFICATE") });
  });

  it("ssl=true is verified TLS against the system's CAs", () => {
    const { connection, tls } = parseDatabaseUrl(`${base}?ssl=true`);
    expect(tls).toBe("verify");
    expect(connection.ssl).toEqual({ rejectUnauthorized: true });
  });

  it("sslaccept=accept_invalid_certs encrypts without verifying; a CA file alone still verifies", () => {
    expect(parseDatabaseUrl(`${base}?sslaccept=accept_invalid_certs`)).toMatchObject({
      tls: "accept-invalid",
      connection: { ssl: { rejectUnauthorized: false } },
    });
    expect(parseDatabaseUrl(`${base}?sslcert=${encodeURIComponent(ca)}`)).toMatchObject({
      tls: "verify",
      connection: { ssl: { rejectUnauthorized: true } },
    });
  });

  it("sslidentity and sslpassword give a PKCS#12 client certificate", () => {
    const { connection } = parseDatabaseUrl(`${base}?sslaccept=strict&sslidentity=${encodeURIComponent(pfx)}&sslpassword=p%26w`);
    expect(connection.ssl?.pfx?.equals(Buffer.from([0x30, 0x82, 0x01, 0x02]))).toBe(true);
    expect(connection.ssl?.passphrase).toBe("p&w");
  });

  it("resolves relative certificate paths against ./prisma, as Prisma does", () => {
    const { connection } = parseDatabaseUrl(`${base}?sslcert=rel-ca.pem`, { baseDir: path.join(dir, "prisma") });
    expect(connection.ssl?.ca).toBe("relative CA");
  });

  it("maps the timeouts (seconds) and the pool size", () => {
    const { connection, pool } = parseDatabaseUrl(`${base}?connect_timeout=12&socket_timeout=30&pool_timeout=20&connection_limit=4`);
    expect(connection).toMatchObject({ connectTimeout: 12_000, socketTimeout: 30_000 });
    expect(pool).toEqual({ connectionLimit: 4, acquireTimeout: 20_000 });
    // 0 is Prisma's "no timeout".
    expect(parseDatabaseUrl(`${base}?connect_timeout=0&pool_timeout=0`)).toMatchObject({
      connection: { connectTimeout: 0 },
      pool: { acquireTimeout: 2_147_483_647 },
    });
  });

  it("takes a Unix socket", () => {
    expect(parseDatabaseUrl(`${base}?socket=%2Frun%2Fmysqld%2Fmysqld.sock`).connection.socketPath).toBe("/run/mysqld/mysqld.sock");
  });

  it.each([
    ["an unknown argument, named", `${base}?sslmode=require`, /unknown argument "sslmode" \(supported: sslaccept/],
    ["a misspelt TLS argument", `${base}?sslacept=strict`, /unknown argument "sslacept"/],
    ["a bad sslaccept", `${base}?sslaccept=always`, /sslaccept must be "strict" or "accept_invalid_certs"/],
    ["ssl other than true", `${base}?ssl=false`, /ssl must be "true"/],
    ["ssl=true against accept_invalid_certs", `${base}?ssl=true&sslaccept=accept_invalid_certs`, /contradict/],
    [
      "a CA file that is not there",
      `${base}?sslcert=%2Fno%2Fsuch%2Fca.pem`,
      /sslcert names \/no\/such\/ca\.pem, which cannot be read \(ENOENT\)/,
    ],
    ["sslpassword without sslidentity", `${base}?sslpassword=x`, /sslpassword only applies with sslidentity/],
    ["a repeated argument", `${base}?connect_timeout=5&connect_timeout=6`, /"connect_timeout" more than once/],
    ["a word for a timeout", `${base}?socket_timeout=soon`, /socket_timeout must be a whole number of seconds/],
    ["a negative pool size", `${base}?connection_limit=-1`, /connection_limit must be a whole number from 1/],
    ["another scheme", "postgres://u@h/db", /must start with mysql:\/\//],
  ])("refuses %s", (_label, url, message) => {
    expect(refusal(url)).toMatch(message);
  });

  it("never puts the password in a refusal", () => {
    expect(refusal("mysql://u:hunter2secret@h/db?nope=1")).not.toContain("hunter2secret");
    expect(redactDatabaseUrl("mysql://u:hunter2secret@h/db")).toBe("mysql://u:****@h/db");
  });

  it("lists exactly the arguments it supports", () => {
    expect([...URL_ARGUMENTS].sort()).toEqual([
      "connect_timeout",
      "connection_limit",
      "pool_timeout",
      "socket",
      "socket_timeout",
      "ssl",
      "sslaccept",
      "sslcert",
      "sslidentity",
      "sslpassword",
    ]);
  });
});

describe("the app's pool settings", () => {
  const env = { DATABASE_POOL_SIZE: 10, DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL: false };

  it("carry the URL's TLS and timeouts to the driver, and connection_limit over DATABASE_POOL_SIZE", () => {
    const config = poolConfig({
      ...env,
      DATABASE_URL: `${base}?sslaccept=strict&sslcert=${encodeURIComponent(ca)}&connection_limit=3&pool_timeout=7`,
    });
    expect(config).toMatchObject({
      host: "db.example.com",
      ssl: { rejectUnauthorized: true },
      connectionLimit: 3,
      acquireTimeout: 7000,
      connectTimeout: 5000,
    });
    expect(poolConfig({ ...env, DATABASE_URL: base }).connectionLimit).toBe(10);
  });

  it("fetch the server's RSA key for caching_sha2_password only when explicitly allowed", () => {
    expect(poolConfig({ ...env, DATABASE_URL: base }).allowPublicKeyRetrieval).toBe(false);
    expect(poolConfig({ ...env, DATABASE_URL: base, DATABASE_ALLOW_PUBLIC_KEY_RETRIEVAL: true }).allowPublicKeyRetrieval).toBe(true);
  });
});
