#!/usr/bin/env node
// Runs the real Prisma CLI. Where Prisma's native schema engine has not been downloaded (machines
// without internet), the CLI is pointed at scripts/schema-engine-offline.mjs, which implements
// the part of the engine that `migrate deploy` uses. A connected deploy runs `prisma` directly.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const enginesDir = join(root, "node_modules", "@prisma", "engines");
const hasRealEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine"));

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasRealEngine) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = join(root, "scripts", "schema-engine-offline.mjs");
}
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";

const cli = join(root, "node_modules", "prisma", "build", "index.js");
const res = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env, cwd: root });
process.exit(res.status ?? 1);
