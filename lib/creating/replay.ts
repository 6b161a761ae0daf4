import "server-only";
import sharp from "sharp";
import { compositeOutsideMask } from "@/lib/images/composite";
import { parseEngineParams, type EngineParams } from "@/lib/imagegen/params";
import { EngineError, type EngineProvider, type ImageEngine } from "@/lib/imagegen/types";
import { MAX_IMAGE_PIXELS, readEditMap } from "@/lib/mask/mask";
import { ActionError } from "@/lib/server/errors";
import { db } from "@/lib/server/db";
import { recordEngineFailure } from "@/lib/imagegen/failures";
import { log } from "@/lib/server/log";
import { recordAudit } from "@/lib/admin/audit";
import type { Storage } from "@/lib/storage";

/** How a replay compares with the image it regenerated. */
export type ReplayReport = {
  imageId: number;
  /** Every pixel of the composited result equal to the stored one. */
  identical: boolean;
  /** Mean absolute difference over every pixel's red, green and blue, on 0–255. */
  meanAbsoluteDifference: number;
  /** Share of pixels where any of red, green or blue differs. */
  changedShare: number;
  /** What the image was made with (null for images made before it was recorded), and what the replay used. */
  recorded: EngineParams | null;
  replayed: EngineParams;
  /** The recorded parameters the replay did not use as recorded (another checkpoint, engine or size), which explain a difference. */
  differences: string[];
  engine: EngineProvider;
  engineMs: number;
};

/** The keys whose values differ between what was recorded and what a replay used (all of them with no record). */
function differing(recorded: EngineParams | null, replayed: EngineParams): string[] {
  if (!recorded) return ["engine"];
  const a = recorded as Record<string, unknown>;
  const b = replayed as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** The stored result and a replay's, pixel by pixel (both the seed's size). */
export async function comparePictures(
  a: Buffer,
  b: Buffer,
): Promise<Pick<ReplayReport, "identical" | "meanAbsoluteDifference" | "changedShare">> {
  const read = (png: Buffer) =>
    sharp(png, { limitInputPixels: MAX_IMAGE_PIXELS }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [x, y] = await Promise.all([read(a), read(b)]);
  if (x.info.width !== y.info.width || x.info.height !== y.info.height)
    return { identical: false, meanAbsoluteDifference: 255, changedShare: 1 };
  let sum = 0;
  let changed = 0;
  const pixels = x.info.width * x.info.height;
  for (let i = 0; i < pixels; i++) {
    let any = false;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(x.data[i * 3 + c]! - y.data[i * 3 + c]!);
      sum += d;
      if (d) any = true;
    }
    if (any) changed++;
  }
  return { identical: changed === 0, meanAbsoluteDifference: sum / (pixels * 3), changedShare: changed / pixels };
}

/**
 * Regenerates a recorded image on `engine` with the parameters recorded on it (its seed, sampler,
 * steps and the rest, for an engine that has them), from the same seed picture, mask and prompt,
 * composites it as a generation does, and compares it with the stored result. Nothing of the
 * original is touched: no row is written and no file stored. Engine failures come back as the
 * generation's refusals; only generated images (with a kept mask) can be replayed.
 */
export async function replayImage(imageId: number, deps: { engine: ImageEngine; storage: Storage }): Promise<ReplayReport> {
  const image = await db.image.findUnique({
    where: { id: imageId },
    select: {
      id: true,
      prompt: true,
      maskKey: true,
      resultKey: true,
      width: true,
      height: true,
      engineParams: true,
      parent: { select: { resultKey: true } },
    },
  });
  if (!image) throw new ActionError("NOT_FOUND", { detail: "IMAGE_NOT_FOUND" });
  if (!image.maskKey || !image.parent) throw new ActionError("NOT_ALLOWED", { detail: "NOT_REPLAYABLE" });
  const read = async (key: string) => {
    const file = await deps.storage.get(key).catch((err: unknown) => {
      throw new ActionError("UNAVAILABLE", { detail: "SEED_UNAVAILABLE", cause: err });
    });
    if (!file) throw new ActionError("UNAVAILABLE", { detail: "SEED_UNAVAILABLE" });
    return file.body;
  };
  const [seed, mask, stored] = await Promise.all([read(image.parent.resultKey), read(image.maskKey), read(image.resultKey)]);
  const size = { width: image.width, height: image.height };
  const recorded = parseEngineParams(image.engineParams);
  let result;
  try {
    result = await deps.engine.edit({ image: seed, mask, prompt: image.prompt, ...size, replay: recorded ?? undefined });
  } catch (err) {
    if (err instanceof EngineError) {
      // The operator's problems reach the admin overview, as a generation's do.
      if (err.operator) await recordEngineFailure(err.operator).catch((e: unknown) => log.error("could not record the engine failure", e));
      throw new ActionError(err.code, { detail: err.detail });
    }
    throw err;
  }
  const final = await compositeOutsideMask(seed, result.image, await readEditMap(mask, size), size.width, size.height);
  return {
    imageId,
    ...(await comparePictures(stored, final)),
    recorded,
    replayed: result.params,
    differences: differing(recorded, result.params),
    engine: result.provider,
    engineMs: result.engineMs,
  };
}

/** A replay an admin asked for (or the replay script, adminId null), recorded in the audit log with its outcome. */
export async function replayAudited(
  adminId: number | null,
  imageId: number,
  deps: { engine: ImageEngine; storage: Storage },
): Promise<ReplayReport> {
  const report = await replayImage(imageId, deps);
  const { identical, meanAbsoluteDifference, changedShare, engine, replayed } = report;
  await recordAudit(db, {
    adminId,
    action: "image.replay",
    targetType: "image",
    targetId: imageId,
    after: { identical, meanAbsoluteDifference, changedShare, engine, replayed },
  });
  return report;
}

/** What an admin sees of how an image was made: its recorded parameters, and whether it can be replayed. */
export async function getGenerationRecord(imageId: number) {
  const image = await db.image.findUnique({
    where: { id: imageId },
    select: { provider: true, engineParams: true, maskKey: true, parentId: true },
  });
  if (!image) return null;
  return {
    provider: image.provider,
    params: parseEngineParams(image.engineParams),
    replayable: image.maskKey !== null && image.parentId !== null,
  };
}
