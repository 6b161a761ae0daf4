#!/usr/bin/env node
// `npm run dev`: from a clean clone to http://localhost:3000 with no keys and no cloud account.
// Installs dependencies if needed, makes a local auth secret, starts/migrates the local MariaDB,
// generates Prisma Client, then runs `next dev` (and keeps the image worker built beside it). Files
// go to .data/storage, images come from the offline engine unless OPENAI_API_KEY is set.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { ROOT, ensureDatabaseServer, ensureDependencies, ensureLocalSecret, loadDotenv, log, prisma } from "./lib.mjs";

const DEFAULT_DATABASE_URL = "mysql://root@127.0.0.1:3306/pixelpatchwork";

ensureDependencies();
ensureLocalSecret();
const env = loadDotenv();
const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
await ensureDatabaseServer(url);
log("Generating Prisma Client and applying migrations…");
prisma(["generate"], env);
prisma(["migrate", "deploy"], { ...env, DATABASE_URL: url });

// The image worker runs outside Next's bundles; this keeps it built from the current sources.
const worker = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "watch-image-worker.ts")], {
  stdio: "inherit",
  cwd: ROOT,
});

log("Starting PixelPatchwork on http://localhost:3000");
const next = spawn(process.execPath, [join(ROOT, "node_modules", "next", "dist", "bin", "next"), "dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: ROOT,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => next.kill(sig));
next.on("exit", (code) => {
  worker.kill();
  process.exit(code ?? 0);
});
