// What the fake's image model "paints": the whole picture, changed everywhere. GPT image models
// treat the mask as guidance and may repaint pixels outside it (PRODUCT.md, "Facts about the
// image model"), so a fake that echoed its input would hide a server that forgot to composite
// the seed back. Every channel of every pixel moves by 128, at the size that was asked for.
import sharp from "sharp";
import { STANDARD } from "./fake-openai-rules";

/** For "auto", the standard size nearest the input's aspect ratio (GPT image models pick one). */
function autoSize(width: number, height: number): { width: number; height: number } {
  const sizes = STANDARD.map((s) => s.split("x").map(Number) as [number, number]);
  const aspect = Math.log(width / height);
  const [w, h] = sizes.reduce((a, b) => (Math.abs(Math.log(b[0] / b[1]) - aspect) < Math.abs(Math.log(a[0] / a[1]) - aspect) ? b : a));
  return { width: w, height: h };
}

/** The input image at `size`, every RGB channel XOR 0x80, opaque: visibly a different picture. */
export async function repaint(
  image: Buffer,
  size: { width: number; height: number } | "auto",
  format: "png" | "jpeg" | "webp" = "png",
): Promise<Buffer> {
  const meta = await sharp(image).metadata();
  const out = size === "auto" ? autoSize(meta.width ?? 1024, meta.height ?? 1024) : size;
  const { data } = await sharp(image)
    .removeAlpha()
    .toColourspace("srgb")
    .resize(out.width, out.height, { fit: "fill" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  for (let i = 0; i < data.length; i++) data[i] = data[i]! ^ 0x80;
  const painted = sharp(data, { raw: { width: out.width, height: out.height, channels: 3 } });
  return format === "png" ? painted.png({ compressionLevel: 1 }).toBuffer() : painted.toFormat(format).toBuffer();
}
