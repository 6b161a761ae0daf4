// Smaller copies of a seed for the landing page: every width in every format, of the right size,
// recorded on the image, made once.
import "@/test/isolated-db";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { resetEnvForTests } from "@/lib/server/env";
import { tempStorage, testImageFields } from "@/test/fixtures";
import { parseVariants, variantKey, variantSources, variantWidths } from "./variant-keys";

const store = await tempStorage();
process.env.STORAGE_DRIVER = "local";
process.env.STORAGE_LOCAL_DIR = store.dir;
resetEnvForTests();
const { ensureVariants } = await import("./variants");
const { getStorage } = await import("@/lib/storage");

async function seedImage(width: number, height: number) {
  const png = await sharp({ create: { width, height, channels: 3, background: "#3a7" } })
    .png()
    .toBuffer();
  const resultKey = `days/2026-12-16/${width}x${height}/result.png`;
  await getStorage().put(resultKey, png, "image/png");
  return db.image.create({
    data: { ...testImageFields, resultKey, width, height, status: "SEED", prompt: "seed" },
    select: { id: true, resultKey: true },
  });
}

describe("ensureVariants", () => {
  it("makes AVIF and WebP copies at every width below the picture's own, and at its own", async () => {
    const image = await seedImage(1536, 1024);
    await ensureVariants(image.id);
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id }, select: { variants: true } });
    expect(parseVariants(row.variants)).toEqual({ widths: [480, 960, 1536], formats: ["avif", "webp"] });
    for (const width of [480, 960, 1536]) {
      for (const format of ["avif", "webp"] as const) {
        const file = await getStorage().get(variantKey(image.resultKey, width, format));
        expect(file, `${width} ${format}`).not.toBeNull();
        const meta = await sharp(file!.body).metadata();
        expect([meta.format === "heif" ? "avif" : meta.format, meta.width, meta.height]).toEqual([
          format,
          width,
          Math.round((width * 1024) / 1536),
        ]);
      }
    }
    const small = await getStorage().get(variantKey(image.resultKey, 480, "webp"));
    const full = await getStorage().get(image.resultKey);
    expect(small!.body.length).toBeLessThan(full!.body.length);
  });

  it("never enlarges a small picture, and does the work once", async () => {
    expect(variantWidths(600)).toEqual([480, 600]);
    expect(variantWidths(300)).toEqual([300]);
    const image = await seedImage(600, 400);
    await Promise.all([ensureVariants(image.id), ensureVariants(image.id)]);
    const before = (await store.files()).length;
    await ensureVariants(image.id);
    expect((await store.files()).length).toBe(before);
    const row = await db.image.findUniqueOrThrow({ where: { id: image.id }, select: { resultKey: true, variants: true } });
    const sources = await variantSources(row, async (key) => `/files/${key}`);
    expect(sources).toEqual([
      {
        type: "image/avif",
        srcSet: `/files/${variantKey(row.resultKey, 480, "avif")} 480w, /files/${variantKey(row.resultKey, 600, "avif")} 600w`,
      },
      {
        type: "image/webp",
        srcSet: `/files/${variantKey(row.resultKey, 480, "webp")} 480w, /files/${variantKey(row.resultKey, 600, "webp")} 600w`,
      },
    ]);
  });

  it("offers nothing for a picture without variants or with an unreadable record", async () => {
    expect(await variantSources({ resultKey: "a.png", variants: null }, async (k) => k)).toEqual([]);
    expect(await variantSources({ resultKey: "a.png", variants: "{not json" }, async (k) => k)).toEqual([]);
  });
});
