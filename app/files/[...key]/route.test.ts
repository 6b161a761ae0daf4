import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/server/env";
import { getStorage } from "@/lib/storage";
import { GET } from "./route";

const saved = { driver: process.env.STORAGE_DRIVER, dir: process.env.STORAGE_LOCAL_DIR, bucket: process.env.S3_BUCKET };
let dir: string;

/** Calls the handler the way Next does for /files/<segments...>. */
function get(segments: string[]): Promise<Response> {
  const req = new Request(`http://localhost/files/${segments.join("/")}`);
  return GET(req, { params: Promise.resolve({ key: segments }) });
}

function restore(name: "STORAGE_DRIVER" | "STORAGE_LOCAL_DIR" | "S3_BUCKET", value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "pp-files-route-"));
  process.env.STORAGE_DRIVER = "local";
  process.env.STORAGE_LOCAL_DIR = dir;
  // getEnv() caches; without this the handler could see an earlier configuration.
  resetEnvForTests();
});

afterAll(async () => {
  restore("STORAGE_DRIVER", saved.driver);
  restore("STORAGE_LOCAL_DIR", saved.dir);
  resetEnvForTests();
  await rm(dir, { recursive: true, force: true });
});

describe("GET /files/[...key]", () => {
  it("serves a stored object with its content type and caching headers", async () => {
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    await getStorage().put("patches/1/tile.png", body);

    const res = await get(["patches", "1", "tile.png"]);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(body);
  });

  it("404s for a missing key", async () => {
    const res = await get(["patches", "missing.png"]);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "Not found." } });
  });

  it.each([[["..", "secret.png"]], [["a", "..", "..", "etc", "passwd"]], [["%2e%2e", "x"]], [["a b.png"]], [["a", "", "b"]]])(
    "400s for the malformed key %j with a message",
    async (segments) => {
      const res = await get(segments);
      expect(res.status).toBe(400);
      const json: unknown = await res.json();
      expect(json).toEqual({ error: { code: "INVALID_KEY", message: expect.stringMatching(/^(A file key|The segments of a file key) /) } });
    },
  );

  it("404s when the storage driver is not local", async () => {
    process.env.STORAGE_DRIVER = "s3";
    process.env.S3_BUCKET = "some-bucket";
    resetEnvForTests();
    try {
      const res = await get(["patches", "1", "tile.png"]);
      expect(res.status).toBe(404);
    } finally {
      process.env.STORAGE_DRIVER = "local";
      restore("S3_BUCKET", saved.bucket);
      resetEnvForTests();
    }
  });
});
