// The S3 driver against the strict S3 front (test/strict-s3.ts): every request is SigV4-verified
// as S3 verifies it and a policy is enforced as IAM would, so these tests show what AWS itself
// would accept, including with a least-privilege, object-only key.
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FULL_ACCESS, OBJECT_ONLY, startStrictS3, type StrictS3 } from "@/test/strict-s3";
import { IMMUTABLE_CACHE_CONTROL, StorageKeyError } from "./keys";
import { createS3Storage, type S3StorageOptions } from "./s3";

let s3: StrictS3;
let options: S3StorageOptions;

beforeAll(async () => {
  // A temporary key beside the long-term one, whose session has already ended.
  s3 = await startStrictS3({
    credentials: [
      { accessKeyId: "AKIASTRICTFRONT00001", secretAccessKey: "strict-front-secret-0001" },
      { accessKeyId: "ASIASTRICTFRONT00002", secretAccessKey: "strict-front-secret-0002", sessionToken: "session-2", sessionExpiresAt: 0 },
    ],
  });
  options = { bucket: s3.bucket, region: s3.region, endpoint: s3.endpoint, credentials: s3.credentials };
});
afterAll(async () => {
  await s3?.close();
});
beforeEach(() => {
  s3.setPolicy(FULL_ACCESS);
  s3.resetStats();
});

async function errorName(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "resolved",
    (e: unknown) => (e instanceof Error ? e.name : String(e)),
  );
}

describe("createS3Storage", () => {
  it("puts, gets and deletes objects", async () => {
    const storage = createS3Storage(options);
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    await storage.put("patches/a.png", body);

    expect(await storage.get("patches/a.png")).toEqual({ body, contentType: "image/png" });

    await storage.delete("patches/a.png");
    expect(await storage.get("patches/a.png")).toBeNull();
  });

  it("stores an explicit content type, a year-long immutable Cache-Control, and overwrites", async () => {
    const storage = createS3Storage(options);
    await storage.put("blob", Buffer.from("one"), "image/webp");
    await storage.put("blob", Buffer.from("two"), "image/webp");
    expect(await storage.get("blob")).toEqual({ body: Buffer.from("two"), contentType: "image/webp" });

    const raw = new S3Client({ region: s3.region, endpoint: s3.endpoint, credentials: s3.credentials });
    const head = await raw.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "blob" }));
    expect(head.CacheControl).toBe(IMMUTABLE_CACHE_CONTROL);
    raw.destroy();
  });

  it("returns null for a missing key and deletes missing keys without error", async () => {
    const storage = createS3Storage(options);
    expect(await storage.get("missing/key.png")).toBeNull();
    await expect(storage.delete("missing/key.png")).resolves.toBeUndefined();
  });

  it("uses the public base URL when one is configured, and reports its origin", async () => {
    const storage = createS3Storage({ ...options, publicBaseUrl: "https://cdn.example.com/art/" });
    expect(await storage.url("patches/a.png")).toBe("https://cdn.example.com/art/patches/a.png");
    expect(await storage.origins()).toEqual(["https://cdn.example.com"]);
  });

  it("refuses bad keys before making any request", async () => {
    const storage = createS3Storage(options);
    for (const key of ["../x.png", "a/../b", "/etc/passwd", "a//b", "a\\b", "%2e%2e/x", "a b", ""]) {
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(StorageKeyError);
      await expect(storage.get(key)).rejects.toThrow(StorageKeyError);
      await expect(storage.delete(key)).rejects.toThrow(StorageKeyError);
      await expect(storage.url(key)).rejects.toThrow(StorageKeyError);
    }
    expect(s3.stats.requests).toBe(0);
  });
});

describe("createS3Storage with a least-privilege key", () => {
  it("check() passes with object permissions only, writing its health object once", async () => {
    s3.setPolicy(OBJECT_ONLY);
    const storage = createS3Storage(options);
    await expect(storage.check()).resolves.toBeUndefined();
    await expect(storage.check()).resolves.toBeUndefined();
    // A fresh process finds the object there: one GET per check from then on.
    s3.resetStats();
    await createS3Storage(options).check();
    expect(s3.stats).toMatchObject({ requests: 1, objectGets: 1, rejected: 0 });
  });

  it("get() of a missing object is null although S3 answers 403 without s3:ListBucket", async () => {
    s3.setPolicy(OBJECT_ONLY);
    const storage = createS3Storage(options);
    expect(await storage.get("days/2026-01-01/none/result.png")).toBeNull();
    await storage.put("days/2026-01-01/one/result.png", Buffer.from("png"));
    expect((await storage.get("days/2026-01-01/one/result.png"))?.body.toString()).toBe("png");
  });

  it("never mistakes a refusal for a missing object", async () => {
    await createS3Storage(options).put("exists.png", Buffer.from("x"));
    // A policy that denies GetObject altogether: the health object cannot be read either.
    s3.setPolicy({ allow: ["s3:PutObject", "s3:DeleteObject"] });
    const denied = createS3Storage(options);
    expect(await errorName(denied.get("exists.png"))).toBe("AccessDenied");
    expect(await errorName(denied.get("missing.png"))).toBe("AccessDenied");
    expect(await errorName(denied.check())).toBe("AccessDenied");

    s3.setPolicy(OBJECT_ONLY);
    const wrongSecret = createS3Storage({ ...options, credentials: { ...s3.credentials, secretAccessKey: "wrong" } });
    expect(await errorName(wrongSecret.get("missing.png"))).toBe("SignatureDoesNotMatch");
    const unknownKey = createS3Storage({ ...options, credentials: { accessKeyId: "AKIANOSUCHKEY0000000", secretAccessKey: "x" } });
    expect(await errorName(unknownKey.get("missing.png"))).toBe("InvalidAccessKeyId");
    const endedSession = createS3Storage({
      ...options,
      credentials: { accessKeyId: "ASIASTRICTFRONT00002", secretAccessKey: "strict-front-secret-0002", sessionToken: "session-2" },
    });
    expect(await errorName(endedSession.get("missing.png"))).toBe("ExpiredToken");
  });

  it("check() fails for a bucket that does not exist", async () => {
    expect(await errorName(createS3Storage({ ...options, bucket: "no-such-bucket" }).check())).toBe("NoSuchBucket");
  });
});
