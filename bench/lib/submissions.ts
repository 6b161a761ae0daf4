// Many submissions with real pictures, cheaply: a few distinct thumbnails written once and
// hard-linked under every submission's own key (browsers and caches go by URL), all sharing one
// full-size picture. For the page benchmarks.
import { link, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Pool } from "mariadb";
import { HEIGHT, WIDTH, loadSeedPixels, makePicture } from "./pictures";
import { insertSubmissions, insertUsers, type OpenDay } from "./seed";

/** Distinct pictures; every submission links one under its own keys. */
const PICTURES = 8;
/** Thumbnails are all a grid fetches; the full picture is shared by every submission. */
const RESULT_KEY = "bench/scale/result.png";

/** Writes the pictures' thumbnails once; returns a function that links one under a new key. */
export async function picturePool(storageDir: string): Promise<(i: number) => Promise<string>> {
  const seed = await loadSeedPixels();
  const pool = join(storageDir, "bench-pictures");
  await mkdir(pool, { recursive: true });
  for (let k = 0; k < PICTURES; k++) {
    const p = await makePicture(seed, k);
    await writeFile(join(pool, `${k}.webp`), p.thumb);
    if (k === 0) {
      await mkdir(dirname(join(storageDir, RESULT_KEY)), { recursive: true });
      await writeFile(join(storageDir, RESULT_KEY), p.png);
    }
  }
  return async (i) => {
    const thumbKey = `bench/scale/${Math.floor(i / 1000)}/${i}.webp`;
    await mkdir(dirname(join(storageDir, thumbKey)), { recursive: true });
    await link(join(pool, `${i % PICTURES}.webp`), join(storageDir, thumbKey));
    return thumbKey;
  };
}

/** Submissions number `from` to `to - 1` on the day, by a creator of their own. */
export async function addSubmissions(pool: Pool, day: OpenDay, thumbOf: (i: number) => Promise<string>, from: number, to: number) {
  const [creator] = await insertUsers(pool, `bench-creator-${from}`, 1);
  const items = [];
  for (let i = from; i < to; i++)
    items.push({ resultKey: RESULT_KEY, thumbKey: await thumbOf(i), width: WIDTH, height: HEIGHT, prompt: `a patch, submission ${i + 1}` });
  await insertSubmissions(pool, day, creator!.id, items);
}
