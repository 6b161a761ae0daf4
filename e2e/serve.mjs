// Playwright's web servers. The first migrates its database, builds for production and starts;
// the second (--reuse-build) waits for the first to be up, so they never build at once, and
// (--open-yesterday) starts its history with a day that has already ended.
import { spawn, spawnSync } from "node:child_process";

const args = new Set(process.argv.slice(2));

function step(cmd) {
  const r = spawnSync(process.execPath, cmd, { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function waitFor(url) {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

step(["scripts/prisma.mjs", "migrate", "deploy"]);
if (args.has("--reuse-build")) await waitFor(process.env.E2E_WAIT_FOR);
// `npm run build` itself, as operators run it: it must work on a machine without internet too.
else {
  const r = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (args.has("--open-yesterday")) step(["e2e/open-yesterday.mjs"]);

// Idle keep-alive sockets outlive the tests' pauses: with Node's 5 s default the server may close
// one just as a test's request client reuses it (ECONNRESET). Load balancers want the same.
const server = spawn(
  process.execPath,
  ["node_modules/next/dist/bin/next", "start", "-p", process.env.PORT, "--keepAliveTimeout", "65000"],
  {
    stdio: "inherit",
    env: process.env,
  },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
