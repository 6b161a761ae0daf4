// Timings of the pure image modules on a 1024×1024 picture (the bundled seed stretched to a
// square): the offline engine's edit, the final composite and mask validation, at 5%, 30% and 70%
// mask coverage (centred ellipses). JIT warm-up passes, then per case one warm-up run and RUNS
// timed runs; prints a Markdown table.
// Run: node --import tsx bench/imagegen.ts
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import sharp from "sharp";
import { createOfflineEngine } from "@/lib/imagegen/offline";
import { compositeOutsideMask } from "@/lib/images/composite";
import { readMask } from "@/lib/mask/mask";
import { fmt, summarize } from "./stats";

const SIZE = 1024;
const RUNS = 7;
/** Untimed passes over all engine cases before any timing (see main). */
const WARM_PASSES = 3;
const COVERAGES = [0.05, 0.3, 0.7];
/** No word the engine knows: a plain inpaint (membrane fill + texture transfer). */
const PLAIN = "a quiet harbour at dusk";
/** One colour and two textures: the most work a typical steered prompt adds. */
const STEERED = "bright red stripes and clouds";

/**
 * A centred ellipse covering `share` of the picture, as an alpha-0-marks mask PNG: 4:3 where it
 * fits, wider than tall but inside the square otherwise (70% needs nearly a circle).
 */
function ellipseMask(share: number): Promise<Buffer> {
  const area = share * SIZE * SIZE;
  const rx = Math.min(Math.sqrt((area * 4) / (3 * Math.PI)), SIZE / 2 - 1);
  const ry = area / (Math.PI * rx);
  const rgba = Buffer.alloc(SIZE * SIZE * 4, 255);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const dx = (x + 0.5 - SIZE / 2) / rx;
      const dy = (y + 0.5 - SIZE / 2) / ry;
      if (dx * dx + dy * dy <= 1) rgba[(y * SIZE + x) * 4 + 3] = 0;
    }
  }
  return sharp(rgba, { raw: { width: SIZE, height: SIZE, channels: 4 } })
    .png()
    .toBuffer();
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  await run(); // warm-up: JIT, sharp's thread pool, caches
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main() {
  const seed = await sharp(readFileSync(new URL("../public/default-seed.png", import.meta.url)))
    .resize(SIZE, SIZE, { fit: "fill" })
    .png()
    .toBuffer();
  const engine = createOfflineEngine();
  const size = { width: SIZE, height: SIZE };
  const rows: string[] = [];
  const row = (what: string, coverage: number, samples: number[]) => {
    const s = summarize(samples);
    rows.push(`| ${what} | ${(coverage * 100).toFixed(1)}% | ${s.n} | ${fmt(s.median)} ms | ${fmt(s.p95)} ms |`);
  };

  const masks = await Promise.all(COVERAGES.map(ellipseMask));
  // Untimed passes over every case first, so the first rows do not pay for V8 tiering up the
  // shared pixel loops: it takes about a dozen edits to settle (with only the per-case warm-up,
  // the 5% rows, timed first, came out slower than the 30% ones).
  for (let pass = 0; pass < WARM_PASSES; pass++) {
    for (const maskPng of masks) {
      for (const prompt of [PLAIN, STEERED]) await engine.edit({ image: seed, mask: maskPng, prompt, width: SIZE, height: SIZE });
    }
  }

  for (const maskPng of masks) {
    const mask = await readMask(maskPng, size, { min: 0, max: 1 });
    const req = { image: seed, mask: mask.png, width: SIZE, height: SIZE };
    row(`offline engine edit, plain prompt`, mask.coverage, await time(() => engine.edit({ ...req, prompt: PLAIN })));
    row(`offline engine edit, "${STEERED}"`, mask.coverage, await time(() => engine.edit({ ...req, prompt: STEERED })));
    const generated = (await engine.edit({ ...req, prompt: STEERED })).image;
    row("compositeOutsideMask", mask.coverage, await time(() => compositeOutsideMask(seed, generated, mask.edit, SIZE, SIZE)));
    row("readMask", mask.coverage, await time(() => readMask(maskPng, size, { min: 0.01, max: 0.9 })));
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`Image modules at ${SIZE}×${SIZE}, ${RUNS} runs per case after warm-up; p95 is nearest-rank (of ${RUNS}: the slowest).`);
  console.log(`Node ${process.version}, ${cpus().length}× ${cpu}, load average ${loadavg()[0]!.toFixed(2)} at the end.\n`);
  console.log("| operation | coverage | runs | median | p95 |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const line of rows) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
