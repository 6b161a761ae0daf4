// Validates and normalises the mask a participant uploads. The mask is untrusted input that the
// server decodes, so every cheap check (byte size, PNG signature, declared dimensions) runs before
// sharp is asked to allocate pixels for it.
import sharp from "sharp";
import { detail, type ErrorDetail } from "@/lib/server/error-codes";

/**
 * A mask pixel counts as "to repaint" when its alpha is below this value. The browser editor
 * exports alpha 0/255 only, but anti-aliased stroke edges (or a mask made elsewhere) can carry
 * partial alpha; one documented threshold makes those edge pixels decide the same way every time.
 */
export const MASK_ALPHA_THRESHOLD = 128;

/** Largest mask file accepted, in bytes: a 4K all-noise RGBA PNG stays well under this. */
export const MAX_MASK_BYTES = 8 * 1024 * 1024;

/** Largest picture (or mask) accepted, in pixels: 4K UHD. Guards against PNG decompression bombs. */
export const MAX_IMAGE_PIXELS = 3840 * 2160;

export type MaskErrorCode =
  | "MASK_EMPTY"
  | "MASK_TOO_LARGE"
  | "MASK_TOO_MANY_PIXELS"
  | "MASK_NOT_PNG"
  | "MASK_DAMAGED"
  | "MASK_EMPTY_IMAGE"
  | "MASK_WRONG_SIZE"
  | "MASK_NOTHING"
  | "MASK_TOO_LITTLE"
  | "MASK_TOO_MUCH";

/** A mask was refused, with a code naming the problem and the figures that show it. */
export class MaskError extends Error {
  constructor(
    public readonly detail: ErrorDetail<MaskErrorCode>,
    options?: { cause?: unknown },
  ) {
    super(detail.values ? `${detail.code} ${JSON.stringify(detail.values)}` : detail.code, options);
    this.name = "MaskError";
  }

  get code(): MaskErrorCode {
    return this.detail.code;
  }
}

export interface Size {
  width: number;
  height: number;
}

export interface MaskBounds {
  /** Smallest accepted share of the picture to repaint, 0..1. */
  min: number;
  /** Largest accepted share of the picture to repaint, 0..1. */
  max: number;
}

export interface ReadMask {
  /** One byte per pixel, row-major: 1 = repaint, 0 = keep. */
  edit: Uint8Array;
  /** Share of pixels to repaint, 0..1. */
  coverage: number;
  /** Normalised RGBA PNG: rgb 0, alpha 0 where `edit` is 1 and 255 elsewhere. */
  png: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Signature (8) + IHDR length (4) + type (4) + width (4) + height (4): enough to read the size.
const IHDR_HEADER_END = 24;

/** Share of pixels marked 1 in an edit map, 0..1 (0 for an empty map). */
export function maskCoverage(edit: Uint8Array): number {
  if (edit.length === 0) return 0;
  let marked = 0;
  for (let i = 0; i < edit.length; i++) marked += edit[i]!;
  return marked / edit.length;
}

/**
 * A share as it is reported (0.004, 0.12): to a tenth of a percent below 10%, whole percents
 * above, rounded in the direction that never misstates a bound (the coverage down when it is too
 * little, the minimum up). The reader's locale then shows it as a percentage.
 */
function reported(share: number, round: (x: number) => number): number {
  // Snap away float noise first (0.07 * 100 = 7.000000000000001 must not ceil to 7.1).
  const p = Math.round(share * 1e8) / 1e6;
  return (p < 10 ? round(p * 10) / 10 : round(p)) / 100;
}

/**
 * Reads the size an untrusted PNG declares without decoding it. Our own parse of the IHDR chunk
 * (always the first chunk) means a bomb is refused before any decoder sees it.
 */
function declaredSize(png: Buffer): Size {
  if (png.length === 0) throw new MaskError(detail("MASK_EMPTY"));
  if (png.length > MAX_MASK_BYTES) {
    const mib = 1024 * 1024;
    throw new MaskError(detail("MASK_TOO_LARGE", { size: Math.round((png.length / mib) * 10) / 10, limit: MAX_MASK_BYTES / mib }));
  }
  if (png.length < PNG_SIGNATURE.length || !png.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new MaskError(detail("MASK_NOT_PNG"));
  }
  if (png.length < IHDR_HEADER_END || png.toString("latin1", 12, 16) !== "IHDR") {
    throw new MaskError(detail("MASK_DAMAGED"));
  }
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  if (size.width === 0 || size.height === 0) throw new MaskError(detail("MASK_EMPTY_IMAGE"));
  if (size.width * size.height > MAX_IMAGE_PIXELS) {
    throw new MaskError(detail("MASK_TOO_MANY_PIXELS", { ...size, limit: MAX_IMAGE_PIXELS }));
  }
  return size;
}

/**
 * The checks that need no decoding (bytes, PNG signature, declared size against the picture's):
 * a caller can refuse a bad upload at once, before it queues for the work of decoding it.
 * Returns the size; throws `MaskError`.
 */
export function checkMaskHeader(png: Buffer, expected: Size): Size {
  const size = declaredSize(png);
  if (size.width !== expected.width || size.height !== expected.height) {
    throw new MaskError(detail("MASK_WRONG_SIZE", { ...size, expectedWidth: expected.width, expectedHeight: expected.height }));
  }
  return size;
}

/**
 * Checks an untrusted mask PNG (bytes, signature, declared size, decodability, exact size) and
 * returns its edit map without judging coverage. Engines use this directly; uploads go through
 * `readMask`, which adds the coverage bounds. Throws `MaskError`.
 */
export async function readEditMap(png: Buffer, expected: Size): Promise<Uint8Array> {
  const size = checkMaskHeader(png, expected);
  // limitInputPixels repeats our IHDR check inside libvips; failOn "warning" rejects truncated data
  // instead of silently decoding a partial (grey-padded) image.
  const image = sharp(png, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "warning" });
  let alpha: Buffer;
  try {
    const meta = await image.metadata();
    if (meta.format !== "png") throw new MaskError(detail("MASK_NOT_PNG"));
    // Decoded even without an alpha channel (so a damaged file is still caught); ensureAlpha then
    // makes every pixel opaque, i.e. nothing is marked and the coverage bounds decide.
    const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    if (info.width !== size.width || info.height !== size.height) throw new Error("decoded size differs from IHDR");
    alpha = Buffer.alloc(info.width * info.height);
    for (let i = 0, j = info.channels - 1; i < alpha.length; i++, j += info.channels) alpha[i] = data[j]!;
  } catch (err) {
    if (err instanceof MaskError) throw err;
    throw new MaskError(detail("MASK_DAMAGED"), { cause: err });
  }
  const edit = new Uint8Array(alpha.length);
  for (let i = 0; i < alpha.length; i++) edit[i] = alpha[i]! < MASK_ALPHA_THRESHOLD ? 1 : 0;
  return edit;
}

/**
 * Validates an uploaded mask against the picture's size and the allowed coverage, and returns the
 * edit map, its coverage and a normalised PNG (so what we store and send to engines is exactly
 * what we judged). Throws `MaskError` with a code naming the problem.
 */
export async function readMask(png: Buffer, expected: Size, bounds: MaskBounds): Promise<ReadMask> {
  const edit = await readEditMap(png, expected);
  const coverage = maskCoverage(edit);
  if (coverage < bounds.min) {
    const min = reported(bounds.min, Math.ceil);
    throw new MaskError(
      coverage === 0 ? detail("MASK_NOTHING", { min }) : detail("MASK_TOO_LITTLE", { coverage: reported(coverage, Math.floor), min }),
    );
  }
  if (coverage > bounds.max) {
    throw new MaskError(detail("MASK_TOO_MUCH", { coverage: reported(coverage, Math.ceil), max: reported(bounds.max, Math.floor) }));
  }
  const rgba = Buffer.alloc(edit.length * 4);
  for (let i = 0; i < edit.length; i++) rgba[i * 4 + 3] = edit[i] ? 0 : 255;
  const normalised = await sharp(rgba, { raw: { width: expected.width, height: expected.height, channels: 4 } })
    .png()
    .toBuffer();
  return { edit, coverage, png: normalised };
}
