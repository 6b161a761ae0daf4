import sharp from "sharp";
import { EngineError } from "./types";

/**
 * An engine's base64 image as PNG: anything missing, not base64 or not an image is BAD_OUTPUT.
 * Both services answer plain base64 (OpenAI's b64_json, the webui's images[]).
 */
export async function decodeEngineImage(b64: unknown): Promise<Buffer> {
  const bad = (cause: unknown) => new EngineError("BAD_OUTPUT", { cause });
  // Buffer.from(..., "base64") never throws (it skips bad characters), so check the alphabet first.
  const text = typeof b64 === "string" ? b64.replace(/\s+/g, "") : "";
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw bad(new Error("missing or malformed base64 image"));
  const bytes = Buffer.from(text, "base64");
  const meta = await sharp(bytes)
    .metadata()
    .catch((err: unknown) => Promise.reject(bad(err)));
  return meta.format === "png" ? bytes : sharp(bytes).png().toBuffer();
}
