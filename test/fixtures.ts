// Integration-test data made through Prisma, with ids and dates no other test uses.
import { randomBytes, randomInt } from "node:crypto";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { db } from "@/lib/server/db";
import { createLocalStorage } from "@/lib/storage/local";

/** The columns every test image needs and no test looks at: keys, size, engine. */
export const testImageFields = {
  resultKey: "r.png",
  thumbKey: "t.webp",
  width: 30,
  height: 20,
  provider: "offline",
  model: "t",
} as const;

export async function makeUser(extra: { bannedAt?: Date; role?: "ADMIN" | "PARTICIPANT" } = {}) {
  const participantId = `t-${randomBytes(6).toString("hex")}`;
  return db.user.create({ data: { participantId, displayName: participantId, ...extra } });
}

/** A throwaway local storage folder, and a way to list every file in it. */
export async function tempStorage() {
  const dir = await mkdtemp(join(tmpdir(), "ppw-storage-"));
  const storage = createLocalStorage(dir);
  async function files(): Promise<string[]> {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile() && !e.parentPath.includes(".tmp")).map((e) => join(e.parentPath, e.name));
  }
  return { dir, storage, files };
}

/** A small 3:2 seed (the bundled picture, scaled down so tests stay quick). */
export async function seedPng(width = 384, height = 256): Promise<Buffer> {
  return sharp("public/default-seed.png").resize(width, height, { fit: "fill" }).png().toBuffer();
}

/** Study 1's only world, made by the migration that introduced worlds: where test days go unless a test makes its own. */
export const TEST_WORLD_ID = 1;

/** An open day on a date far from today (unique per call) whose seed is stored in `storage`. */
export async function makeOpenDay(
  storage: { put(key: string, body: Buffer, type?: string): Promise<void> },
  size = { width: 384, height: 256 },
) {
  const png = await seedPng(size.width, size.height);
  const key = `seeds/test-${randomBytes(6).toString("hex")}.png`;
  await storage.put(key, png, "image/png");
  // Any day between the years 1100 and 1900: collisions between tests are vanishingly unlikely,
  // and real days (today and later) are never touched.
  const date = new Date(Date.UTC(1100, 0, 1) + randomInt(0, 800 * 365) * 86_400_000);
  const seed = await db.image.create({
    data: {
      prompt: "test seed",
      status: "SEED",
      resultKey: key,
      thumbKey: key,
      width: size.width,
      height: size.height,
      provider: "bundled",
      model: "test",
    },
  });
  const day = await db.day.create({ data: { worldId: TEST_WORLD_ID, date, seedImageId: seed.id } });
  return { day, seed, png };
}

/** A mask PNG: alpha 0 (repaint) inside the rectangle, 255 elsewhere. */
export async function rectMask(width: number, height: number, rect: { x: number; y: number; w: number; h: number }): Promise<Buffer> {
  const px = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= rect.x && x < rect.x + rect.w && y >= rect.y && y < rect.y + rect.h;
      px[(y * width + x) * 4 + 3] = inside ? 0 : 255;
    }
  }
  return sharp(px, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}
