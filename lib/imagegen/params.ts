// What determined a generated image, recorded on it (Image.engineParams, JSON) so a researcher can
// see it in the export and an admin can replay it (lib/imagegen/replay.ts). One shape per engine;
// every value is what the engine reports it used, not only what was asked for.
import { z } from "zod";

/** How a stable-diffusion-webui fills the masked area before sampling (its inpainting_fill 0–3). */
export const INPAINTING_FILLS = ["fill", "original", "latent noise", "latent nothing"] as const;
export type InpaintingFill = (typeof INPAINTING_FILLS)[number];

export const sdwebuiParamsSchema = z.object({
  engine: z.literal("sdwebui"),
  /** The checkpoint the server reports it used (info.sd_model_name: the file's stem). */
  checkpoint: z.string(),
  /** Its hash as the server reports it (info.sd_model_hash: the first 10 hex digits of its SHA-256). */
  checkpointHash: z.string().nullable(),
  /** The seed actually used (info.seed), also when the request left it random. */
  seed: z.number().int(),
  /** The sampler the server reports it used (info.sampler_name), and the scheduler asked for. */
  sampler: z.string(),
  scheduler: z.string(),
  steps: z.number().int(),
  cfgScale: z.number(),
  denoisingStrength: z.number(),
  inpaintingFill: z.enum(INPAINTING_FILLS),
  /** true: the server repainted a crop around the mask ("Only masked") with `inpaintPadding` pixels around it. */
  inpaintFullRes: z.boolean(),
  inpaintPadding: z.number().int(),
  maskBlur: z.number().int(),
  /** The size sent to the server; the result is scaled back to the seed's size and composited. */
  width: z.number().int(),
  height: z.number().int(),
  /** The server's version (info.version), e.g. v1.10.1; null when it reports none. */
  serverVersion: z.string().nullable(),
});

export const openaiParamsSchema = z.object({
  engine: z.literal("openai"),
  /** The dated snapshot every request of the edit named. */
  snapshot: z.string(),
  /** The model id the configuration asked for (an alias, or the snapshot itself). */
  requested: z.string(),
  /** The size sent (WxH); the result is scaled back to the seed's size and composited. */
  size: z.string(),
  outputFormat: z.literal("png"),
});

export const offlineParamsSchema = z.object({
  engine: z.literal("offline"),
  /** The built-in algorithm and its version; it is deterministic in the seed picture, mask and prompt. */
  algorithm: z.string(),
});

export const engineParamsSchema = z.discriminatedUnion("engine", [sdwebuiParamsSchema, openaiParamsSchema, offlineParamsSchema]);

export type SdwebuiParams = z.infer<typeof sdwebuiParamsSchema>;
export type OpenAIParams = z.infer<typeof openaiParamsSchema>;
export type OfflineParams = z.infer<typeof offlineParamsSchema>;
export type EngineParams = z.infer<typeof engineParamsSchema>;

/** Recorded parameters read back; null for none, or for a record this version cannot read. */
export function parseEngineParams(text: string | null | undefined): EngineParams | null {
  if (!text) return null;
  try {
    const parsed = engineParamsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
