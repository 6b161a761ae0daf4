// Objects in an S3 bucket (AWS or an S3-compatible store such as MinIO, R2 or Ceph), with keys
// that need only object permissions: s3:GetObject, s3:PutObject and s3:DeleteObject on
// arn:aws:s3:::<bucket>/*. Objects are private; browsers get either a CDN/public URL the operator
// configured or a presigned GET URL that stays the same for a window (see ./s3-window).
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { assertStorageKey, contentTypeForKey, IMMUTABLE_CACHE_CONTROL } from "./keys";
import { createReadProof, HEALTH_BODY, HEALTH_KEY, isAccessDenied, isNotFound } from "./s3-read-proof";
import { presignWindow } from "./s3-window";
import type { Storage } from "./types";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible stores, e.g. http://127.0.0.1:9000. Omit for AWS. */
  endpoint?: string;
  /** Address buckets as endpoint/bucket/key (most self-hosted stores need this). */
  forcePathStyle?: boolean;
  /** Omit to use the SDK's default chain (env vars, instance role, ...). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** When set, url(key) is `${publicBaseUrl}/${key}` instead of a presigned URL. */
  publicBaseUrl?: string;
  /** How long a presigned URL stays valid after url() hands it out, at least; default one hour. */
  urlExpiresSeconds?: number;
}

/** One window's URLs, dropped whole when the window or the signing identity changes. */
interface UrlCache {
  windowStart: number;
  identity: string;
  urls: Map<string, string>;
}
/** Bounds the cache at a few MB even if a window sees every key in a large bucket. */
const MAX_CACHED_URLS = 20_000;

/** Storage in an S3 bucket. Keys are validated before any request is made. */
export function createS3Storage(opts: S3StorageOptions): Storage {
  const client = new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle ?? false,
    credentials: opts.credentials,
    // Newer SDKs add CRC checksums to every request and verify them on responses; many
    // S3-compatible stores reject or omit them, so only send them where the API demands it.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = opts.bucket;
  const publicBase = opts.publicBaseUrl?.replace(/\/+$/, "");
  const minValidSeconds = opts.urlExpiresSeconds ?? 3600;
  let urlCache: UrlCache | undefined;
  let origins: Promise<string[]> | undefined;

  const proof = createReadProof({
    async read() {
      const res = await client.send(new GetObjectCommand({ Bucket, Key: HEALTH_KEY }));
      await res.Body?.transformToByteArray();
    },
    async write() {
      await client.send(new PutObjectCommand({ Bucket, Key: HEALTH_KEY, Body: HEALTH_BODY, ContentType: "text/plain" }));
    },
  });

  /** Presigns a GET; within one window the same key always gets the same string. */
  async function signedUrl(key: string): Promise<string> {
    const window = presignWindow(Date.now(), minValidSeconds);
    // Rotating credentials (an instance role) sign differently; never reuse another identity's URL.
    const { accessKeyId, sessionToken } = await client.config.credentials();
    const identity = `${accessKeyId}:${sessionToken ?? ""}`;
    let cache = urlCache;
    if (!cache || cache.windowStart !== window.windowStart || cache.identity !== identity || cache.urls.size >= MAX_CACHED_URLS) {
      cache = urlCache = { windowStart: window.windowStart, identity, urls: new Map() };
    }
    const hit = cache.urls.get(key);
    if (hit) return hit;
    // ResponseCacheControl makes S3 send the header even for objects stored without it.
    const command = new GetObjectCommand({ Bucket, Key: key, ResponseCacheControl: IMMUTABLE_CACHE_CONTROL });
    const url = await getSignedUrl(client, command, { expiresIn: window.expiresIn, signingDate: window.signingDate });
    cache.urls.set(key, url);
    return url;
  }

  // Valid keys contain only URL-safe characters, so no encoding is needed.
  const urlFor = (key: string) => (publicBase ? Promise.resolve(`${publicBase}/${key}`) : signedUrl(key));

  return {
    async put(key, body, contentType) {
      assertStorageKey(key);
      // No ACL on purpose: objects inherit the bucket's (private) policy.
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: body,
          ContentType: contentType ?? contentTypeForKey(key),
          CacheControl: IMMUTABLE_CACHE_CONTROL,
        }),
      );
    },

    async get(key) {
      assertStorageKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!res.Body) return null;
        const bytes = await res.Body.transformToByteArray();
        return {
          body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          contentType: res.ContentType ?? contentTypeForKey(key),
        };
      } catch (err) {
        if (isNotFound(err)) return null;
        if (isAccessDenied(err) && (await proof.canRead())) return null;
        throw err;
      }
    },

    async delete(key) {
      assertStorageKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (err) {
        // S3 itself answers 204 for missing keys; some compatible stores answer 404.
        if (!isNotFound(err)) throw err;
      }
    },

    async url(key) {
      assertStorageKey(key);
      return urlFor(key);
    },

    origins() {
      // A path-style, virtual-hosted or custom-endpoint URL: whatever the SDK builds for this
      // bucket and endpoint, the probe is built the same way, so the CSP can never disagree.
      origins ??= urlFor(HEALTH_KEY).then(
        (probe) => [new URL(probe).origin],
        (err: unknown) => {
          origins = undefined;
          throw err;
        },
      );
      return origins;
    },

    async check() {
      await proof.prove();
    },
  };
}
