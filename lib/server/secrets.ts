import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/server/env";
import { ActionError } from "@/lib/server/errors";

// Keys for research features, derived from the deployment's secrets with one label per use: a
// leaked column of export hashes or a completion code then says nothing about another use, nor
// about NEXTAUTH_SECRET itself (HMAC is one-way).

function derive(secret: string, label: string): Buffer {
  return createHmac("sha256", secret).update(`pixelpatchwork:${label}`).digest();
}

function notConfigured(): never {
  throw new ActionError("NOT_CONFIGURED");
}

/**
 * The key of the participant-id hashes in exports: EXPORT_HASH_SALT when set, else derived from
 * NEXTAUTH_SECRET. Setting EXPORT_HASH_SALT keeps hashes stable across a NEXTAUTH_SECRET rotation.
 */
export function exportHashKey(): Buffer {
  const env = getEnv();
  if (env.EXPORT_HASH_SALT) return Buffer.from(env.EXPORT_HASH_SALT, "utf8");
  if (env.NEXTAUTH_SECRET) return derive(env.NEXTAUTH_SECRET, "export-hash-salt");
  return notConfigured();
}

/**
 * A function mapping a participant id to its export hash: HMAC-SHA256 keyed by exportHashKey(),
 * hex. Stable for a given key (so exports from different days join), and without the key a list
 * of candidate Prolific ids cannot be hashed and matched against it.
 */
export function participantHasher(): (participantId: string) => string {
  const key = exportHashKey();
  return (participantId) => createHmac("sha256", key).update(participantId, "utf8").digest("hex");
}

/**
 * The key of completion codes: from NEXTAUTH_SECRET, else EXPORT_HASH_SALT. Rotating the secret
 * it comes from changes every code, so do that between studies, not during one.
 */
export function completionCodeKey(): Buffer {
  const env = getEnv();
  const secret = env.NEXTAUTH_SECRET ?? env.EXPORT_HASH_SALT;
  return secret ? derive(secret, "completion-code") : notConfigured();
}

/**
 * The key of the links that place a participant in a chosen world (lib/worlds/world-link.ts):
 * from NEXTAUTH_SECRET, else EXPORT_HASH_SALT. Without either no such link can be made or accepted.
 */
export function worldLinkKey(): Buffer {
  const env = getEnv();
  const secret = env.NEXTAUTH_SECRET ?? env.EXPORT_HASH_SALT;
  return secret ? derive(secret, "world-link") : notConfigured();
}

// Without any secret (a local run that never set one) cursors are signed with a key of this
// process: they then last as long as it does. Production requires NEXTAUTH_SECRET (lib/server/env).
let processKey: Buffer | undefined;

/**
 * The key that signs the vote feed's cursors (lib/voting/feed-cursor.ts), so a client cannot
 * forge one: from NEXTAUTH_SECRET, else EXPORT_HASH_SALT, else a key of this process. Every
 * instance with the same secret accepts the others' cursors.
 */
export function feedCursorKey(): Buffer {
  const env = getEnv();
  const secret = env.NEXTAUTH_SECRET ?? env.EXPORT_HASH_SALT;
  if (secret) return derive(secret, "feed-cursor");
  return (processKey ??= randomBytes(32));
}
