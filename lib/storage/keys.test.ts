import { describe, expect, it } from "vitest";
import { englishOf } from "@/test/error-text";
import { assertStorageKey, contentTypeForKey, StorageKeyError, storageKeySchema } from "./keys";

/** What assertStorageKey throws for a key. */
function refusal(key: unknown): StorageKeyError {
  try {
    assertStorageKey(key);
  } catch (err) {
    if (err instanceof StorageKeyError) return err;
    throw err;
  }
  throw new Error(`accepted ${String(key)}`);
}

describe("assertStorageKey", () => {
  it.each(["a", "image.png", "patches/2024/abc-123_v2.webp", "A/b/C.d.e", "x".repeat(200), "0/1/2"])("accepts %j", (key) => {
    expect(() => assertStorageKey(key)).not.toThrow();
    expect(storageKeySchema.safeParse(key).success).toBe(true);
  });

  it.each<[string, string, string, RegExp]>([
    ["empty", "", "KEY_EMPTY", /must not be empty/],
    ["201 chars", "x".repeat(201), "KEY_TOO_LONG", /at most 200 characters; this one has 201/],
    ["parent segment", "../x", "KEY_DOT_SEGMENT", /"\.\."/],
    ["inner parent segment", "a/../b", "KEY_DOT_SEGMENT", /"\.\."/],
    ["current-dir segment", "./a", "KEY_DOT_SEGMENT", /"\."/],
    ["absolute path", "/etc/passwd", "KEY_ABSOLUTE", /leading "\/"/],
    ["empty segment", "a//b", "KEY_EMPTY_SEGMENT", /empty segment/],
    ["trailing slash", "a/", "KEY_EMPTY_SEGMENT", /empty segment/],
    ["backslash", "a\\b", "KEY_BACKSLASH", /backslash/],
    ["backslash traversal", "..\\x", "KEY_BACKSLASH", /backslash/],
    ["drive path", "C:/x", "KEY_DRIVE", /drive path/],
    ["percent-encoded traversal", "%2e%2e/x", "KEY_BAD_SEGMENT", /start with a letter or digit/],
    ["space", "my file.png", "KEY_BAD_SEGMENT", /start with a letter or digit/],
    ["unicode", "café.png", "KEY_BAD_SEGMENT", /start with a letter or digit/],
    ["dot-file", "a/.hidden", "KEY_BAD_SEGMENT", /start with a letter or digit/],
    ["NUL byte", "a\u0000b", "KEY_BAD_SEGMENT", /start with a letter or digit/],
  ])("refuses %s", (_label, key, code, text) => {
    const err = refusal(key);
    expect(err.detail.code).toBe(code);
    expect(englishOf(err)).toMatch(text);
    const res = storageKeySchema.safeParse(key);
    expect(res.success).toBe(false);
    expect(res.error?.issues).toHaveLength(1);
    expect(res.error?.issues[0]?.message).toBe(code);
  });

  it("refuses non-strings", () => {
    expect(refusal(42).detail).toEqual({ code: "KEY_NOT_TEXT" });
    expect(englishOf(refusal(undefined))).toBe("A file key must be text.");
  });

  it("keeps messages short for huge keys", () => {
    const err = (() => {
      try {
        assertStorageKey(`${"a".repeat(150)} b`);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message.length).toBeLessThan(300);
  });
});

describe("contentTypeForKey", () => {
  it.each([
    ["a.png", "image/png"],
    ["dir/a.webp", "image/webp"],
    ["dir/a.w480.avif", "image/avif"],
    ["a.jpg", "image/jpeg"],
    ["a.jpeg", "image/jpeg"],
    ["a.gif", "image/gif"],
    ["A.PNG", "image/png"],
    ["a.html", "application/octet-stream"],
    ["a.svg", "application/octet-stream"],
    ["png", "application/octet-stream"],
    ["a.png/b", "application/octet-stream"],
    ["a.", "application/octet-stream"],
  ])("%s -> %s", (key, type) => {
    expect(contentTypeForKey(key)).toBe(type);
  });
});
