// The built-in engine that needs no API key: a real (if modest) inpainter, so local development,
// tests and demos exercise the whole pipeline with results that respond to the prompt. It fills
// the hole from its surroundings (membrane fill + borrowed texture, ./offline/fill and ./detail)
// and then lets colour and texture words steer it (./offline/steer). Deterministic by design.
import sharp from "sharp";
import { decodeRgba, distanceInsideMask } from "@/lib/images/composite";
import { MaskError, readEditMap } from "@/lib/mask/mask";
import { transferDetail } from "./offline/detail";
import { membraneFill } from "./offline/fill";
import { parsePrompt } from "./offline/prompt";
import { createRng, seedFromInputs } from "./offline/random";
import { steer } from "./offline/steer";
import { EngineError, type EditRequest, type EditResult, type ImageEngine } from "./types";
import { ImageWorkError } from "./work/errors";

export const OFFLINE_MODEL = "pixelpatchwork-offline-inpaint-v1";

/** Gives pending timers and abort events a turn, then stops if the request was aborted. */
async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  if (signal) await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new EngineError("ABORTED", { cause: signal.reason });
}

/**
 * The inpainting itself, on the calling thread: the seed with the masked region repainted, as PNG.
 * The engine hands it to a worker when the request carries one (EditRequest.work).
 */
export async function inpaint(req: Omit<EditRequest, "work">): Promise<Buffer> {
  const { signal } = req;
  await checkpoint(signal);
  const image = await decodeRgba(req.image);
  const { width, height } = image;
  // A request that does not match its own picture is our mistake, not the participant's.
  if (width !== req.width || height !== req.height) throw new EngineError("REFUSED", { detail: "ENGINE_REJECTED" });
  let edit: Uint8Array;
  try {
    edit = await readEditMap(req.mask, { width, height });
  } catch (err) {
    if (err instanceof MaskError) throw new EngineError("REFUSED", { detail: err.detail, cause: err });
    throw err;
  }
  await checkpoint(signal);

  const n = width * height;
  const rgb = new Float32Array(n * 3);
  const known = new Uint8Array(n);
  let holeCount = 0;
  for (let i = 0; i < n; i++) {
    rgb[i * 3] = image.data[i * 4]!;
    rgb[i * 3 + 1] = image.data[i * 4 + 1]!;
    rgb[i * 3 + 2] = image.data[i * 4 + 2]!;
    known[i] = edit[i] ? 0 : 1;
    holeCount += edit[i]!;
  }
  const out = Buffer.from(image.data); // every unmasked byte stays the input's
  if (holeCount > 0) {
    const seed = seedFromInputs(req.prompt, req.image);
    membraneFill(rgb, known, width, height);
    await checkpoint(signal);
    transferDetail(rgb, edit, width, height, createRng(seed));
    await checkpoint(signal);
    const holes = new Int32Array(holeCount);
    for (let i = 0, k = 0; i < n; i++) if (edit[i]) holes[k++] = i;
    const dist = distanceInsideMask(edit, width, height);
    steer({ rgb, width, height, holes, dist, style: parsePrompt(req.prompt), seed });
    await checkpoint(signal);
    for (let k = 0; k < holes.length; k++) {
      const i = holes[k]!;
      // Uint8 stores clamp and round; repainted pixels are opaque paint.
      for (let c = 0; c < 3; c++) out[i * 4 + c] = Math.min(255, Math.max(0, Math.round(rgb[i * 3 + c]!)));
      out[i * 4 + 3] = 255;
    }
  }
  // Level 3 is a fast lossless encode: the server decodes this again to composite it.
  const png = await sharp(out, { raw: { width, height, channels: 4 } })
    .png({ compressionLevel: 3 })
    .toBuffer();
  await checkpoint(signal);
  return png;
}

/** The offline engine: deterministic inpainting steered by colour and texture words. */
export function createOfflineEngine(): ImageEngine {
  return {
    provider: "offline",
    model: OFFLINE_MODEL,
    async edit(req: EditRequest): Promise<EditResult> {
      const started = performance.now();
      const { image: seed, mask, prompt, width, height, work } = req;
      let image: Buffer;
      try {
        image = work ? await work({ kind: "inpaint", image: seed, mask, prompt, width, height }) : await inpaint(req);
      } catch (err) {
        // A worker's own failures (busy, cancelled, crashed) are the pool's to report, not bad output.
        if (err instanceof EngineError || err instanceof ImageWorkError) throw err;
        throw new EngineError("BAD_OUTPUT", { cause: err });
      }
      return {
        image,
        provider: "offline",
        model: OFFLINE_MODEL,
        modelRequested: OFFLINE_MODEL,
        engineMs: Math.round(performance.now() - started),
        params: { engine: "offline", algorithm: OFFLINE_MODEL },
      };
    },
  };
}
