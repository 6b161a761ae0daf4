import "server-only";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

/** Pool settings from DATABASE_URL, so the app and `prisma migrate` read the same variable. */
function poolConfig(url: string, connectionLimit: number) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    connectionLimit,
    // Dates are stored as UTC; the app converts to its configured zone itself.
    timezone: "Z",
  };
}

function createClient() {
  const env = getEnv();
  const adapter = new PrismaMariaDb(poolConfig(env.DATABASE_URL, env.DATABASE_POOL_SIZE));
  return new PrismaClient({ adapter });
}

// Dev reloads re-evaluate modules; keeping the client on globalThis stops each reload from
// opening another pool. In production the module is evaluated once anyway.
const globalForDb = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

export const db = globalForDb.prisma ?? createClient();
if (getEnv().NODE_ENV !== "production") globalForDb.prisma = db;

export type Db = typeof db;
/** The client inside an interactive transaction. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
