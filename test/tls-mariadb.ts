// A second MariaDB that speaks only TLS, as managed databases do (PlanetScale, TiDB Cloud, Aiven,
// RDS with require_secure_transport): a CA and a server certificate made here with openssl, a
// fresh data directory, `--require-secure-transport=ON`, a user with a password. Plain Node, no
// test-runner imports, so Vitest and Playwright both start it. Loopback only; about a second.
import { execFileSync, type ChildProcess } from "node:child_process";
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, spawnKept, stopChild } from "./processes";
import { makeTestCertificates, type TestCertificates } from "./tls-certs";

export type TlsMariaDb = {
  port: number;
  /** PEM of the CA that signed the server's certificate. */
  caFile: string;
  /** The CA and the 127.0.0.1 server certificate, for other TLS stand-ins of the same test. */
  certs: TestCertificates;
  /** PEM of a CA that signed nothing the server holds: strict verification against it fails. */
  otherCaFile: string;
  user: string;
  password: string;
  /** A URL for `database` with the given query (e.g. "sslaccept=strict&sslcert=<ca>"). */
  url(database: string, query?: string): string;
  /** Milliseconds from start to accepting connections. */
  setupMs: number;
  stop(): Promise<void>;
};

const MARIADBD = "/usr/sbin/mariadbd";

/** The server runs as mysql when we are root (mariadbd refuses to run as root), else as us. */
function serverUser(): string {
  return process.getuid?.() === 0 ? "mysql" : (process.env.USER ?? "mysql");
}

function chownTree(dir: string, user: string): void {
  if (process.getuid?.() !== 0) return;
  const id = execFileSync("id", ["-u", user]).toString().trim();
  const gid = execFileSync("id", ["-g", user]).toString().trim();
  const walk = (p: string) => {
    chownSync(p, Number(id), Number(gid));
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f));
  };
  walk(dir);
}

function socketQuery(sock: string, sql: string): void {
  execFileSync("mariadb", ["--no-defaults", `--socket=${sock}`, "-uroot", "-e", sql], { stdio: "pipe" });
}

async function waitReady(sock: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the TLS MariaDB exited with ${child.exitCode}:\n${log()}`);
    try {
      socketQuery(sock, "SELECT 1");
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`the TLS MariaDB did not start:\n${log()}`);
}

/** Starts a TLS-only MariaDB on a free loopback port with a user `app` who has every privilege. */
export async function startTlsMariaDb(): Promise<TlsMariaDb> {
  const started = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), "pp-tls-mariadb-"));
  const certs = makeTestCertificates(dir);
  const user = serverUser();
  // The server user must own the folder (mkdtemp makes it root's, mode 0700) and read the keys.
  mkdirSync(path.join(dir, "data"));
  chownTree(dir, user);
  try {
    execFileSync(
      "mariadb-install-db",
      [
        "--no-defaults",
        `--user=${user}`,
        `--datadir=${path.join(dir, "data")}`,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
      ],
      { stdio: "pipe" },
    );
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
    throw new Error(`mariadb-install-db failed: ${stderr.slice(0, 2000)}`);
  }
  const port = await freePort();
  const sock = path.join(dir, "sock");
  const { child, output } = spawnKept(MARIADBD, [
    "--no-defaults",
    `--user=${user}`,
    `--datadir=${path.join(dir, "data")}`,
    `--port=${port}`,
    "--bind-address=127.0.0.1",
    `--socket=${sock}`,
    `--pid-file=${path.join(dir, "pid")}`,
    `--ssl-ca=${certs.caFile}`,
    `--ssl-cert=${certs.certFile}`,
    `--ssl-key=${certs.keyFile}`,
    "--require-secure-transport=ON",
    "--skip-log-bin",
    "--skip-name-resolve",
    "--innodb-buffer-pool-size=32M",
  ]);
  // Throwaway data: no clean shutdown to wait for.
  const stop = async () => {
    await stopChild(child, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(sock, child, output);
    // The socket counts as a secure transport; over TCP only TLS gets in.
    socketQuery(sock, "CREATE USER 'app'@'%' IDENTIFIED BY 'tls-only-pass'; GRANT ALL PRIVILEGES ON *.* TO 'app'@'%'");
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    port,
    caFile: certs.caFile,
    certs,
    otherCaFile: certs.otherCaFile,
    user: "app",
    password: "tls-only-pass",
    url: (database, query) => `mysql://app:tls-only-pass@127.0.0.1:${port}/${database}${query ? `?${query}` : ""}`,
    setupMs: Date.now() - started,
    stop,
  };
}
