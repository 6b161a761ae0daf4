// Shared by the run, test and CI scripts: plain Node, no dependencies, so they work on a clean
// clone before `npm ci` has run.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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

/** Runs a command, showing its output as it comes and keeping a copy; resolves with its status. */
export function runTee(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, ...opts, stdio: ["inherit", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b) => {
      process.stdout.write(b);
      output += b.toString();
    });
    child.stderr.on("data", (b) => {
      process.stderr.write(b);
      output += b.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output }));
  });
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

/** Starts, or on Debian as root installs, the local MariaDB; see scripts/system.mjs. */
export { ensureDatabaseServer } from "./system.mjs";

export function prisma(args, env) {
  run(process.execPath, [join(ROOT, "scripts", "prisma.mjs"), ...args], { env });
}
