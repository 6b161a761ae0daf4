// Its own database: uploads write SEED rows and audit entries other files' counts would see.
import "@/test/isolated-db";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeUser, seedPng, tempStorage } from "@/test/fixtures";
import { db } from "../server/db";
import { startStudy } from "./start-study";
import type { Storage } from "../storage/types";
import { uploadSeed } from "./upload-seed";

const store = await tempStorage();
const file = (bytes: Buffer, name = "picture.png", type = "image/png") => new File([new Uint8Array(bytes)], name, { type });
const refused = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e);

describe("uploadSeed", () => {
  it("stores a picture as a seed a study can start from, upright, flattened and as PNG, and audits it", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    // A 300×400 JPEG whose EXIF says to turn it a quarter (orientation 6): upright it is 400×300.
    const jpeg = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#c33" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { imageId } = await uploadSeed(admin.id, { picture: file(jpeg, "p.jpg", "image/jpeg"), description: "a red wall" }, store);
    const image = await db.image.findUniqueOrThrow({ where: { id: imageId } });
    expect(image).toMatchObject({ status: "SEED", provider: "upload", prompt: "a red wall", width: 400, height: 300, creatorId: null });
    const stored = await sharp((await store.storage.get(image.resultKey))!.body).metadata();
    expect([stored.format, stored.width, stored.height, stored.orientation, stored.exif]).toEqual(["png", 400, 300, undefined, undefined]);
    expect((await sharp((await store.storage.get(image.thumbKey))!.body).metadata()).format).toBe("webp");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "seed.upload" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ adminId: admin.id, targetType: "image", targetId: String(imageId) });
    // A study starts from it.
    const { worldIds } = await startStudy(admin.id, {
      name: "from an upload",
      firstSeedImageId: imageId,
      worlds: [{ name: "W", weight: 1, tallies: "afterVote", order: "random" }],
    });
    expect((await db.world.findUniqueOrThrow({ where: { id: worldIds[0]! } })).firstSeedImageId).toBe(imageId);
  });

  it("refuses what is not a usable picture, and leaves no row and no file behind whatever fails", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const before = { images: await db.image.count(), files: (await store.files()).length };
    const run = (bytes: Buffer, deps: { storage: Storage } = store, adminId = admin.id) =>
      refused(uploadSeed(adminId, { picture: file(bytes), description: "d" }, deps));
    expect(await run(Buffer.from("not a picture at all"))).toMatchObject({ code: "INVALID", detail: { code: "SEED_NOT_PICTURE" } });
    // A GIF is a picture, but not one of ours.
    const gif = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    expect(await run(gif)).toMatchObject({ detail: { code: "SEED_NOT_PICTURE" } });
    expect(await run(await seedPng(300, 200))).toMatchObject({
      detail: { code: "SEED_DIMENSIONS", values: { width: 300, height: 200, min: 256, limit: 3840 * 2160 } },
    });
    // Declares 5000×5000 in its header: refused before it is decoded.
    const huge = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: "#fff" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(await run(huge)).toMatchObject({ detail: { code: "SEED_DIMENSIONS", values: { width: 5000, height: 5000 } } });
    // Storage fails on the thumbnail, after the picture was stored: the picture is taken back.
    let puts = 0;
    const flaky = {
      ...store.storage,
      put: async (k: string, b: Buffer, t?: string) => {
        if (++puts === 2) throw new Error("disk full");
        return store.storage.put(k, b, t);
      },
    };
    expect(await run(await seedPng(), { storage: flaky })).toMatchObject({ code: "STORAGE" });
    // Not an admin: refused inside the transaction, after the files were stored; they are removed.
    expect(await run(await seedPng(), store, (await makeUser()).id)).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.image.count()).toBe(before.images);
    expect((await store.files()).length).toBe(before.files);
  });
});
