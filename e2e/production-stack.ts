// The deployment the README recommends, on loopback: two `next start` instances of the same build
// behind nginx terminating TLS (round-robin), a TLS-only MariaDB, and S3 as a strict SigV4 front
// over s3rver behind https, with an object-only key. Everything is started here and stopped by
// stop(); the build is the one the main e2e server made.
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { parseDatabaseUrl } from "../lib/server/db-url";
import { PrismaClient } from "../lib/generated/prisma/client";
import { freePort, spawnKept, stopChild } from "../test/processes";
import { OBJECT_ONLY, startStrictS3, type StrictS3 } from "../test/strict-s3";
import { startTlsMariaDb, type TlsMariaDb } from "../test/tls-mariadb";
import { startTlsProxy, type TlsProxy } from "../test/tls-proxy";

export type Instance = { name: "a" | "b"; port: number; child?: ChildProcess; output(): string };

export type ProductionStack = {
  /** https://127.0.0.1:<port>: the public origin, through nginx. */
  origin: string;
  db: PrismaClient;
  databaseUrl: string;
  tls: TlsMariaDb;
  s3: StrictS3;
  proxy: TlsProxy;
  instances: Instance[];
  /** The SPKI hash of the proxy's certificate, for Chromium to trust it. */
  spki: string;
  /** Milliseconds to set up the TLS database, and the whole stack (database, S3, proxy, instances). */
  timings: { tlsDatabaseMs: number; stackMs: number };
  /** (Re)starts both instances with these variables on top of the common ones. */
  startInstances(extra: Record<string, string>): Promise<void>;
  stopInstances(): Promise<void>;
  stop(): Promise<void>;
};

async function waitHealthy(instance: Instance): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (instance.child?.exitCode !== null && instance.child?.exitCode !== undefined)
      throw new Error(`instance ${instance.name} exited:\n${instance.output()}`);
    const status = await fetch(`http://127.0.0.1:${instance.port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`instance ${instance.name} never became healthy:\n${instance.output()}`);
}

export async function startProductionStack(): Promise<ProductionStack> {
  const started = Date.now();
  const tls = await startTlsMariaDb();
  const databaseUrl = tls.url(
    `pixelpatchwork_prod_${randomBytes(3).toString("hex")}`,
    `sslaccept=strict&sslcert=${encodeURIComponent(tls.caFile)}`,
  );
  // `npm run db:migrate`, as operators run it, over the TLS URL.
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "pipe",
  });
  const s3 = await startStrictS3({ policy: OBJECT_ONLY });
  const instances: Instance[] = [
    { name: "a", port: await freePort(), output: () => "" },
    { name: "b", port: await freePort(), output: () => "" },
  ];
  const proxy = await startTlsProxy({
    certFile: tls.certs.certFile,
    keyFile: tls.certs.keyFile,
    apps: { a: instances[0]!.port, b: instances[1]!.port },
    s3Target: Number(new URL(s3.endpoint).port),
  });
  const origin = `https://127.0.0.1:${proxy.appPort}`;
  const db = new PrismaClient({ adapter: new PrismaMariaDb({ ...parseDatabaseUrl(databaseUrl).connection, connectionLimit: 3 }) });
  const secret = `prod-e2e-${randomBytes(16).toString("hex")}`;

  const common: Record<string, string> = {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "5",
    NEXTAUTH_SECRET: secret,
    STORAGE_DRIVER: "s3",
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    // The bucket over https, as a real one is; the app trusts the test CA like a system CA.
    S3_ENDPOINT: `https://127.0.0.1:${proxy.s3Port}`,
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    NODE_EXTRA_CA_CERTS: tls.caFile,
    IMAGE_ENGINE: "offline",
    TRUSTED_PROXY_HOPS: "1",
    CRON_SECRET: "prod-e2e-cron-secret-0123456789",
  };

  async function stopInstances() {
    await Promise.all(instances.map((i) => (i.child ? stopChild(i.child, "SIGTERM", 5_000) : undefined)));
  }

  async function startInstances(extra: Record<string, string>) {
    await stopInstances();
    // Only what the deployment sets: nothing of this test runner's own environment leaks in.
    const base: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...common, ...extra };
    for (const i of instances) {
      const started = spawnKept(
        process.execPath,
        ["node_modules/next/dist/bin/next", "start", "-p", String(i.port), "--keepAliveTimeout", "65000"],
        {
          env: Object.assign({ NODE_ENV: "production" } as NodeJS.ProcessEnv, base, { PORT: String(i.port) }),
        },
      );
      i.child = started.child;
      i.output = started.output;
    }
    await Promise.all(instances.map(waitHealthy));
  }

  return {
    origin,
    db,
    databaseUrl,
    tls,
    s3,
    proxy,
    instances,
    spki: tls.certs.spki,
    timings: { tlsDatabaseMs: tls.setupMs, stackMs: Date.now() - started },
    startInstances,
    stopInstances,
    async stop() {
      await stopInstances();
      await db.$disconnect().catch(() => undefined);
      await proxy.stop().catch(() => undefined);
      await s3.close().catch(() => undefined);
      await tls.stop();
    },
  };
}
