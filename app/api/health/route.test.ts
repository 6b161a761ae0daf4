import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { OBJECT_ONLY, startStrictS3, type StrictS3 } from "@/test/strict-s3";
import { GET } from "./route";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

let s3: StrictS3;
beforeAll(async () => {
  s3 = await startStrictS3({ policy: OBJECT_ONLY });
});
afterAll(async () => {
  await s3?.close();
});

function useStrictS3() {
  Object.assign(process.env, {
    STORAGE_DRIVER: "s3",
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
  });
  resetEnvForTests();
}

describe("GET /api/health", () => {
  it("answers 200 when the database and storage answer", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "ok", storage: "ok" });
  });

  it("answers 200 with a least-privilege key: object permissions only, no s3:ListBucket", async () => {
    s3.setPolicy(OBJECT_ONLY);
    useStrictS3();
    const res = await GET();
    expect(await res.json()).toEqual({ ok: true, database: "ok", storage: "ok" });
    expect(res.status).toBe(200);
  });

  it("answers 503 naming storage when the key may not read objects", async () => {
    s3.setPolicy({ allow: ["s3:PutObject", "s3:DeleteObject", "s3:ListBucket"] });
    useStrictS3();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: "ok", storage: "down" });
  });

  it("answers 503 naming storage when the bucket cannot be reached", async () => {
    Object.assign(process.env, {
      STORAGE_DRIVER: "s3",
      S3_BUCKET: "health-check",
      S3_ENDPOINT: "http://127.0.0.1:9",
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: "x",
      S3_SECRET_ACCESS_KEY: "y",
    });
    resetEnvForTests();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: "ok", storage: "down" });
  });
});
