import "server-only";
import { assignWorld } from "@/lib/worlds/assignment";
import { randomUUID } from "node:crypto";
import { keyFromDate } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { markEngineRecovered, recordEngineFailure } from "@/lib/imagegen/failures";
import { EngineError, type ImageEngine } from "@/lib/imagegen/types";
import { getImageWorkPool, type ImageWorkPool } from "@/lib/imagegen/work";
import type { ImageWork } from "@/lib/imagegen/work/tasks";
import { checkMaskHeader, MaskError } from "@/lib/mask/mask";
import { workRefusal } from "@/lib/creating/work-refusal";
import { isConnectionError } from "@/lib/server/db-errors";
import { detail } from "@/lib/server/error-codes";
import { refundQuotaReliably, takeQuota } from "@/lib/creating/quotas";
import { ActionError } from "@/lib/server/errors";
import { getWorldSettings } from "@/lib/worlds/conditions";
import type { Storage } from "@/lib/storage";
import { lockOpenDay } from "@/lib/days/lock";
import { log } from "@/lib/server/log";

export type GenerationDeps = {
  engine: ImageEngine;
  storage: Storage;
  moderate: (prompt: string) => Promise<{ flagged: boolean; categories: string[] }>;
  /** Where the image work runs: the app's worker pool (lib/imagegen/work) unless given. */
  pool?: ImageWorkPool;
};

/** `locale`: the creator's interface language, recorded on the image for research. */
export type GenerationInput = {
  userId: number;
  dayId: number;
  prompt: string;
  mask: Buffer;
  locale?: string | null;
  /** Cancels the attempt wherever it is (in line, in a worker, waiting for the engine); the quota is given back. */
  signal?: AbortSignal;
  /** The attempt's place in line while every image worker is busy (1 = next), then 0 when its turn comes. */
  onQueuePosition?: (position: number) => void;
};

/**
 * One generation, end to end: validate the mask against today's seed (its turn in line for an
 * image worker: refused as busy when the line is full, before anything is taken), take a unit of
 * the daily quota, run the engine, put the seed back outside the mask, store the files, then record
 * the Image row in one transaction. The image work runs on the worker pool, and the steps after the
 * first go ahead of new generations there. Any failure after the quota was taken (a cancellation,
 * a crashed worker included) gives it back and deletes whatever files were written, so nothing
 * half-done remains.
 */
export async function generateAttempt(input: GenerationInput, deps: GenerationDeps) {
  const started = performance.now();
  const day = await db.day.findUnique({
    where: { id: input.dayId },
    select: {
      id: true,
      worldId: true,
      date: true,
      status: true,
      seedImage: { select: { id: true, resultKey: true, width: true, height: true } },
    },
  });
  // Another world's day is no day of the participant's: refused as one that is not open.
  if (!day || day.status !== "OPEN" || day.worldId !== (await assignWorld(input.userId))) throw new ActionError("DAY_CLOSED");
  const seed = day.seedImage;
  // The quota and mask bounds of the day's world.
  const settings = await getWorldSettings(day.worldId);
  const pool = deps.pool ?? getImageWorkPool();
  const size = { width: seed.width, height: seed.height };

  let mask;
  try {
    // What needs no decoding is refused at once, before the upload waits in line.
    checkMaskHeader(input.mask, size);
    mask = await pool.run(
      { kind: "read-mask", png: input.mask, size, bounds: { min: settings.minMaskCoverage, max: settings.maxMaskCoverage } },
      { signal: input.signal, onQueuePosition: input.onQueuePosition },
    );
  } catch (err) {
    if (err instanceof MaskError) throw new ActionError("INVALID_MASK", { fieldErrors: { mask: [err.detail] } });
    // Busy, cancelled or a failed worker: nothing has been taken yet.
    throw workRefusal(err);
  }

  const verdict = await deps.moderate(input.prompt);
  if (verdict.flagged) {
    throw new ActionError("REFUSED", { detail: "PROMPT_MODERATED" });
  }

  if (!(await takeQuota(input.userId, day.id, "generations", settings.generationQuota))) {
    throw new ActionError("QUOTA", { detail: detail("GENERATION_QUOTA", { count: settings.generationQuota }) });
  }

  // This generation had its turn: its later steps go ahead of new ones and are never refused.
  const work: ImageWork = (task) => pool.run(task, { signal: input.signal, accepted: true });
  const written: string[] = [];
  try {
    const seedFile = await deps.storage.get(seed.resultKey).catch((err: unknown) => {
      throw new ActionError("UNAVAILABLE", { detail: "SEED_UNAVAILABLE", cause: err });
    });
    if (!seedFile) throw new ActionError("UNAVAILABLE", { detail: "SEED_UNAVAILABLE" });
    const result = await deps.engine.edit({
      image: seedFile.body,
      mask: mask.png,
      prompt: input.prompt,
      width: seed.width,
      height: seed.height,
      signal: input.signal,
      work,
    });
    const { final, thumb } = await work({
      kind: "finish",
      seed: seedFile.body,
      generated: result.image,
      edit: mask.edit,
      width: seed.width,
      height: seed.height,
    });

    const base = `days/${keyFromDate(day.date)}/${randomUUID()}`;
    const files: [string, Buffer, string][] = [
      [`${base}/result.png`, final, "image/png"],
      [`${base}/mask.png`, mask.png, "image/png"],
      [`${base}/raw.png`, result.image, "image/png"],
      [`${base}/thumb.webp`, thumb, "image/webp"],
    ];
    try {
      for (const [key, body, type] of files) {
        written.push(key);
        await deps.storage.put(key, body, type);
      }
    } catch (err: unknown) {
      throw new ActionError("STORAGE", { cause: err });
    }

    const image = await db.$transaction(async (tx) => {
      // The day may have closed while the engine worked; a closed day takes no new images.
      await lockOpenDay(tx, day.id);
      return tx.image.create({
        data: {
          dayId: day.id,
          parentId: seed.id,
          creatorId: input.userId,
          prompt: input.prompt,
          status: "DRAFT",
          resultKey: `${base}/result.png`,
          maskKey: `${base}/mask.png`,
          rawKey: `${base}/raw.png`,
          thumbKey: `${base}/thumb.webp`,
          width: seed.width,
          height: seed.height,
          provider: result.provider,
          model: result.model,
          modelRequested: result.modelRequested,
          maskCoverage: mask.coverage,
          engineParams: JSON.stringify(result.params),
          locale: input.locale ?? null,
          engineMs: Math.round(result.engineMs),
          totalMs: Math.round(performance.now() - started),
        },
        select: { id: true },
      });
    });
    // The offline engine has no account or key that could have failed.
    if (result.provider !== "offline")
      await markEngineRecovered(result.provider).catch((e) => log.error("could not mark the engine recovered", e));
    // One line per generation for operators: ids and timings, never the prompt itself.
    log.info("generation", {
      imageId: image.id,
      userId: input.userId,
      dayId: day.id,
      provider: result.provider,
      model: result.model,
      modelRequested: result.modelRequested,
      engineMs: Math.round(result.engineMs),
      totalMs: Math.round(performance.now() - started),
      promptLength: input.prompt.length,
      coverage: Number(mask.coverage.toFixed(4)),
    });
    return image;
  } catch (caught) {
    await refundQuotaReliably(input.userId, day.id, "generations").catch((e) => log.error("quota refund failed", e));
    await Promise.all(written.map((k) => deps.storage.delete(k).catch((e) => log.error(`could not delete ${k}`, e))));
    // The pool's own failures (busy, cancelled, timed out, crashed) become refusals like any other.
    const err = workRefusal(caught);
    if (err instanceof ActionError) {
      // A refusal the user caused needs no log line; a failure of ours (storage, the seed) does,
      // with its cause, since the user only sees what its code says.
      if (err.cause !== undefined) log.error(`generation failed: ${err.code}`, err.cause);
      throw err;
    }
    if (err instanceof EngineError) {
      // The participant only learns that generation is unavailable; the admin overview says why.
      if (err.operator) {
        log.error(`image engine failed: ${err.operator.code}`, err.operator.detail);
        await recordEngineFailure(err.operator).catch((e) => log.error("could not record the engine failure", e));
      }
      throw new ActionError(err.code, { detail: err.detail });
    }
    log.error("generation failed", err);
    if (isConnectionError(err)) throw new ActionError("UNAVAILABLE", { detail: "DATABASE_UNAVAILABLE_ATTEMPT" });
    throw new ActionError("INTERNAL", { detail: "GENERATION_FAILED" });
  }
}
