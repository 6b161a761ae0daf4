import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { GET } from "./route";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("GET /api/health", () => {
  it("answers 200 when the database and storage answer", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "ok", storage: "ok" });
  });

  it("answers 503 naming storage when the bucket cannot be reached", async () => {
    Object.assign(process.env, { STORAGE_DRIVER: "s3", S3_BUCKET: "health-check", S3_ENDPOINT: "http://127.0.0.1:9", S3_FORCE_PATH_STYLE: "true", S3_ACCESS_KEY_ID: "x", S3_SECRET_ACCESS_KEY: "y" });
    resetEnvForTests();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, database: "ok", storage: "down" });
  });
});
