// Files on local disk, for development and single-machine deployments. Served to browsers by the
// app/files/[...key] route, so url() is a same-origin path rather than a file:// URL.
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, readFile, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, contentTypeForKey, StorageKeyError } from "./keys";
import type { Storage } from "./types";

/**
 * Temp files live in a directory no key can name (segments must start with a letter or digit),
 * and inside rootDir so the final rename stays on one filesystem and is therefore atomic.
 */
const TEMP_DIR = ".tmp";

/** Error codes meaning "there is no file here", as opposed to a real I/O failure. */
const MISSING = new Set(["ENOENT", "ENOTDIR", "EISDIR"]);

function isMissing(err: unknown): boolean {
  return err instanceof Error && "code" in err && typeof err.code === "string" && MISSING.has(err.code);
}

/**
 * Storage in `rootDir` on local disk. url(key) returns `${publicPath}/${key}`.
 * The content type is not stored: it is derived from the key's extension on read.
 */
export function createLocalStorage(rootDir: string, publicPath = "/files"): Storage {
  const root = path.resolve(rootDir);
  const base = publicPath.replace(/\/+$/, "");

  /** Validated key -> absolute path, refusing anything that would land outside root. */
  function pathFor(key: string): string {
    assertStorageKey(key);
    const full = path.resolve(root, ...key.split("/"));
    // Key validation already rules out traversal; this is the belt to its braces, so a future
    // change to the key rules can never turn into reading or writing outside the storage dir.
    if (!full.startsWith(root + path.sep)) {
      throw new StorageKeyError({ code: "INVALID_KEY" }, key);
    }
    return full;
  }

  return {
    async put(key, body) {
      const target = pathFor(key);
      const tempDir = path.join(root, TEMP_DIR);
      const temp = path.join(tempDir, `${randomUUID()}.part`);
      await mkdir(tempDir, { recursive: true });
      await mkdir(path.dirname(target), { recursive: true });
      try {
        const handle = await open(temp, "wx");
        try {
          await handle.writeFile(body);
          // Flush before the rename: otherwise a power loss could leave the new name pointing at
          // a file whose data never reached the disk.
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, target);
      } catch (err) {
        await unlink(temp).catch(() => undefined);
        throw err;
      }
    },

    async get(key) {
      const file = pathFor(key);
      try {
        return { body: await readFile(file), contentType: contentTypeForKey(key) };
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },

    async delete(key) {
      const file = pathFor(key);
      try {
        await unlink(file);
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    },

    async url(key) {
      assertStorageKey(key);
      return `${base}/${key}`;
    },

    async origins() {
      // url() hands out paths on the app's own origin, which 'self' already covers.
      return [];
    },

    async check() {
      await mkdir(root, { recursive: true });
      await access(root, constants.R_OK | constants.W_OK);
    },
  };
}
