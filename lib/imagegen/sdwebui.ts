import "server-only";
// A self-hosted inpainting engine: the HTTP API of AUTOMATIC1111's stable-diffusion-webui, which
// Forge and SD.Next also speak, started with --api. The contract followed here is the webui's own
// (modules/api/models.py, modules/api/api.py, modules/processing.py at v1.10.1), summarised in
// test/fake-sdwebui.ts, the stand-in the tests run it against. Where the real server is lenient
// the engine checks for itself: an unknown sampler or checkpoint is silently replaced by the
// server, so both are checked at start-up against what it lists, and every answer is checked to
// name the checkpoint and sampler that were asked for.
import sharp from "sharp";
import { detail } from "@/lib/server/error-codes";
import { decodeEngineImage } from "./decode";
import { scaleForEngine } from "./openai-size";
import { INPAINTING_FILLS, type InpaintingFill, type SdwebuiParams } from "./params";
import { EngineError, type EditRequest, type EditResult, type ImageEngine } from "./types";

export interface SdwebuiEngineOptions {
  /** The server's address, e.g. http://127.0.0.1:7860 (no trailing /sdapi). */
  url: string;
  /** Its --api-auth login, when it has one. */
  username?: string;
  password?: string;
  /** The checkpoint every edit uses: a title, model name, file name or hash as /sdapi/v1/sd-models lists it. */
  checkpoint: string;
  sampler: string;
  scheduler: string;
  steps: number;
  cfgScale: number;
  denoisingStrength: number;
  inpaintingFill: InpaintingFill;
  inpaintFullRes: boolean;
  inpaintPadding: number;
  maskBlur: number;
  /** The longest side sent (the model's native size): seeds are scaled up or down to it, each side a multiple of 8. */
  maxSide: number;
  /** Deadline for one whole edit, the wait in the server's queue included. */
  timeoutMs: number;
}

/** A checkpoint as GET /sdapi/v1/sd-models lists it (SDModelItem, modules/api/models.py). */
type SdModel = { title: string; model_name: string; hash: string | null; sha256: string | null; filename: string };

/**
 * The size sent for a seed: scaled, up or down, so its longest side is `maxSide` (the model's
 * native size: it paints worse far from it), each side a multiple of 8, which the latent space
 * needs (opt_f = 8, modules/processing.py); the result is scaled back to the seed's size.
 */
export function sdwebuiSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const cap = Math.max(64, Math.floor(maxSide / 8) * 8);
  const scale = maxSide / Math.max(width, height);
  const side = (v: number) => Math.min(cap, Math.max(64, Math.round((v * scale) / 8) * 8));
  return { width: side(width), height: side(height) };
}

/** The file name without folder or extension: what the server reports as info.sd_model_name. */
const stemOf = (file: string) =>
  file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]+$/, "");

/** Our mask (alpha 0 where to repaint) as the webui reads one: grey, white where to repaint. */
async function webuiMask(mask: Buffer): Promise<Buffer> {
  return sharp(mask).ensureAlpha().extractChannel(3).negate().png().toBuffer();
}

/** Why a request stopped when its signal fired: the participant left, or the deadline passed. */
const stopped = (cause: unknown, timeoutMs: number, userSignal?: AbortSignal) =>
  userSignal?.aborted
    ? new EngineError("ABORTED", { cause })
    : new EngineError("TIMEOUT", { detail: detail("TIMEOUT", { seconds: Math.round(timeoutMs / 1000) }), cause });

const operatorError = (code: string, said: string, cause?: unknown) =>
  new EngineError("MISCONFIGURED", { cause, operator: { service: "sdwebui", code, detail: said.slice(0, 500) } });

/** The webui's error body ({"error","detail","body","errors"}) or FastAPI's 422 ({"detail":[...]}), in one line. */
function describe(body: unknown): string {
  if (!body || typeof body !== "object") return String(body ?? "").slice(0, 300);
  const b = body as { error?: unknown; detail?: unknown; errors?: unknown };
  if (Array.isArray(b.detail))
    return b.detail
      .map((d: { loc?: unknown[]; msg?: unknown }) => `${(d.loc ?? []).join(".")}: ${String(d.msg ?? "")}`)
      .join("; ")
      .slice(0, 300);
  return [b.error, b.detail, b.errors]
    .filter((x) => typeof x === "string" && x !== "")
    .join(": ")
    .slice(0, 300);
}

/** An ImageEngine on a stable-diffusion-webui's POST /sdapi/v1/img2img. */
export function createSdwebuiEngine(opts: SdwebuiEngineOptions): ImageEngine {
  const base = opts.url.replace(/\/+$/, "");
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (opts.username !== undefined)
    headers.authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password ?? ""}`).toString("base64")}`;

  /** One call; failures become EngineErrors the generation can refund and explain. */
  async function call(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    signal: AbortSignal,
    timeoutMs: number,
    userSignal?: AbortSignal,
  ) {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    } catch (err) {
      if (signal.aborted) throw stopped(err, timeoutMs, userSignal);
      throw new EngineError("UNAVAILABLE", { detail: "ENGINE_UNAVAILABLE", cause: err });
    }
    const text = await res.text().catch(() => "");
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (res.ok) return json;
    const said = `${method} ${path}: HTTP ${res.status} ${describe(json)}`;
    // --api-auth refused us, or the server runs without --api (every /sdapi path is a 404).
    if (res.status === 401) throw operatorError("unauthorized", `${said} (check SDWEBUI_USERNAME and SDWEBUI_PASSWORD)`);
    if (res.status === 404 && path !== "/sdapi/v1/schedulers")
      throw operatorError("not_found", `${said} (is the webui started with --api, and SDWEBUI_URL its address?)`);
    // A proxy or a hosted endpoint in front of the GPU saying it is full: try again later.
    if (res.status === 429 || res.status === 503) throw new EngineError("RATE_LIMITED", { detail: "ENGINE_BUSY" });
    // Our request was refused: a bug or a server version we do not speak; the operator must see it.
    if (res.status === 422 || (res.status >= 400 && res.status < 500))
      throw new EngineError("UNAVAILABLE", {
        detail: "ENGINE_REJECTED",
        operator: { service: "sdwebui", code: `http_${res.status}`, detail: said },
      });
    // The GPU ran out of memory, produced NaNs, or crashed: the attempt is refunded, and the operator told.
    const error =
      json && typeof json === "object" && typeof (json as { error?: unknown }).error === "string"
        ? (json as { error: string }).error
        : `http_${res.status}`;
    throw new EngineError("UNAVAILABLE", { detail: "ENGINE_UNAVAILABLE", operator: { service: "sdwebui", code: error, detail: said } });
  }

  /** Runs `fn` with a signal that stops at the deadline or when the request is aborted. */
  async function within<T>(timeoutMs: number, userSignal: AbortSignal | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const timer = AbortSignal.timeout(timeoutMs);
    return fn(userSignal ? AbortSignal.any([userSignal, timer]) : timer);
  }

  // The webui paints one picture at a time and never drops a queued request whose client left
  // (call_queue.py's FIFO lock): a request we gave up on would still hold the GPU for later ones.
  // So this instance sends one at a time, and the others wait here, where a deadline or the
  // participant leaving takes them out of the line for good.
  const line: (() => void)[] = [];
  let sending = false;
  const release = () => {
    const next = line.shift();
    if (next) next();
    else sending = false;
  };
  async function turn(signal: AbortSignal): Promise<void> {
    if (!sending) {
      sending = true;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const go = () => {
        signal.removeEventListener("abort", leave);
        resolve();
      };
      const leave = () => {
        line.splice(line.indexOf(go), 1);
        reject(signal.reason);
      };
      line.push(go);
      signal.addEventListener("abort", leave, { once: true });
    });
  }

  let resolved: Promise<SdModel> | undefined;
  /** Checks the server answers, lists the configured checkpoint, and knows the sampler and scheduler. */
  async function check(): Promise<SdModel> {
    const timeoutMs = Math.min(opts.timeoutMs, 15_000);
    return within(timeoutMs, undefined, async (signal) => {
      const models = (await call("GET", "/sdapi/v1/sd-models", undefined, signal, timeoutMs)) as SdModel[];
      if (!Array.isArray(models)) throw operatorError("bad_answer", "GET /sdapi/v1/sd-models did not answer a list");
      const wanted = opts.checkpoint;
      const model = models.find(
        (m) => m.title === wanted || m.model_name === wanted || m.hash === wanted || m.sha256 === wanted || stemOf(m.filename) === wanted,
      );
      if (!model)
        throw operatorError(
          "checkpoint_not_found",
          `SDWEBUI_CHECKPOINT "${wanted}" is not one of the server's checkpoints: ${models.map((m) => m.title).join(", ") || "none"}`,
        );
      const samplers = (await call("GET", "/sdapi/v1/samplers", undefined, signal, timeoutMs)) as { name: string; aliases: string[] }[];
      if (!samplers.some((s) => s.name === opts.sampler))
        throw operatorError(
          "sampler_not_found",
          `SDWEBUI_SAMPLER "${opts.sampler}" is not one of: ${samplers.map((s) => s.name).join(", ")}`,
        );
      // Servers before v1.9 have no schedulers and no such field: only "Automatic" means the same there.
      const schedulers = (await call("GET", "/sdapi/v1/schedulers", undefined, signal, timeoutMs).catch(() => null)) as
        { name: string; label: string }[] | null;
      const known = schedulers
        ? schedulers.some((s) => s.name === opts.scheduler || s.label === opts.scheduler)
        : opts.scheduler === "Automatic";
      if (!known) throw operatorError("scheduler_not_found", `SDWEBUI_SCHEDULER "${opts.scheduler}" is not one this server offers`);
      return model;
    });
  }
  const checkpoint = () => {
    resolved ??= check().catch((err: unknown) => {
      resolved = undefined;
      throw err;
    });
    return resolved;
  };

  return {
    provider: "sdwebui",
    model: opts.checkpoint,
    async prepare() {
      await checkpoint();
    },
    async edit(req: EditRequest): Promise<EditResult> {
      const started = Date.now();
      const model = await checkpoint();
      const recorded = req.replay?.engine === "sdwebui" ? req.replay : undefined;
      const p = {
        seed: recorded?.seed ?? -1,
        sampler: recorded?.sampler ?? opts.sampler,
        scheduler: recorded?.scheduler ?? opts.scheduler,
        steps: recorded?.steps ?? opts.steps,
        cfgScale: recorded?.cfgScale ?? opts.cfgScale,
        denoisingStrength: recorded?.denoisingStrength ?? opts.denoisingStrength,
        inpaintingFill: recorded?.inpaintingFill ?? opts.inpaintingFill,
        inpaintFullRes: recorded?.inpaintFullRes ?? opts.inpaintFullRes,
        inpaintPadding: recorded?.inpaintPadding ?? opts.inpaintPadding,
        maskBlur: recorded?.maskBlur ?? opts.maskBlur,
      };
      const size = recorded ? { width: recorded.width, height: recorded.height } : sdwebuiSize(req.width, req.height, opts.maxSide);
      const from = { width: req.width, height: req.height };
      const scaled = req.work
        ? await req.work({ kind: "scale-for-engine", image: req.image, mask: req.mask, from, to: size })
        : await scaleForEngine(req.image, req.mask, from, size);
      // The request model's own field names (StableDiffusionProcessingImg2Img), nothing else.
      const body = {
        init_images: [scaled.image.toString("base64")],
        mask: (await webuiMask(scaled.mask)).toString("base64"),
        prompt: req.prompt,
        negative_prompt: "",
        seed: p.seed,
        sampler_name: p.sampler,
        scheduler: p.scheduler,
        batch_size: 1,
        n_iter: 1,
        steps: p.steps,
        cfg_scale: p.cfgScale,
        width: size.width,
        height: size.height,
        denoising_strength: p.denoisingStrength,
        resize_mode: 0,
        mask_blur: p.maskBlur,
        inpainting_fill: INPAINTING_FILLS.indexOf(p.inpaintingFill),
        inpaint_full_res: p.inpaintFullRes,
        inpaint_full_res_padding: p.inpaintPadding,
        inpainting_mask_invert: 0,
        override_settings: { sd_model_checkpoint: model.title },
        override_settings_restore_afterwards: true,
        send_images: true,
        save_images: false,
      };
      const answer = (await within(Math.max(1, started + opts.timeoutMs - Date.now()), req.signal, async (signal) => {
        try {
          await turn(signal);
        } catch (err) {
          throw stopped(err, opts.timeoutMs, req.signal);
        }
        try {
          return await call("POST", "/sdapi/v1/img2img", body, signal, opts.timeoutMs, req.signal);
        } finally {
          release();
        }
      })) as { images?: unknown; info?: unknown };
      const image = await decodeEngineImage(Array.isArray(answer?.images) ? answer.images[0] : undefined);
      let info: { seed?: unknown; sd_model_name?: unknown; sd_model_hash?: unknown; sampler_name?: unknown; version?: unknown };
      try {
        // ImageToImageResponse.info is a JSON string (Processed.js()).
        info = JSON.parse(typeof answer.info === "string" ? answer.info : "");
      } catch (err) {
        throw new EngineError("BAD_OUTPUT", { cause: err });
      }
      if (typeof info.seed !== "number" || typeof info.sd_model_name !== "string") throw new EngineError("BAD_OUTPUT");
      // The server drops an override naming a checkpoint it does not have, and replaces an unknown
      // sampler, without a word: an answer made with anything else is not what was asked for.
      // By hash where both are known; a checkpoint never hashed yet (or a server run with
      // --no-hashing) lists none, and then its file's stem is what the answer must name.
      const hash = typeof info.sd_model_hash === "string" ? info.sd_model_hash : null;
      const sameCheckpoint = model.hash && hash ? hash === model.hash : info.sd_model_name === stemOf(model.filename);
      if (!sameCheckpoint)
        throw operatorError(
          "checkpoint_not_used",
          `asked for ${model.title}, the server used ${info.sd_model_name} [${hash ?? "no hash"}]`,
        );
      if (info.sampler_name !== p.sampler)
        throw operatorError("sampler_not_used", `asked for sampler ${p.sampler}, the server used ${String(info.sampler_name)}`);
      // A safety filter on the server (an extension; the webui itself has none) blacks the picture
      // out; the webui then lays the unmasked original back over it, so the repainted area is black.
      if (await repaintedBlack(image, scaled.mask)) throw new EngineError("REFUSED", { detail: "REFUSED" });
      const params: SdwebuiParams = {
        engine: "sdwebui",
        checkpoint: info.sd_model_name,
        checkpointHash: hash,
        seed: info.seed,
        sampler: info.sampler_name,
        scheduler: p.scheduler,
        steps: p.steps,
        cfgScale: p.cfgScale,
        denoisingStrength: p.denoisingStrength,
        inpaintingFill: p.inpaintingFill,
        inpaintFullRes: p.inpaintFullRes,
        inpaintPadding: p.inpaintPadding,
        maskBlur: p.maskBlur,
        width: size.width,
        height: size.height,
        serverVersion: typeof info.version === "string" ? info.version : null,
      };
      return {
        image,
        provider: "sdwebui",
        model: info.sd_model_name,
        modelRequested: opts.checkpoint,
        engineMs: Date.now() - started,
        params,
      };
    },
  };
}

/** Whether every pixel the mask (alpha 0 = repaint) gave to the server came back black. */
async function repaintedBlack(png: Buffer, mask: Buffer): Promise<boolean> {
  const [out, alpha] = await Promise.all([
    sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true }),
    sharp(mask).ensureAlpha().extractChannel(3).raw().toBuffer({ resolveWithObject: true }),
  ]);
  if (out.info.width !== alpha.info.width || out.info.height !== alpha.info.height) return false;
  let repainted = 0;
  for (let i = 0; i < alpha.data.length; i++) {
    if (alpha.data[i] !== 0) continue;
    repainted++;
    if (out.data[i * 3] || out.data[i * 3 + 1] || out.data[i * 3 + 2]) return false;
  }
  return repainted > 0;
}
