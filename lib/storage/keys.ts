// Object keys are the one piece of storage input that can come from a URL, so they are validated
// in one place with a deliberately small alphabet: anything that could mean "go up a directory",
// "start at the root" or "decode to something else later" is refused rather than normalised.
import { z } from "zod";

export const MAX_KEY_LENGTH = 200;

/** A segment starts with a letter or digit, so "." / ".." / dot-files can never be a segment. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Thrown for any key that is not a valid storage key; the message says which rule it broke. */
export class StorageKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageKeyError";
  }
}

/** Short, printable rendering of a bad key for error messages (it may be huge or contain control chars). */
function show(key: string): string {
  const json = JSON.stringify(key);
  return json.length > 60 ? `${json.slice(0, 57)}…"` : json;
}

/** The first rule the key breaks, or null when it is valid. */
function keyProblem(key: string): string | null {
  if (key.length === 0) return "Storage key must not be empty";
  if (key.length > MAX_KEY_LENGTH) {
    return `Storage key is ${key.length} characters long; the limit is ${MAX_KEY_LENGTH}`;
  }
  if (key.includes("\\")) return `Storage key ${show(key)} must not contain a backslash`;
  if (key.startsWith("/")) return `Storage key ${show(key)} must be relative (no leading "/")`;
  if (/^[A-Za-z]:/.test(key)) return `Storage key ${show(key)} must not be a drive path`;
  for (const segment of key.split("/")) {
    if (segment === "") return `Storage key ${show(key)} has an empty segment ("//" or a trailing "/")`;
    if (segment === "." || segment === "..") {
      return `Storage key ${show(key)} must not contain "." or ".." segments`;
    }
    if (!SEGMENT.test(segment)) {
      return (
        `Storage key ${show(key)} has an invalid segment ${show(segment)}: ` +
        "segments start with a letter or digit and use only A-Z, a-z, 0-9, '.', '_' and '-'"
      );
    }
  }
  return null;
}

/** zod schema for a storage key; each failure carries one specific message. */
export const storageKeySchema = z.string({ message: "Storage key must be a string" }).superRefine((key, ctx) => {
  const problem = keyProblem(key);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Throws StorageKeyError unless `key` is a valid storage key. */
export function assertStorageKey(key: unknown): asserts key is string {
  const res = storageKeySchema.safeParse(key);
  if (!res.success) {
    throw new StorageKeyError(res.error.issues[0]?.message ?? "Invalid storage key");
  }
}

/**
 * The Cache-Control every stored object is served with. A key is never rewritten with different
 * bytes (new content gets a new key), so browsers and CDNs may keep an object for a year and
 * never ask again.
 */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";

const CONTENT_TYPES: Record<string, string> = {
  png: "image/png",
  webp: "image/webp",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
};

/**
 * The Content-Type to serve a key with, from its extension (case-insensitive).
 * Unknown extensions get application/octet-stream so a browser never renders them as a page.
 */
export function contentTypeForKey(key: string): string {
  const name = key.slice(key.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "application/octet-stream";
  return CONTENT_TYPES[name.slice(dot + 1).toLowerCase()] ?? "application/octet-stream";
}
