import "server-only";
// Serves objects from the local storage driver at /files/<key>, which is what
// createLocalStorage().url() hands out. With the S3 driver, URLs point at S3, so this route 404s.
import { getEnv } from "@/lib/server/env";
import { jsonError } from "@/lib/server/http";
import { assertStorageKey, contentTypeForKey, getStorage, IMMUTABLE_CACHE_CONTROL, StorageKeyError } from "@/lib/storage";

/** GET /files/<key>: the stored bytes, 400 for a malformed key, 404 when there is nothing to serve. */
export async function GET(req: Request, ctx: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const { key: segments } = await ctx.params;
  const key = segments.join("/");
  // Validate before anything touches the disk, and say what is wrong rather than a bare 400.
  try {
    assertStorageKey(key);
  } catch (err) {
    if (err instanceof StorageKeyError) return jsonError(req, "INVALID_KEY", err.detail);
    throw err;
  }

  if (getEnv().STORAGE_DRIVER !== "local") return jsonError(req, "NOT_FOUND");
  const object = await getStorage().get(key);
  if (!object) return jsonError(req, "NOT_FOUND");

  // The copy gives a plain ArrayBuffer-backed view, which is what the BodyInit type accepts.
  return new Response(new Uint8Array(object.body), {
    status: 200,
    headers: {
      // From the key, never from the file's bytes: the extension is what was validated.
      "Content-Type": contentTypeForKey(key),
      "Content-Length": String(object.body.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": IMMUTABLE_CACHE_CONTROL,
    },
  });
}
