// The page CSP must allow the pictures the storage actually links to. Each case configures the
// storage as an operator would, renders a page's policy through the proxy, and checks that the
// origin of a real storage.url(key) is among img-src's sources: the SDK picks path-style URLs on
// its own (bucket names with dots, IP endpoints), so a policy guessed from the settings misses them.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { getStorage } from "@/lib/storage";
import { proxy } from "@/proxy";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

const KEY = "days/2026-03-01/0d9c7c6e-5c1e-4d5e-9a37-1f2b3c4d5e6f/thumb.webp";

function configure(vars: Record<string, string>) {
  Object.assign(process.env, {
    STORAGE_DRIVER: "s3",
    S3_ACCESS_KEY_ID: "AKIAEXAMPLEEXAMPLE00",
    S3_SECRET_ACCESS_KEY: "example-secret",
    ...vars,
  });
  resetEnvForTests();
}

/** img-src's sources in the policy the proxy puts on a page. */
async function imgSrc(): Promise<string[]> {
  const res = await proxy(new NextRequest("http://localhost:3000/vote"));
  const csp = res.headers.get("content-security-policy") ?? "";
  const directive = csp.split("; ").find((d) => d.startsWith("img-src ")) ?? "";
  return directive.split(" ").slice(1);
}

describe("the page CSP's img-src", () => {
  it.each<[string, Record<string, string>, string]>([
    [
      "a bucket with dots on AWS (path-style)",
      { S3_BUCKET: "images.pixelpatchwork.example", S3_REGION: "eu-west-1" },
      "https://s3.eu-west-1.amazonaws.com",
    ],
    [
      "an IP endpoint without S3_FORCE_PATH_STYLE",
      { S3_BUCKET: "pixelpatchwork", S3_ENDPOINT: "http://127.0.0.1:9000" },
      "http://127.0.0.1:9000",
    ],
    [
      "path style forced",
      { S3_BUCKET: "pixelpatchwork", S3_ENDPOINT: "https://minio.example.org", S3_FORCE_PATH_STYLE: "true" },
      "https://minio.example.org",
    ],
    [
      "a custom endpoint, virtual-hosted",
      { S3_BUCKET: "pixelpatchwork", S3_REGION: "auto", S3_ENDPOINT: "https://acct.r2.cloudflarestorage.com" },
      "https://pixelpatchwork.acct.r2.cloudflarestorage.com",
    ],
    [
      "a plain AWS bucket",
      { S3_BUCKET: "pixelpatchwork-images", S3_REGION: "us-east-2" },
      "https://pixelpatchwork-images.s3.us-east-2.amazonaws.com",
    ],
    [
      "a CDN in S3_PUBLIC_BASE_URL",
      { S3_BUCKET: "pixelpatchwork", S3_PUBLIC_BASE_URL: "https://cdn.example.org/images/" },
      "https://cdn.example.org",
    ],
  ])("allows the origin of storage.url() with %s", async (_label, vars, expectedOrigin) => {
    configure(vars);
    const origin = new URL(await getStorage().url(KEY)).origin;
    expect(origin).toBe(expectedOrigin);
    expect(await imgSrc()).toContain(origin);
  });

  it("allows nothing beyond this origin with local storage", async () => {
    Object.assign(process.env, { STORAGE_DRIVER: "local" });
    resetEnvForTests();
    expect(await getStorage().url(KEY)).toMatch(/^\/files\//);
    expect(await imgSrc()).toEqual(["'self'", "blob:", "data:"]);
  });
});
