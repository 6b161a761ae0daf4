#!/usr/bin/env node
// The executable the Prisma CLI runs as its schema engine on machines that cannot download the
// real one (scripts/prisma.mjs points PRISMA_SCHEMA_ENGINE_BINARY here). The engine itself is
// TypeScript, so that it reads DATABASE_URL with the app's own parser (lib/server/db-url.ts): one URL,
// TLS and timeouts included, means the same connection for migrations and the app.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const res = spawnSync(
  process.execPath,
  ["--import", import.meta.resolve("tsx"), join(here, "schema-engine-offline.ts"), ...process.argv.slice(2)],
  {
    stdio: "inherit",
  },
);
process.exit(res.status ?? 1);
