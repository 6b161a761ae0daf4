// Least-privilege keys (s3:GetObject/PutObject/DeleteObject on bucket/*, no s3:ListBucket) cannot
// tell "no such object" from "not allowed": S3 answers a GET of a missing object with 403
// AccessDenied instead of 404 NoSuchKey (GetObject, "Permissions":
// https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html). So a 403 only means
// "missing" once the same credentials have just read a known object: the health object below.
import { NoSuchKey, NotFound, S3ServiceException } from "@aws-sdk/client-s3";

/** The one object the app itself never writes to: segments under `health/` are reserved. */
export const HEALTH_KEY = "health/probe";
export const HEALTH_BODY = Buffer.from("ok\n");

/** How long a successful read of the health object vouches for the credentials' GetObject. */
export const READ_PROOF_TTL_MS = 60_000;

/** An SDK error meaning "no such object" (stores differ in which form they send). */
export function isNotFound(err: unknown): boolean {
  if (err instanceof NoSuchKey || err instanceof NotFound) return true;
  return err instanceof S3ServiceException && (err.name === "NoSuchKey" || err.$metadata.httpStatusCode === 404);
}

/**
 * Exactly S3's 403 AccessDenied. SignatureDoesNotMatch, InvalidAccessKeyId, RequestTimeTooSkewed
 * (all 403 too) and ExpiredToken (400) carry their own codes and never qualify.
 */
export function isAccessDenied(err: unknown): boolean {
  return err instanceof S3ServiceException && err.name === "AccessDenied" && err.$metadata.httpStatusCode === 403;
}

export interface ReadProof {
  /** Reads the health object (writing it first when it is not there); rejects with S3's error. */
  prove(): Promise<void>;
  /** Whether these credentials read the health object within the last READ_PROOF_TTL_MS. */
  canRead(): Promise<boolean>;
}

/** Object operations on the health object, with the driver's own client and credentials. */
export interface HealthObjectIo {
  read(): Promise<void>;
  write(): Promise<void>;
}

export function createReadProof(io: HealthObjectIo, ttlMs = READ_PROOF_TTL_MS, now: () => number = Date.now): ReadProof {
  let provenAt: number | undefined;
  let inFlight: Promise<void> | undefined;

  async function attempt(): Promise<void> {
    try {
      await io.read();
    } catch (err) {
      // Absent on a fresh bucket, or deleted: under an object-only policy both look like 403.
      if (!isNotFound(err) && !isAccessDenied(err)) throw err;
      await io.write();
      await io.read();
    }
  }

  function prove(): Promise<void> {
    // Concurrent health checks and 403s share one round trip instead of each making their own.
    inFlight ??= attempt()
      .then(
        () => {
          provenAt = now();
        },
        (err: unknown) => {
          provenAt = undefined;
          throw err;
        },
      )
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  return {
    prove,
    async canRead() {
      if (provenAt !== undefined && now() - provenAt < ttlMs) return true;
      return prove().then(
        () => true,
        () => false,
      );
    },
  };
}
