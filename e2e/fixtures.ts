// Test helpers: seed through Prisma on the run's own database, sign in through the app itself.
import { randomBytes } from "node:crypto";
import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import type { APIRequestContext } from "@playwright/test";
import { PrismaClient } from "../lib/generated/prisma/client";
import { E2E } from "./env";

let client: PrismaClient | undefined;

/** Prisma on the e2e database (never anything but the local throwaway one). */
export function testDb(): PrismaClient {
  const u = new URL(E2E.databaseUrl);
  if (!["127.0.0.1", "localhost"].includes(u.hostname)) throw new Error("e2e tests only run against a local database");
  client ??= new PrismaClient({
    adapter: new PrismaMariaDb({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      database: u.pathname.slice(1),
      connectionLimit: 3,
    }),
  });
  return client;
}

/** A participant id no other test uses. */
export function uniqueId(prefix = "p"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

/**
 * Signs in through next-auth's own endpoints with the page's request client, so the session
 * cookie lands in the same browser context the page uses. Returns the HTTP status.
 */
export async function signInAs(request: APIRequestContext, participantId: string): Promise<number> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/participant", {
    form: { csrfToken, participantId, json: "true", callbackUrl: E2E.baseURL },
  });
  return res.status();
}
