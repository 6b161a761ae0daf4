// A `next start` of the run's build on a database and storage folder of its own, for specs whose
// counts the shared server's open day (which every other spec adds to) would upset.
import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { freePort, spawnKept, stopChild } from "../test/processes";
import { server, type E2EServer } from "./env";
import { testDb } from "./fixtures";

export type OwnServer = { app: E2EServer; stop(): Promise<void> };

/** Migrates a fresh database, starts the server with `env` on top of its own, and opens today's day. */
export async function startOwnServer(name: string, env: Record<string, string> = {}): Promise<OwnServer> {
  const app = server(name, await freePort());
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: app.databaseUrl },
    stdio: "pipe",
  });
  const started = spawnKept(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(app.port)], {
    env: { ...process.env, ...app.serverEnv, ...env },
  });
  for (let i = 0; ; i++) {
    const status = await fetch(`${app.baseURL}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (i > 600 || started.child.exitCode !== null) throw new Error(`the spec's server did not start:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The first page view opens today's day; the page streams, so read it to the end.
  await (await fetch(`${app.baseURL}/`)).text();
  return {
    app,
    async stop() {
      await stopChild(started.child, "SIGTERM", 5_000);
      await testDb(app)
        .$executeRawUnsafe(`DROP DATABASE IF EXISTS \`${app.dbName}\``)
        .catch(() => undefined);
      await testDb(app).$disconnect();
      await rm(app.storageDir, { recursive: true, force: true });
    },
  };
}
