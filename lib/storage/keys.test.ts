import { describe, expect, it } from "vitest";
import { assertStorageKey, contentTypeForKey, StorageKeyError, storageKeySchema } from "./keys";

describe("assertStorageKey", () => {
  it.each([
    "a",
    "image.png",
    "patches/2024/abc-123_v2.webp",
    "A/b/C.d.e",
    "x".repeat(200),
    "0/1/2",
  ])("accepts %j", (key) => {
    expect(() => assertStorageKey(key)).not.toThrow();
    expect(storageKeySchema.safeParse(key).success).toBe(true);
  });

  it.each<[string, string, RegExp]>([
    ["empty", "", /must not be empty/],
    ["201 chars", "x".repeat(201), /201 characters long; the limit is 200/],
    ["parent segment", "../x", /"\.\."/],
    ["inner parent segment", "a/../b", /"\.\."/],
    ["current-dir segment", "./a", /"\.\."|"\."/],
    ["absolute path", "/etc/passwd", /leading "\/"/],
    ["empty segment", "a//b", /empty segment/],
    ["trailing slash", "a/", /empty segment/],
    ["backslash", "a\\b", /backslash/],
    ["backslash traversal", "..\\x", /backslash/],
    ["drive path", "C:/x", /drive path/],
    ["percent-encoded traversal", "%2e%2e/x", /invalid segment "%2e%2e"/],
    ["space", "my file.png", /invalid segment/],
    ["unicode", "café.png", /invalid segment/],
    ["dot-file", "a/.hidden", /invalid segment ".hidden"/],
    ["NUL byte", "a\u0000b", /invalid segment/],
  ])("refuses %s", (_label, key, message) => {
    expect(() => assertStorageKey(key)).toThrow(StorageKeyError);
    expect(() => assertStorageKey(key)).toThrow(message);
    const res = storageKeySchema.safeParse(key);
    expect(res.success).toBe(false);
    expect(res.error?.issues).toHaveLength(1);
  });

  it("refuses non-strings", () => {
    expect(() => assertStorageKey(42)).toThrow("Storage key must be a string");
    expect(() => assertStorageKey(undefined)).toThrow(StorageKeyError);
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
