// Shared by the run, test and CI scripts: plain Node, no dependencies, so they work on a clean
// clone before `npm ci` has run.
import { execSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export function log(msg) {
  process.stdout.write(`\x1b[35m▸\x1b[0m ${msg}\n`);
}

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT, ...opts });
  if (res.status !== 0 && !opts.allowFail) {
    throw new Error(`${cmd} ${args.join(" ")} exited with ${res.status ?? res.signal}`);
  }
  return res.status ?? 1;
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const lock = join(ROOT, "package-lock.json");
  const marker = join(ROOT, "node_modules", ".package-lock.json");
  if (existsSync(marker) && readFileSync(marker, "utf8").length > 0 && existsSync(join(ROOT, "node_modules", "next"))) return;
  log("Installing dependencies (npm ci)…");
  run("npm", [existsSync(lock) ? "ci" : "install", "--no-audit", "--no-fund"]);
}

/** Variables from .env and .env.local (as Next.js reads them), under the real environment. */
export function loadDotenv() {
  const out = {};
  for (const f of [".env", ".env.local"]) {
    const p = join(ROOT, f);
    if (existsSync(p)) Object.assign(out, parseEnv(readFileSync(p, "utf8")));
  }
  return { ...out, ...process.env };
}

/** Development only: a NEXTAUTH_SECRET of its own in the ignored .env.local, made once. */
export function ensureLocalSecret() {
  const p = join(ROOT, ".env.local");
  const text = existsSync(p) ? readFileSync(p, "utf8") : "";
  if (/^NEXTAUTH_SECRET=.+/m.test(text) || process.env.NEXTAUTH_SECRET) return;
  const line = `# Generated on first run for local development; never commit this file.\nNEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}\n`;
  writeFileSync(p, text + (text && !text.endsWith("\n") ? "\n" : "") + line);
  log("Wrote a local NEXTAUTH_SECRET to .env.local");
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 1500 }, () => {
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

/** Makes sure the MariaDB named by the URL answers; starts the local server if it is down. */
export async function ensureDatabaseServer(url) {
  const u = new URL(url);
  const host = u.hostname;
  const port = Number(u.port || 3306);
  if (await canConnect(host, port)) return;
  const local = ["127.0.0.1", "localhost", "::1"].includes(host);
  if (!local || !existsSync("/usr/sbin/mariadbd")) {
    throw new Error(`MariaDB/MySQL is not reachable at ${host}:${port}. Start it, or set DATABASE_URL.`);
  }
  log("Starting the local MariaDB…");
  execSync("mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true", { stdio: "inherit", shell: "/bin/sh" });
  execSync("start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql", { stdio: "inherit" });
  for (let i = 0; i < 60; i++) {
    if (await canConnect(host, port)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`MariaDB did not start listening on ${host}:${port}`);
}

export function prisma(args, env) {
  run(process.execPath, [join(ROOT, "scripts", "prisma.mjs"), ...args], { env });
}
