#!/usr/bin/env node
// What the machine itself must provide: MariaDB for `npm run dev` and `npm test`, Chromium and a
// TLS proxy (nginx) for the end-to-end tests. One module for `npm run dev`, `npm test` and .ci/run:
// run as root on Debian it installs and starts what is missing; anywhere else it stops with the
// exact commands to run. Plain Node with no dependencies: .ci/run calls it before `npm ci`.
//   node scripts/system.mjs dev|test
import { execSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { fileURLToPath } from "node:url";

const MARIADBD = "/usr/sbin/mariadbd";
const LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"];

const say = (msg) => process.stdout.write(`\x1b[35m▸\x1b[0m ${msg}\n`);

/** The machine as far as setting up MariaDB goes. */
export function probeMachine() {
  return {
    isRoot: process.getuid?.() === 0,
    hasApt: existsSync("/usr/bin/apt-get"),
    installed: existsSync(MARIADBD),
  };
}

/**
 * What to do about the database server named by `url`, given whether it answers and the machine.
 * Pure, so that every branch is tested: "none", "start", "install" (then start and open root to
 * TCP), or "instructions" with the exact commands for a person to run.
 */
export function planDatabase({ url, reachable, installed, isRoot, hasApt }) {
  const u = new URL(url);
  const where = `${u.hostname}:${u.port || 3306}`;
  if (reachable) return { action: "none" };
  if (!LOCAL_HOSTS.includes(u.hostname)) {
    return {
      action: "instructions",
      message: `MariaDB/MySQL is not reachable at ${where}. Start it, or point DATABASE_URL at a server that runs.`,
      commands: [],
    };
  }
  const start = [
    "mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld",
    `start-stop-daemon --start --oknodo --background --exec ${MARIADBD} -- --user=mysql`,
  ];
  if (installed && isRoot) return { action: "start" };
  if (!installed && isRoot && hasApt) return { action: "install" };
  const sudo = (c) => `sudo sh -c '${c}'`;
  if (installed) {
    return {
      action: "instructions",
      message: `MariaDB is installed but not running at ${where}. Start it (as root):`,
      commands: start.map(sudo),
    };
  }
  if (hasApt) {
    return {
      action: "instructions",
      message: `MariaDB is not installed. Install and start it (as root), then let root in over TCP with no password (local development only):`,
      commands: [
        "sudo apt-get update && sudo apt-get install -y mariadb-server",
        ...start.map(sudo),
        `sudo mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"`,
      ],
    };
  }
  return {
    action: "instructions",
    message: "MariaDB is not installed. Install MariaDB 10.11+ or MySQL 8 with your package manager and start it, e.g.:",
    commands: ["brew install mariadb && brew services start mariadb   # macOS", "or set DATABASE_URL to a server you have"],
  };
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host: host.replace(/^\[(.*)\]$/, "$1"), port, timeout: 1500 }, () => {
      s.end();
      resolve(true);
    });
    s.on("error", () => resolve(false));
    s.on("timeout", () => {
      s.destroy();
      resolve(false);
    });
  });
}

async function waitForPort(host, port, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await canConnect(host, port)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

export function aptInstall(packages) {
  say(`Installing ${packages.join(", ")} from Debian's packages…`);
  const res = spawnSync("sh", ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(" ")}`], {
    stdio: "inherit",
  });
  if (res.status !== 0) throw new Error(`apt-get install ${packages.join(" ")} failed`);
}

function startMariaDb() {
  say("Starting the local MariaDB…");
  execSync("mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld", { stdio: "inherit", shell: "/bin/sh" });
  execSync(`start-stop-daemon --start --oknodo --background --exec ${MARIADBD} -- --user=mysql`, { stdio: "inherit" });
}

/** Makes sure the MariaDB named by the URL answers: installs and starts it where it may, else says how. */
export async function ensureDatabaseServer(url) {
  const u = new URL(url);
  const port = Number(u.port || 3306);
  const reachable = await canConnect(u.hostname, port);
  const plan = planDatabase({ url, reachable, ...probeMachine() });
  if (plan.action === "none") return;
  if (plan.action === "instructions") throw new Error([plan.message, ...plan.commands.map((c) => `  ${c}`)].join("\n"));
  if (plan.action === "install") aptInstall(["mariadb-server"]);
  startMariaDb();
  if (!(await waitForPort(u.hostname, port, 60))) throw new Error(`MariaDB did not start listening on ${u.hostname}:${port}`);
  if (plan.action === "install") {
    // A fresh install lets root in only over the socket; the app and the tests connect over TCP.
    execSync(`mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"`, {
      stdio: "inherit",
    });
  }
}

/** Chromium (the browser the end-to-end tests drive) and nginx (their TLS proxy). */
export function ensureTestTools() {
  const missing = [
    ...(existsSync("/usr/bin/chromium") ? [] : ["chromium", "fonts-dejavu-core"]),
    ...(existsSync("/usr/sbin/nginx") ? [] : ["nginx-light"]),
  ];
  if (missing.length === 0) return;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) return aptInstall(missing);
  throw new Error(`The end-to-end tests need ${missing.join(", ")}: install them with\n  sudo apt-get install -y ${missing.join(" ")}`);
}

// `node scripts/system.mjs dev|test`, for .ci/run (before `npm ci`, so no dependencies here).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? "test";
  try {
    await ensureDatabaseServer(process.env.TEST_DATABASE_SERVER_URL || process.env.DATABASE_URL || "mysql://root@127.0.0.1:3306");
    if (what === "test") ensureTestTools();
    say("System packages and MariaDB are ready.");
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
