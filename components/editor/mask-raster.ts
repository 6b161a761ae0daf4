import { coverageOf, countRepaintPixels, thresholdMask } from "./coverage";
import type { MaskOp } from "./model";
import { drawOp, opBounds, rasterizeOps } from "./rasterize";

/**
 * The committed mask as pixels, at the seed's native size, in two offscreen canvases:
 * - `mask`: opaque white where masked, transparent elsewhere (the source of truth for export
 *   and coverage);
 * - `display`: the same shape tinted with the overlay colour, shown by one Konva.Image.
 * Pointer moves never touch these; they change only when the op list does, and then mostly
 * incrementally (one op drawn on top), so hundreds of strokes cost nothing while painting.
 */
export class MaskRaster {
  readonly mask: HTMLCanvasElement;
  readonly display: HTMLCanvasElement;
  private readonly maskCtx: CanvasRenderingContext2D;
  private readonly displayCtx: CanvasRenderingContext2D;
  private drawn: readonly MaskOp[] = [];
  /** Repaint pixels in `mask`, kept up to date incrementally; null = unknown, rescan. */
  private repaint: number | null = 0;

  constructor(
    readonly width: number,
    readonly height: number,
    /** The overlay colour the display copy is tinted with (also used for the live preview). */
    readonly color: string,
  ) {
    this.mask = makeCanvas(width, height);
    this.display = makeCanvas(width, height);
    // The mask is read back after every commit (coverage), so keep it CPU-side.
    this.maskCtx = context2d(this.mask, true);
    this.displayCtx = context2d(this.display, false);
  }

  /**
   * Brings the pixels in line with `ops`. When `ops` extends what is already drawn (same op
   * objects, more of them: a new op or a redo) only the new ops are drawn; anything else
   * (undo, a different branch) re-rasterises from scratch. Returns whether anything changed.
   */
  sync(ops: readonly MaskOp[]): boolean {
    if (ops === this.drawn) return false;
    const extendsDrawn = ops.length >= this.drawn.length && this.drawn.every((op, i) => ops[i] === op);
    if (extendsDrawn) {
      if (ops.length === this.drawn.length) {
        this.drawn = ops;
        return false;
      }
      for (let i = this.drawn.length; i < ops.length; i++) this.drawIncrementally(ops[i]!);
    } else {
      rasterizeOps(this.maskCtx, ops, this.width, this.height);
      this.repaint = null;
    }
    this.drawn = ops;
    this.retint();
    return true;
  }

  /**
   * Draws one op and updates the repaint count without a full scan: a stroke, rectangle or lasso
   * can only change pixels inside its bounds, so the count changes by (after - before) there;
   * invert turns alpha a into 255 - a, which flips every pixel across the threshold exactly.
   */
  private drawIncrementally(op: MaskOp): void {
    const total = this.width * this.height;
    const known = this.repaint;
    if (op.kind === "clear" || op.kind === "invert") {
      drawOp(this.maskCtx, op, this.width, this.height);
      this.repaint = op.kind === "clear" ? 0 : known === null ? null : total - known;
      return;
    }
    const box = opBounds(op, this.width, this.height);
    // Counting a huge box twice would cost more than one full rescan later.
    if (box === null || known === null || box.w * box.h > total / 4) {
      drawOp(this.maskCtx, op, this.width, this.height);
      this.repaint = null;
      return;
    }
    const before = this.countIn(box);
    drawOp(this.maskCtx, op, this.width, this.height);
    this.repaint = known + this.countIn(box) - before;
  }

  private countIn(box: { x: number; y: number; w: number; h: number }): number {
    if (box.w <= 0 || box.h <= 0) return 0;
    return countRepaintPixels(this.maskCtx.getImageData(box.x, box.y, box.w, box.h).data);
  }

  /** Redraws the tinted copy: the mask's alpha, filled with the overlay colour ('source-in'). */
  private retint(): void {
    const ctx = this.displayCtx;
    ctx.save();
    ctx.globalCompositeOperation = "copy";
    ctx.drawImage(this.mask, 0, 0);
    ctx.globalCompositeOperation = "source-in";
    ctx.fillStyle = this.color;
    ctx.fillRect(0, 0, this.width, this.height);
    ctx.restore();
  }

  /**
   * Share of pixels to repaint (alpha >= 128, see coverage.ts) and that pixel count. Usually
   * known from the incremental updates; after an undo or a very large op it rescans the mask.
   */
  measure(): { coverage: number; repaint: number } {
    this.repaint ??= this.countIn({ x: 0, y: 0, w: this.width, h: this.height });
    return { coverage: coverageOf(this.repaint, this.width, this.height), repaint: this.repaint };
  }

  /**
   * The mask to send with a generation: an RGBA PNG at the native size where repaint pixels
   * have alpha 0 and all others alpha 255 (RGB 0), made from the same threshold as `measure`.
   */
  async exportPng(): Promise<{ png: Blob; coverage: number }> {
    const data = this.maskCtx.getImageData(0, 0, this.width, this.height).data;
    const { pixels, repaint } = thresholdMask(data);
    const out = makeCanvas(this.width, this.height);
    context2d(out, false).putImageData(new ImageData(pixels, this.width, this.height), 0, 0);
    const png = await new Promise<Blob>((resolve, reject) => {
      out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Could not encode the mask as PNG"))), "image/png");
    });
    out.width = 0; // release the pixels now rather than at the next GC
    this.repaint = repaint; // the authoritative count, from the full scan just made
    return { png, coverage: coverageOf(repaint, this.width, this.height) };
  }

  /** Frees the canvas memory (a 1536x1024 canvas holds ~6 MB); call on unmount. */
  dispose(): void {
    this.mask.width = 0;
    this.display.width = 0;
    this.drawn = [];
    this.repaint = null;
  }
}

function makeCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function context2d(canvas: HTMLCanvasElement, willReadFrequently: boolean): CanvasRenderingContext2D {
  const ctx = canvas.getContext("2d", { willReadFrequently });
  if (!ctx) throw new Error("This browser cannot draw on a canvas");
  return ctx;
}
