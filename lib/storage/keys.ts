// Object keys are the one piece of storage input that can come from a URL, so they are validated
// in one place with a deliberately small alphabet: anything that could mean "go up a directory",
// "start at the root" or "decode to something else later" is refused rather than normalised.
import { z } from "zod";
import { detail, type ErrorDetail } from "@/lib/server/error-codes";
import { issue } from "@/lib/validations/field-errors";

export const MAX_KEY_LENGTH = 200;

/** A segment starts with a letter or digit, so "." / ".." / dot-files can never be a segment. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Thrown for any key that is not a valid storage key; the detail says which rule it broke. */
export class StorageKeyError extends Error {
  constructor(
    readonly detail: ErrorDetail,
    key: unknown,
  ) {
    // The message is for logs: the rule, and the key as it came.
    super(`${detail.code}: ${typeof key === "string" ? show(key) : typeof key}`);
    this.name = "StorageKeyError";
  }
}

/** Short, printable rendering of a bad key for error messages (it may be huge or contain control chars). */
function show(key: string): string {
  const json = JSON.stringify(key);
  return json.length > 60 ? `${json.slice(0, 57)}…"` : json;
}

/** The first rule the key breaks, or null when it is valid. */
export function keyProblem(key: unknown): ErrorDetail | null {
  if (typeof key !== "string") return detail("KEY_NOT_TEXT");
  if (key.length === 0) return detail("KEY_EMPTY");
  if (key.length > MAX_KEY_LENGTH) return detail("KEY_TOO_LONG", { length: key.length, max: MAX_KEY_LENGTH });
  if (key.includes("\\")) return detail("KEY_BACKSLASH");
  if (key.startsWith("/")) return detail("KEY_ABSOLUTE");
  if (/^[A-Za-z]:/.test(key)) return detail("KEY_DRIVE");
  for (const segment of key.split("/")) {
    if (segment === "") return detail("KEY_EMPTY_SEGMENT");
    if (segment === "." || segment === "..") return detail("KEY_DOT_SEGMENT");
    if (!SEGMENT.test(segment)) return detail("KEY_BAD_SEGMENT");
  }
  return null;
}

/** zod schema for a storage key; each failure carries the code of the rule it broke. */
export const storageKeySchema = z.string(issue("KEY_NOT_TEXT")).superRefine((key, ctx) => {
  const problem = keyProblem(key);
  if (problem) ctx.addIssue({ code: "custom", message: problem.code, params: problem.values });
});

/** Throws StorageKeyError unless `key` is a valid storage key. */
export function assertStorageKey(key: unknown): asserts key is string {
  const problem = keyProblem(key);
  if (problem) throw new StorageKeyError(problem, key);
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
  avif: "image/avif",
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
