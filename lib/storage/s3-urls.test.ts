// Presigned URLs against the strict S3 front, which checks signatures and expiry as S3 does: the
// same key gives the same URL for a whole window, the URL lasts at least S3_URL_EXPIRES_SECONDS
// after it was handed out, answers with a year-long immutable Cache-Control, and stops working
// when tampered with or expired. The clock (Date only) is faked for the app and the front alike.
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startStrictS3, type StrictS3 } from "@/test/strict-s3";
import { IMMUTABLE_CACHE_CONTROL } from "./keys";
import { createS3Storage, type S3StorageOptions } from "./s3";

let s3: StrictS3;
let options: S3StorageOptions;
const VALID = 3600;
/** 10:00:00 UTC: the start of an hour-long window. */
const WINDOW_START = Date.parse("2026-03-01T10:00:00Z");

beforeAll(async () => {
  s3 = await startStrictS3();
  options = { bucket: s3.bucket, region: s3.region, endpoint: s3.endpoint, credentials: s3.credentials, urlExpiresSeconds: VALID };
  await createS3Storage(options).put("days/2026-03-01/a/thumb.webp", Buffer.from("webp bytes"));
});
afterAll(async () => {
  await s3?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock every party reads (app, front, s3rver) without touching timers. */
function setClock(ms: number) {
  vi.useFakeTimers({ toFake: ["Date"], now: ms });
}

async function download(url: string) {
  const res = await fetch(url);
  return { status: res.status, cacheControl: res.headers.get("cache-control"), body: await res.text() };
}

describe("presigned URLs", () => {
  it("stay the same string for the whole window and change at its end", async () => {
    const storage = createS3Storage(options);
    setClock(WINDOW_START + 5_000);
    const first = await storage.url("days/2026-03-01/a/thumb.webp");
    setClock(WINDOW_START + 59 * 60_000);
    // A second app instance with the same key signs the same string: CDNs and browsers share it.
    expect(await createS3Storage(options).url("days/2026-03-01/a/thumb.webp")).toBe(first);
    expect(await storage.url("days/2026-03-01/a/thumb.webp")).toBe(first);
    setClock(WINDOW_START + 3600_000);
    const next = await storage.url("days/2026-03-01/a/thumb.webp");
    expect(next).not.toBe(first);
    expect(new URL(first).searchParams.get("X-Amz-Date")).toBe("20260301T100000Z");
    expect(new URL(next).searchParams.get("X-Amz-Date")).toBe("20260301T110000Z");
  });

  it("are accepted until the promised time, even when handed out at the window's last second", async () => {
    const storage = createS3Storage(options);
    const handedOut = WINDOW_START + 3600_000 - 1000;
    setClock(handedOut);
    const url = await storage.url("days/2026-03-01/a/thumb.webp");
    setClock(handedOut + VALID * 1000);
    expect(await download(url)).toEqual({ status: 200, cacheControl: IMMUTABLE_CACHE_CONTROL, body: "webp bytes" });
    setClock(WINDOW_START + 2 * 3600_000 + 1000);
    const expired = await download(url);
    expect(expired.status).toBe(403);
    expect(expired.body).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message><X-Amz-Expires>7200<\/X-Amz-Expires>/);
  });

  it("are refused once tampered with", async () => {
    const url = new URL(await createS3Storage(options).url("days/2026-03-01/a/thumb.webp"));
    const otherKey = new URL(url);
    otherKey.pathname = otherKey.pathname.replace("thumb.webp", "other.webp");
    const longer = new URL(url);
    longer.searchParams.set("X-Amz-Expires", "604800");
    const noCaching = new URL(url);
    noCaching.searchParams.delete("response-cache-control");
    for (const tampered of [otherKey, longer, noCaching]) {
      const res = await download(tampered.toString());
      expect(res.status).toBe(403);
      expect(res.body).toContain("<Code>SignatureDoesNotMatch</Code>");
    }
  });

  it("ask S3 for the immutable Cache-Control even on objects stored without it", async () => {
    const raw = new S3Client({ region: s3.region, endpoint: s3.endpoint, credentials: s3.credentials });
    await raw.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "seeds/old.png", Body: Buffer.from("old") }));
    raw.destroy();
    const res = await download(await createS3Storage(options).url("seeds/old.png"));
    expect(res).toEqual({ status: 200, cacheControl: IMMUTABLE_CACHE_CONTROL, body: "old" });
  });

  it("come from the origin the storage reports for the page CSP", async () => {
    const storage = createS3Storage(options);
    expect(await storage.origins()).toEqual([new URL(await storage.url("seeds/old.png")).origin]);
    expect(await storage.origins()).toEqual([s3.endpoint]);
  });
});
