// A stable-diffusion-webui (AUTOMATIC1111 v1.10.1's HTTP API, started with --api) for tests: the
// engine talks to it over real HTTP. What it follows, and where each rule comes from, is in
// ./fake-sdwebui-rules.ts; behaviour of the real server it keeps (modules/api/api.py,
// modules/processing.py at commit 82a973c0):
// - one generation at a time, the others waiting in order (call_queue.py's FIFO queue_lock);
// - seed -1 is a random seed, reported in info.seed; info is a JSON string (Processed.js());
// - override_settings.sd_model_checkpoint is looked up exactly among a checkpoint's names and
//   hashes, and an unknown one is dropped without an error: the loaded checkpoint is used;
// - an unknown sampler_name becomes "DPM++ 2M" without an error; none at all is "Euler";
// - the mask is white where to repaint (an RGBA mask's alpha, if it has one, else its grey);
//   "Whole picture" works at width×height, "Only masked" answers at the init image's size;
// - --api-auth: HTTP Basic on every /sdapi route, 401 in webui's error shape, checked after the
//   route is matched (an unknown path 404, another method 405, as Starlette answers);
// - what the webui's own code trips over (a data URL without ";", a non-text init image, more init
//   images than batch_size) is a 500 named after the Python exception (api.py:183-188), and a
//   script that is not installed (none is, here) a 422 (api.py:36-40, 350-352);
// - a body sent as anything but JSON is a 422 (fastapi/routing.py 0.94).
// Its painting stands in for a diffusion model: deterministic in the seed, the checkpoint, the
// prompt and every sampling parameter, so a replay of recorded parameters is pixel-identical and
// any change (another checkpoint) shows. `censor` words black the repainted area out, as NSFW
// extensions do before the webui lays the original back outside the mask (the webui itself has no
// filter since 2022, commit 991e2dce).
import { createHash, randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import sharp, { type Sharp } from "sharp";
import { SAMPLERS, SCHEDULERS, validateImg2Img, webuiError } from "./fake-sdwebui-rules";

export interface FakeCheckpoint {
  title: string;
  model_name: string;
  /** The 10-hex short SHA-256 the API lists (CheckpointInfo.shorthash). */
  hash: string;
  sha256: string;
  filename: string;
}

/** A checkpoint as the server lists one, from its file name. */
export function fakeCheckpoint(file: string): FakeCheckpoint {
  const sha256 = createHash("sha256").update(file).digest("hex");
  const hash = sha256.slice(0, 10);
  return {
    title: `${file} [${hash}]`,
    model_name: file.replace(/\.[^.]+$/, ""),
    hash,
    sha256,
    filename: `/models/Stable-diffusion/${file}`,
  };
}

export const DEFAULT_CHECKPOINTS = [
  fakeCheckpoint("sd-v1-5-inpainting.safetensors"),
  fakeCheckpoint("sd_xl_base_1.0_inpainting_0.1.safetensors"),
];

/** What the next img2img answers instead of a picture: an error body, a wait, or no answer at all. */
export type FakeSdFault = { status: number; body: unknown; delayMs?: number } | { hang: true } | { delayMs: number };

export interface FakeSdwebuiOptions {
  checkpoints?: FakeCheckpoint[];
  auth?: { username: string; password: string };
  /** Words whose prompts come back blacked out, as an NSFW-censoring extension would do. */
  censor?: string[];
  /** List the checkpoints with no hash, as a server does before it has hashed them (or with --no-hashing). */
  hashless?: boolean;
}

export interface FakeSdwebui {
  url: string;
  /** The checkpoints it lists. */
  checkpoints: FakeCheckpoint[];
  /** Every img2img request's JSON body, in order. */
  requests: Record<string, unknown>[];
  /** What the next img2img calls answer, in order, before answering normally again. */
  script(...faults: FakeSdFault[]): void;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** decode_base64_to_image (modules/api/api.py:77-99): plain base64 or a data:image/…;base64, URL. */
async function decodeImage(encoding: string): Promise<Sharp | null> {
  // encoding.split(";")[1].split(",")[1] runs outside the try: a data URL without ";" or ","
  // is a Python IndexError, which the webui answers as a 500 in its generic shape.
  const parts = encoding.split(";")[1]?.split(",");
  if (encoding.startsWith("data:image/") && parts?.[1] === undefined) throw new PythonError("IndexError", "list index out of range");
  const text = encoding.startsWith("data:image/") ? parts![1]! : encoding;
  const bytes = Buffer.from(text, "base64");
  if (bytes.length === 0) return null;
  try {
    await sharp(bytes).metadata();
    return sharp(bytes);
  } catch {
    return null;
  }
}

/** An exception the webui's code would raise outside its own handling: a 500 named after its class (api.py:183-188). */
class PythonError extends Error {
  constructor(
    readonly pythonName: string,
    message: string,
  ) {
    super(message);
  }
}

/** A number stream from a hash of everything that decides the picture. */
function stream(key: string): () => number {
  let h = createHash("sha256").update(key).digest();
  let i = 0;
  return () => {
    if (i + 4 > h.length) {
      h = createHash("sha256").update(h).digest();
      i = 0;
    }
    const v = h.readUInt32BE(i) / 2 ** 32;
    i += 4;
    return v;
  };
}

export async function startFakeSdwebui(opts: FakeSdwebuiOptions = {}): Promise<FakeSdwebui> {
  const checkpoints = opts.checkpoints ?? DEFAULT_CHECKPOINTS;
  const fileOf = (c: FakeCheckpoint) => c.filename.split("/").pop()!;
  const stemOf = (c: FakeCheckpoint) => fileOf(c).replace(/\.[^.]+$/, "");
  /** The listing: unhashed checkpoints have no hash, and their title is their file name alone (sd_models.py:87-100). */
  const listed = (c: FakeCheckpoint) => (opts.hashless ? { ...c, title: fileOf(c), hash: null, sha256: null } : c);
  // The checkpoint selected in the server's settings, used when an override names none it has.
  const loaded = checkpoints[0]!;
  const requests: Record<string, unknown>[] = [];
  const faults: FakeSdFault[] = [];
  const hanging = new Set<ServerResponse>();
  let queue: Promise<unknown> = Promise.resolve();

  /** CheckpointInfo.ids (sd_models.py:98-100): the names an override is matched against, exactly. */
  const aliases = (c: FakeCheckpoint) => {
    const [name, stem] = [fileOf(c), stemOf(c)];
    const named = [name, c.model_name, stem];
    return opts.hashless ? named : [...named, c.title, c.hash, c.sha256, `${name} [${c.hash}]`, `${stem} [${c.hash}]`];
  };

  function authorised(req: IncomingMessage, res: ServerResponse): boolean {
    if (!opts.auth) return true;
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Basic ")) {
      send(res, 401, webuiError("HTTPException", "Not authenticated"));
      return false;
    }
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) {
      send(res, 401, webuiError("HTTPException", "Invalid authentication credentials"));
      return false;
    }
    if (decoded.slice(0, colon) !== opts.auth.username || decoded.slice(colon + 1) !== opts.auth.password) {
      send(res, 401, webuiError("HTTPException", "Incorrect username or password"));
      return false;
    }
    return true;
  }

  async function img2img(raw: string, res: ServerResponse, contentType: string | undefined): Promise<void> {
    // A body sent as anything but JSON is validated as it is, bytes, and is no object (fastapi/routing.py 0.94);
    // no Content-Type at all is read as JSON.
    if (contentType && !/^application\/(.+\+)?json\b/i.test(contentType))
      return send(res, 422, { detail: [{ loc: ["body"], msg: "value is not a valid dict", type: "type_error.dict" }] });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (err) {
      return send(res, 422, { detail: [{ loc: ["body", 0], msg: String((err as Error).message), type: "value_error.jsondecode" }] });
    }
    const checked = validateImg2Img(body);
    if (!checked.ok) return send(res, 422, { detail: checked.detail });
    const p = checked.value;
    requests.push(body as Record<string, unknown>);
    const initImages = p.init_images as unknown[] | null;
    // No script is installed here: naming one is refused as the webui refuses an unknown one (api.py:36-40, 350-352).
    if (p.script_name !== null) return send(res, 422, webuiError("HTTPException", `Script '${String(p.script_name)}' not found`));
    for (const name of Object.keys(p.alwayson_scripts as object))
      return send(res, 422, webuiError("HTTPException", `always on script ${name} not found`));
    if (!initImages) return send(res, 404, webuiError("HTTPException", "Init image not found"));
    // The mask is decoded before the queue, the init images inside it (api.py:499-501, 537-539).
    const mask = typeof p.mask === "string" && p.mask ? await decodeImage(p.mask) : null;
    if (typeof p.mask === "string" && p.mask && !mask) return send(res, 500, webuiError("HTTPException", "Invalid encoded image"));
    const overrides = { ...((p.override_settings as Record<string, unknown> | null) ?? {}) };
    for (const key of Object.keys(overrides))
      if (!["sd_model_checkpoint", "sd_vae", "CLIP_stop_at_last_layers"].includes(key))
        return send(res, 500, webuiError("KeyError", "", `'${key}'`));
    const fault = faults.shift();
    if (fault && "hang" in fault) {
      hanging.add(res);
      return;
    }
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && "status" in fault) return send(res, fault.status, fault.body);

    const turn = queue.then(async () => {
      const first = initImages[0];
      // init_images is an untyped list: an item that is not text fails on encoding.startswith (api.py:77-99).
      if (typeof first !== "string") throw new PythonError("AttributeError", `'${typeof first}' object has no attribute 'startswith'`);
      // One picture is repeated batch_size times; more than batch_size is refused (processing.py:1718-1729).
      const batch = p.batch_size as number;
      if (initImages.length > 1 && initImages.length > batch)
        throw new PythonError("RuntimeError", `bad number of images passed: ${initImages.length}; expecting ${batch} or less`);
      const init = await decodeImage(first);
      if (!init) return send(res, 500, webuiError("HTTPException", "Invalid encoded image"));
      const model = checkpoints.find((c) => aliases(c).includes(String(overrides.sd_model_checkpoint))) ?? loaded;
      const named = (p.sampler_name as string | null) ?? (p.sampler_index as string);
      const sampler = SAMPLERS.includes(named) ? named : SAMPLERS[0]!;
      const scheduler = SCHEDULERS.find(([n, l]) => n === p.scheduler || l === p.scheduler)?.[1] ?? "Automatic";
      const seed = p.seed === -1 || p.seed === null ? randomInt(4_294_967_294) : (p.seed as number);
      const fullRes = p.inpaint_full_res !== false;
      const initMeta = await init.metadata();
      const [w, h] = fullRes ? [initMeta.width!, initMeta.height!] : [p.width as number, p.height as number];
      const rgb = await init.clone().removeAlpha().resize(w, h, { fit: "fill" }).raw().toBuffer();
      let repaint: Buffer;
      if (mask) {
        const m = await mask.clone().metadata();
        const alpha = m.hasAlpha ? await mask.clone().extractChannel(3).raw().toBuffer() : null;
        const useAlpha = alpha !== null && alpha.some((v: number) => v !== 255);
        const grey = useAlpha ? mask.clone().extractChannel(3) : mask.clone().greyscale();
        if (fullRes && (m.width !== w || m.height !== h)) return send(res, 500, webuiError("ValueError", "", "images do not match"));
        repaint = await grey.resize(w, h, { fit: "fill" }).extractChannel(0).raw().toBuffer();
        // "Inpaint not masked" swaps the two (processing.py:1616-1618).
        if (p.inpainting_mask_invert === 1) for (let i = 0; i < repaint.length; i++) repaint[i] = 255 - repaint[i]!;
        // "Only masked" with nothing masked falls back to plain img2img: everything is repainted.
        if (fullRes && repaint.every((v) => v <= 127)) repaint.fill(255);
      } else repaint = Buffer.alloc(w * h, 255);
      const prompt = String(p.prompt ?? "");
      const censored = (opts.censor ?? []).some((word) => prompt.toLowerCase().includes(word));
      const fill = p.inpainting_fill as number;
      const denoise = p.denoising_strength as number;
      // Everything that changes a real server's picture changes this one's.
      const maskBlur = p.mask_blur ?? [p.mask_blur_x, p.mask_blur_y];
      const rand = stream(
        JSON.stringify([
          seed,
          model.sha256,
          prompt,
          p.negative_prompt,
          p.steps,
          p.cfg_scale,
          sampler,
          scheduler,
          denoise,
          fill,
          maskBlur,
          fullRes,
          p.inpaint_full_res_padding,
          p.inpainting_mask_invert,
          p.resize_mode,
        ]),
      );
      const base = [rand() * 255, rand() * 255, rand() * 255];
      const wave = [rand() * 0.2 + 0.01, rand() * 0.2 + 0.01, rand() * Math.PI * 2];
      const out = Buffer.alloc(w * h * 3);
      for (let i = 0; i < w * h; i++) {
        const x = i % w;
        const y = Math.floor(i / w);
        for (let c = 0; c < 3; c++) {
          const orig = rgb[i * 3 + c]!;
          // overlay_inpaint: unmasked pixels are the original's, whatever happened to the rest.
          if (repaint[i]! <= 127) out[i * 3 + c] = orig;
          else if (censored) out[i * 3 + c] = 0;
          else {
            const painted = base[c]! + 60 * Math.sin(x * wave[0]! + y * wave[1]! + wave[2]! + c);
            // "original" (1) starts from the picture, so less denoising keeps more of it.
            const mixed = fill === 1 ? orig * (1 - denoise) + painted * denoise : painted;
            out[i * 3 + c] = Math.max(0, Math.min(255, Math.round(mixed)));
          }
        }
      }
      const png = await sharp(out, { raw: { width: w, height: h, channels: 3 } })
        .png()
        .toBuffer();
      const info = {
        prompt,
        all_prompts: [prompt],
        negative_prompt: p.negative_prompt ?? "",
        all_negative_prompts: [p.negative_prompt ?? ""],
        seed,
        all_seeds: [seed],
        subseed: p.subseed === -1 ? randomInt(4_294_967_294) : p.subseed,
        all_subseeds: [p.subseed],
        subseed_strength: p.subseed_strength,
        width: p.width,
        height: p.height,
        sampler_name: sampler,
        cfg_scale: p.cfg_scale,
        steps: p.steps,
        batch_size: p.batch_size,
        restore_faces: false,
        face_restoration_model: null,
        sd_model_name: stemOf(model),
        sd_model_hash: model.hash,
        sd_vae_name: null,
        sd_vae_hash: null,
        seed_resize_from_w: p.seed_resize_from_w,
        seed_resize_from_h: p.seed_resize_from_h,
        denoising_strength: denoise,
        extra_generation_params: { "Denoising strength": denoise, "Mask blur": p.mask_blur ?? p.mask_blur_x },
        index_of_first_image: 0,
        infotexts: [
          `${prompt}\nSteps: ${String(p.steps)}, Sampler: ${sampler}, Schedule type: ${scheduler}, Seed: ${seed}, Model hash: ${model.hash}, Model: ${model.model_name}`,
        ],
        styles: p.styles ?? [],
        job_timestamp: new Date().toISOString().replace(/\D/g, "").slice(0, 14),
        clip_skip: 1,
        is_using_inpainting_conditioning: model.model_name.includes("inpainting"),
        version: "v1.10.1",
      };
      // ImageToImageResponse: images, parameters (the request, init images and mask left out), info as a JSON string.
      send(res, 200, { images: [png.toString("base64")], parameters: { ...p, init_images: null, mask: null }, info: JSON.stringify(info) });
    });
    queue = turn.catch(() => undefined);
    await turn;
  }

  // The routes this stand-in serves (api.py:211-246), by path and method.
  const routes: Record<string, Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void> | void>> = {
    "/sdapi/v1/sd-models": {
      GET: (_, res) =>
        send(
          res,
          200,
          checkpoints.map((c) => ({ ...listed(c), config: null })),
        ),
    },
    "/sdapi/v1/samplers": {
      GET: (_, res) =>
        send(
          res,
          200,
          SAMPLERS.map((name) => ({ name, aliases: [], options: {} })),
        ),
    },
    "/sdapi/v1/schedulers": {
      GET: (_, res) =>
        send(
          res,
          200,
          SCHEDULERS.map(([name, label]) => ({ name, label, aliases: null, default_rho: -1, need_inner_model: false })),
        ),
    },
    "/sdapi/v1/img2img": { POST: async (req, res) => img2img(await readBody(req), res, req.headers["content-type"]) },
  };

  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0]!;
    void (async () => {
      // Starlette matches the route before any dependency runs: an unknown path is a 404 and a
      // known one asked with another method a 405, both before --api-auth is checked.
      const route = routes[path];
      if (!route) return send(res, 404, { detail: "Not Found" });
      const handle = route[req.method ?? ""];
      if (!handle) return send(res, 405, { detail: "Method Not Allowed" });
      if (!authorised(req, res)) return;
      await handle(req, res);
    })().catch((err: unknown) =>
      err instanceof PythonError
        ? send(res, 500, webuiError(err.pythonName, "", err.message))
        : send(res, 500, webuiError((err as Error).name, "", String((err as Error).message))),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    checkpoints,
    requests,
    script(...next) {
      faults.push(...next);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
