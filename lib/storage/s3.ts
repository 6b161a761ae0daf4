// Objects in an S3 bucket (AWS or an S3-compatible store such as MinIO, R2 or Ceph).
// Objects are private; browsers get either a CDN/public URL the operator configured or a
// short-lived presigned GET URL.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { assertStorageKey, contentTypeForKey } from "./keys";
import type { Storage } from "./types";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible stores, e.g. http://127.0.0.1:9000. Omit for AWS. */
  endpoint?: string;
  /** Address buckets as endpoint/bucket/key (most self-hosted stores need this). */
  forcePathStyle?: boolean;
  /** Omit to use the SDK's default chain (env vars, instance role, ...). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** When set, url(key) is `${publicBaseUrl}/${key}` instead of a presigned URL. */
  publicBaseUrl?: string;
  /** Lifetime of presigned URLs; default one hour. */
  urlExpiresSeconds?: number;
}

/** True when an SDK error means "no such object" (stores differ in which form they send). */
function isNotFound(err: unknown): boolean {
  if (err instanceof NoSuchKey || err instanceof NotFound) return true;
  return err instanceof S3ServiceException && (err.name === "NoSuchKey" || err.$metadata.httpStatusCode === 404);
}

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
  const expiresIn = opts.urlExpiresSeconds ?? 3600;

  return {
    async put(key, body, contentType) {
      assertStorageKey(key);
      // No ACL on purpose: objects inherit the bucket's (private) policy.
      await client.send(
        new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType ?? contentTypeForKey(key) }),
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
      // Valid keys contain only URL-safe characters, so no encoding is needed.
      if (publicBase) return `${publicBase}/${key}`;
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: key }), { expiresIn });
    },

    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
