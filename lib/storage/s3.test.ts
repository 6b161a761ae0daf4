// Runs the S3 driver against s3rver, a local S3 imitation. s3rver does not verify SigV4
// signatures (or expiry), so these tests show requests and presigned URLs are well formed and
// work end to end, not that AWS would accept the signature.
import { createRequire } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StorageKeyError } from "./keys";
import { createS3Storage, type S3StorageOptions } from "./s3";

/** The slice of s3rver's (untyped, CommonJS) API these tests use. */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (opts: {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
}) => S3rverInstance;
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverConstructor;

const BUCKET = "pixelpatchwork-test";
// s3rver only knows this account; the secret is never checked for SigV4.
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

let server: S3rverInstance | undefined;
let dir: string;
let endpoint: string;
let options: S3StorageOptions;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pp-s3rver-"));
  // Port 0: the OS picks a free port, so parallel runs never collide.
  server = new S3rver({ address: "127.0.0.1", port: 0, directory: dir, silent: true });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  options = { bucket: BUCKET, region: "us-east-1", endpoint, forcePathStyle: true, credentials };

  const admin = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials });
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  admin.destroy();
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("createS3Storage", () => {
  it("puts, gets and deletes objects", async () => {
    const storage = createS3Storage(options);
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    await storage.put("patches/a.png", body);

    expect(await storage.get("patches/a.png")).toEqual({ body, contentType: "image/png" });

    await storage.delete("patches/a.png");
    expect(await storage.get("patches/a.png")).toBeNull();
  });

  it("stores an explicit content type and overwrites", async () => {
    const storage = createS3Storage(options);
    await storage.put("blob", Buffer.from("one"), "image/webp");
    await storage.put("blob", Buffer.from("two"), "image/webp");
    expect(await storage.get("blob")).toEqual({ body: Buffer.from("two"), contentType: "image/webp" });
  });

  it("returns null for a missing key and deletes missing keys without error", async () => {
    const storage = createS3Storage(options);
    expect(await storage.get("missing/key.png")).toBeNull();
    await expect(storage.delete("missing/key.png")).resolves.toBeUndefined();
  });

  it("hands out a presigned GET URL that downloads the object", async () => {
    const storage = createS3Storage({ ...options, urlExpiresSeconds: 120 });
    const body = Buffer.from("presigned bytes \u00ff\u0000", "latin1");
    await storage.put("shared/p.gif", body);

    const url = new URL(await storage.url("shared/p.gif"));
    expect(url.origin).toBe(endpoint);
    expect(url.pathname).toBe(`/${BUCKET}/shared/p.gif`);
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("120");
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/^S3RVER\//);

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
  });

  it("uses the public base URL when one is configured", async () => {
    const storage = createS3Storage({ ...options, publicBaseUrl: "https://cdn.example.com/art/" });
    expect(await storage.url("patches/a.png")).toBe("https://cdn.example.com/art/patches/a.png");
  });

  it("check() passes for an existing bucket and fails for a missing one", async () => {
    await expect(createS3Storage(options).check()).resolves.toBeUndefined();
    await expect(createS3Storage({ ...options, bucket: "no-such-bucket" }).check()).rejects.toThrow();
  });

  it("refuses bad keys before making any request", async () => {
    // A stand-in endpoint that counts what reaches it; every request would show up here.
    let requests = 0;
    const counter = createServer((_req, res) => {
      requests += 1;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => counter.listen(0, "127.0.0.1", resolve));
    const { port } = counter.address() as AddressInfo;
    try {
      const storage = createS3Storage({ ...options, endpoint: `http://127.0.0.1:${port}` });
      for (const key of ["../x.png", "a/../b", "/etc/passwd", "a//b", "a\\b", "%2e%2e/x", "a b", ""]) {
        await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(StorageKeyError);
        await expect(storage.get(key)).rejects.toThrow(StorageKeyError);
        await expect(storage.delete(key)).rejects.toThrow(StorageKeyError);
        await expect(storage.url(key)).rejects.toThrow(StorageKeyError);
      }
      expect(requests).toBe(0);
    } finally {
      await new Promise<void>((resolve) => counter.close(() => resolve()));
    }
  });
});
