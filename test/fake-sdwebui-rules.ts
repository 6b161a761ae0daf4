// The request model of a stable-diffusion-webui's POST /sdapi/v1/img2img, as the real server
// builds it, and its error shapes. Sources (AUTOMATIC1111/stable-diffusion-webui v1.10.1, commit
// 82a973c0):
// - modules/api/models.py:115-130: the model is generated from StableDiffusionProcessingImg2Img's
//   fields (every dataclass field Optional, so null is accepted) plus the API-only keys below.
// - modules/processing.py:136-183 and 1556-1573: the dataclass fields, types and defaults.
// - fastapi/exception_handlers.py (0.94.0, the pinned version): a validation error is 422
//   {"detail":[{"loc":["body",<field>],"msg":...,"type":...}]} with pydantic v1 messages.
// - modules/api/api.py:167-181: every other error is {"error","detail","body","errors"}.
//
// Stricter than the real server, on purpose: it ignores unknown fields (pydantic v1's default
// Extra.ignore) and coerces "20" to 20; this one refuses both, with pydantic v1's own words for
// them ("extra fields not permitted", value_error.extra), so a misspelt or mistyped parameter,
// which the real server would silently drop or bend, fails our tests instead of a study.

export type Kind = "str" | "int" | "float" | "bool" | "list" | "dict";
type Field = { kind: Kind; default: unknown; nullable: boolean };

const f = (kind: Kind, value: unknown, nullable = true): Field => ({ kind, default: value, nullable });

/** Every field the real img2img request model has, with its type and default. */
export const IMG2IMG_FIELDS: Record<string, Field> = {
  // StableDiffusionProcessing (processing.py:136-183); all Optional in the generated model.
  prompt: f("str", ""),
  negative_prompt: f("str", ""),
  styles: f("list", null),
  seed: f("int", -1),
  subseed: f("int", -1),
  subseed_strength: f("float", 0),
  seed_resize_from_h: f("int", -1),
  seed_resize_from_w: f("int", -1),
  sampler_name: f("str", null),
  scheduler: f("str", null),
  batch_size: f("int", 1),
  n_iter: f("int", 1),
  steps: f("int", 50),
  cfg_scale: f("float", 7.0),
  width: f("int", 512),
  height: f("int", 512),
  restore_faces: f("bool", null),
  tiling: f("bool", null),
  do_not_save_samples: f("bool", false),
  do_not_save_grid: f("bool", false),
  eta: f("float", null),
  s_min_uncond: f("float", null),
  s_churn: f("float", null),
  s_tmax: f("float", null),
  s_tmin: f("float", null),
  s_noise: f("float", null),
  override_settings: f("dict", null),
  override_settings_restore_afterwards: f("bool", true),
  refiner_checkpoint: f("str", null),
  refiner_switch_at: f("float", null),
  disable_extra_networks: f("bool", false),
  firstpass_image: f("str", null),
  comments: f("dict", null),
  // StableDiffusionProcessingImg2Img (processing.py:1556-1573).
  resize_mode: f("int", 0),
  image_cfg_scale: f("float", null),
  mask_blur_x: f("int", 4),
  mask_blur_y: f("int", 4),
  mask_blur: f("int", null),
  mask_round: f("bool", true),
  inpainting_fill: f("int", 0),
  inpaint_full_res: f("bool", true),
  inpaint_full_res_padding: f("int", 0),
  inpainting_mask_invert: f("int", 0),
  initial_noise_multiplier: f("float", null),
  latent_mask: f("str", null),
  // The API's own keys (models.py:115-130): those with a non-null default refuse null.
  sampler_index: f("str", "Euler", false),
  init_images: f("list", null),
  denoising_strength: f("float", 0.75, false),
  mask: f("str", null),
  include_init_images: f("bool", false, false),
  script_name: f("str", null),
  script_args: f("list", [], false),
  send_images: f("bool", true, false),
  save_images: f("bool", false, false),
  alwayson_scripts: f("dict", {}, false),
  force_task_id: f("str", null),
  infotext: f("str", null),
};

/** pydantic v1's message and type for a value of the wrong kind (pydantic/errors.py). */
const WRONG: Record<Kind, { msg: string; type: string }> = {
  str: { msg: "str type expected", type: "type_error.str" },
  int: { msg: "value is not a valid integer", type: "type_error.integer" },
  float: { msg: "value is not a valid float", type: "type_error.float" },
  bool: { msg: "value could not be parsed to a boolean", type: "type_error.bool" },
  list: { msg: "value is not a valid list", type: "type_error.list" },
  dict: { msg: "value is not a valid dict", type: "type_error.dict" },
};

function fits(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case "str":
      return typeof v === "string";
    case "int":
      return typeof v === "number" && Number.isInteger(v);
    case "float":
      return typeof v === "number" && Number.isFinite(v);
    case "bool":
      return typeof v === "boolean";
    case "list":
      return Array.isArray(v);
    case "dict":
      return typeof v === "object" && v !== null && !Array.isArray(v);
  }
}

export type ValidationItem = { loc: (string | number)[]; msg: string; type: string };

/** The request with every default filled in, or pydantic's list of what is wrong with it. */
export function validateImg2Img(body: unknown): { ok: true; value: Record<string, unknown> } | { ok: false; detail: ValidationItem[] } {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, detail: [{ loc: ["body"], msg: WRONG.dict.msg, type: WRONG.dict.type }] };
  const detail: ValidationItem[] = [];
  const value: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(IMG2IMG_FIELDS)) {
    const v = (body as Record<string, unknown>)[name];
    if (v === undefined) value[name] = structuredClone(field.default);
    else if (v === null) {
      if (field.nullable) value[name] = null;
      else detail.push({ loc: ["body", name], msg: "none is not an allowed value", type: "type_error.none.not_allowed" });
    } else if (!fits(field.kind, v)) detail.push({ loc: ["body", name], ...WRONG[field.kind] });
    else value[name] = v;
  }
  for (const name of Object.keys(body)) {
    if (!Object.hasOwn(IMG2IMG_FIELDS, name))
      detail.push({ loc: ["body", name], msg: "extra fields not permitted", type: "value_error.extra" });
  }
  return detail.length ? { ok: false, detail } : { ok: true, value };
}

/** webui's own error body (modules/api/api.py:167-181). */
export function webuiError(error: string, detail: string, errors = ""): { error: string; detail: string; body: string; errors: string } {
  return { error, detail, body: "", errors };
}

/** The samplers a v1.10 server lists, in its order (sd_samplers_kdiffusion.py, sd_samplers_timesteps.py, sd_samplers_lcm.py). */
export const SAMPLERS = [
  "DPM++ 2M",
  "DPM++ SDE",
  "DPM++ 2M SDE",
  "DPM++ 2M SDE Heun",
  "DPM++ 2S a",
  "DPM++ 3M SDE",
  "Euler a",
  "Euler",
  "LMS",
  "Heun",
  "DPM2",
  "DPM2 a",
  "DPM fast",
  "DPM adaptive",
  "Restart",
  "DDIM",
  "DDIM CFG++",
  "PLMS",
  "UniPC",
  "LCM",
];

/** The schedulers (sd_schedulers.py): name and label. */
export const SCHEDULERS: [string, string][] = [
  ["automatic", "Automatic"],
  ["uniform", "Uniform"],
  ["karras", "Karras"],
  ["exponential", "Exponential"],
  ["polyexponential", "Polyexponential"],
  ["sgm_uniform", "SGM Uniform"],
  ["kl_optimal", "KL Optimal"],
  ["align_your_steps", "Align Your Steps"],
  ["simple", "Simple"],
  ["normal", "Normal"],
  ["ddim", "DDIM"],
  ["beta", "Beta"],
];
