// Playwright's web server: migrate the run's database, build for production, start.
import { spawn, spawnSync } from "node:child_process";

function step(args) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

step(["scripts/prisma.mjs", "migrate", "deploy"]);
step(["node_modules/next/dist/bin/next", "build"]);
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", process.env.PORT], {
  stdio: "inherit",
  env: process.env,
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
