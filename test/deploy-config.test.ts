// vercel.json as Vercel reads it: known keys only, every cron pointing at a GET route that exists
// with a valid schedule, and functions given long enough for a generation.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseEnv } from "@/lib/server/env";

const cronField = (min: number, max: number) =>
  z
    .string()
    .regex(/^(\*|\d+(-\d+)?)(\/\d+)?(,(\*|\d+(-\d+)?)(\/\d+)?)*$/)
    .refine((f) => (f.match(/\d+/g) ?? []).every((n) => Number(n) >= min && Number(n) <= max));
const schedule = z.string().refine((s) => {
  const parts = s.split(" ");
  const ranges: [number, number][] = [
    [0, 59],
    [0, 23],
    [1, 31],
    [1, 12],
    [0, 6],
  ];
  return parts.length === 5 && parts.every((p, i) => cronField(...ranges[i]!).safeParse(p).success);
}, "must be a five-field cron expression");

const vercelSchema = z
  .object({
    $schema: z.string().url(),
    buildCommand: z.string().min(1),
    crons: z.array(z.object({ path: z.string().startsWith("/"), schedule }).strict()).min(1),
    functions: z.record(z.string(), z.object({ maxDuration: z.number().int().min(1).max(800) }).strict()),
  })
  .strict();

describe("vercel.json", () => {
  const config = vercelSchema.parse(JSON.parse(readFileSync("vercel.json", "utf8")));

  it("schedules the rollover on a route that exists and answers GET", () => {
    expect(config.crons.map((c) => c.path)).toContain("/api/cron/rollover");
    for (const cron of config.crons) {
      const file = `app${cron.path}/route.ts`;
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, "utf8")).toMatch(/export async function GET\(/);
    }
  });

  it("gives functions long enough for a generation at each engine's default timeout", () => {
    const longest = Math.max(...Object.values(config.functions).map((f) => f.maxDuration));
    expect(longest * 1000).toBeGreaterThan(parseEnv({}).OPENAI_TIMEOUT_MS + 30_000);
    expect(longest * 1000).toBeGreaterThan(parseEnv({}).SDWEBUI_TIMEOUT_MS + 30_000);
    expect(Object.keys(config.functions)).toContain("app/**/*");
  });

  it("migrates the database before building", () => {
    expect(config.buildCommand).toMatch(/^prisma migrate deploy && npm run build$/);
  });
});

describe("package.json scripts", () => {
  const scripts = z.object({ scripts: z.record(z.string(), z.string()) }).parse(JSON.parse(readFileSync("package.json", "utf8"))).scripts;

  it("never run a bare `prisma` command, which downloads an engine and fails offline", () => {
    // scripts/prisma.mjs runs the same CLI, pointing it at the offline engine when the real one
    // cannot be downloaded. (vercel.json's `prisma migrate deploy` runs where it can download.)
    for (const [name, command] of Object.entries(scripts)) {
      expect(command, name).not.toMatch(/(^|&&\s*|;\s*)prisma\s/);
    }
    expect(scripts.build).toMatch(/^node scripts\/prisma\.mjs generate && next build$/);
  });
});
