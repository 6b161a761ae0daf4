import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StorageKeyError } from "./keys";
import { createLocalStorage } from "./local";
import type { Storage } from "./types";

let root: string;
let storage: Storage;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "pp-local-storage-"));
  storage = createLocalStorage(path.join(root, "store"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("createLocalStorage", () => {
  it("puts, gets and deletes, creating directories as needed", async () => {
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await storage.put("patches/2024/a.png", body);

    expect(await readFile(path.join(root, "store", "patches", "2024", "a.png"))).toEqual(body);
    expect(await storage.get("patches/2024/a.png")).toEqual({ body, contentType: "image/png" });

    await storage.delete("patches/2024/a.png");
    expect(await storage.get("patches/2024/a.png")).toBeNull();
  });

  it("overwrites an existing object and leaves no temp files behind", async () => {
    await storage.put("a.webp", Buffer.from("first version, longer"));
    await storage.put("a.webp", Buffer.from("second"));
    expect((await storage.get("a.webp"))?.body.toString()).toBe("second");
    expect(await readdir(path.join(root, "store", ".tmp"))).toEqual([]);
  });

  it("returns null for missing keys, including under a file or at a directory", async () => {
    expect(await storage.get("nope.png")).toBeNull();
    await storage.put("dir/file.png", Buffer.from("x"));
    expect(await storage.get("dir/file.png/child.png")).toBeNull();
    expect(await storage.get("dir")).toBeNull();
  });

  it("treats deleting a missing key as success", async () => {
    await expect(storage.delete("never/existed.png")).resolves.toBeUndefined();
  });

  it("derives content types from the key", async () => {
    for (const [key, type] of [
      ["a.jpg", "image/jpeg"],
      ["a.jpeg", "image/jpeg"],
      ["a.gif", "image/gif"],
      ["a.bin", "application/octet-stream"],
    ] as const) {
      await storage.put(key, Buffer.from(key), "image/png");
      expect((await storage.get(key))?.contentType).toBe(type);
    }
  });

  it("builds URLs under the public path", async () => {
    expect(await storage.url("patches/a.png")).toBe("/files/patches/a.png");
    const custom = createLocalStorage(root, "/media/");
    expect(await custom.url("a.png")).toBe("/media/a.png");
  });

  it("refuses traversal and malformed keys without touching the disk", async () => {
    const outside = path.join(root, "escaped.png");
    for (const key of ["../escaped.png", "a/../../escaped.png", `/${outside}`, "..\\escaped.png", "a//b", ""]) {
      await expect(storage.put(key, Buffer.from("x"))).rejects.toThrow(StorageKeyError);
      await expect(storage.get(key)).rejects.toThrow(StorageKeyError);
      await expect(storage.delete(key)).rejects.toThrow(StorageKeyError);
      await expect(storage.url(key)).rejects.toThrow(StorageKeyError);
    }
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(path.join(root, "store"))).toBe(false);
  });

  it("check() creates the root and passes when it is writable", async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    expect(existsSync(path.join(root, "store"))).toBe(true);
  });
});
