import "server-only";
// The app's storage, chosen by configuration. Import getStorage() from here; the drivers are
// exported for tests and scripts that need a specific one.
import path from "node:path";
import { getEnv, type Env } from "@/lib/server/env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import type { Storage } from "./types";

export type { Storage } from "./types";
export { assertStorageKey, contentTypeForKey, IMMUTABLE_CACHE_CONTROL, StorageKeyError } from "./keys";

let cached: { env: Env; storage: Storage } | undefined;

function createStorage(env: Env): Storage {
  if (env.STORAGE_DRIVER === "local") {
    return createLocalStorage(path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.STORAGE_LOCAL_DIR));
  }
  // parseEnv already demands S3_BUCKET when the driver is s3; this only narrows the type.
  if (!env.S3_BUCKET) throw new Error('S3_BUCKET is required when STORAGE_DRIVER is "s3"');
  const credentials =
    env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
      : undefined;
  return createS3Storage({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials,
    publicBaseUrl: env.S3_PUBLIC_BASE_URL,
    urlExpiresSeconds: env.S3_URL_EXPIRES_SECONDS,
  });
}

/**
 * The configured storage (STORAGE_DRIVER), created once per configuration. Keyed on the env
 * object so that tests which call resetEnvForTests() get a storage matching the new variables.
 */
export function getStorage(): Storage {
  const env = getEnv();
  if (cached?.env !== env) cached = { env, storage: createStorage(env) };
  return cached.storage;
}
