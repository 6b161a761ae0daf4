// The image dialog's "Show changed area" overlay must fall exactly on the region the mask
// repainted. Checked pixel by pixel on a screenshot, at a window short enough that the picture's
// height, not its width, limits it (where a stage wider than its picture once stretched the mask).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { E2E } from "./env";
import { newParticipant, seedSubmission, testDb } from "./fixtures";

const W = 300;
const H = 200;
/** The repainted rectangle, in picture pixels: transparent in the mask PNG, opaque (kept) elsewhere. */
const HOLE = { x0: 60, y0: 50, x1: 180, y1: 150 };
const BRIGHT = { r: 240, g: 236, b: 220 };

async function maskPng(): Promise<Buffer> {
  const px = Buffer.alloc(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const kept = !(x >= HOLE.x0 && x < HOLE.x1 && y >= HOLE.y0 && y < HOLE.y1);
      px[(y * W + x) * 4 + 3] = kept ? 255 : 0;
    }
  return sharp(px, { raw: { width: W, height: H, channels: 4 } })
    .png()
    .toBuffer();
}

for (const viewport of [
  { width: 1280, height: 600 },
  { width: 390, height: 844 },
]) {
  test(`the changed-area overlay matches the mask pixel for pixel (${viewport.width}×${viewport.height})`, async ({ browser }) => {
    const creator = await newParticipant(browser);
    const image = await seedSubmission(creator.user.id, "a bright picture with a repainted hole");
    // A bright, even picture, so the overlay's dimming is all that varies across it.
    const base = dirname(image.resultKey);
    const files: [string, Buffer][] = [
      [
        image.resultKey,
        await sharp({ create: { width: W, height: H, channels: 4, background: { ...BRIGHT, alpha: 1 } } })
          .png()
          .toBuffer(),
      ],
      [`${base}/mask.png`, await maskPng()],
    ];
    for (const [key, body] of files) {
      await mkdir(dirname(join(E2E.storageDir, key)), { recursive: true });
      await writeFile(join(E2E.storageDir, key), body);
    }
    await testDb().image.update({ where: { id: image.id }, data: { maskKey: `${base}/mask.png` } });

    const voter = await newParticipant(browser, { viewport });
    const { page } = voter;
    await page.goto("/vote");
    const card = page.locator(`[data-testid="vote-card"][data-image-id="${image.id}"]`);
    // The grid loads its next pages as the end nears: scroll until the card is there.
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect(card).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await card.getByRole("button", { name: /^Open submission/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Show changed area" }).click();
    const overlay = dialog.getByTestId("mask-overlay");
    await expect(overlay).toBeVisible();
    const picture = dialog.locator("img").first();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(W);

    // The overlay covers exactly the box the picture is drawn in.
    const box = (await picture.boundingBox())!;
    expect(await overlay.boundingBox()).toEqual(box);
    expect(box.width / box.height).toBeCloseTo(W / H, 2);

    // Wait until the mask image has been applied: a point well outside the hole is dimmed.
    const shot = async () => {
      const { data, info } = await sharp(await page.screenshot({ clip: box, animations: "disabled" }))
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { data, width: info.width, height: info.height };
    };
    const brightness = (s: Awaited<ReturnType<typeof shot>>, x: number, y: number) => {
      const i = (y * s.width + x) * 3;
      return (s.data[i]! + s.data[i + 1]! + s.data[i + 2]!) / 3;
    };
    await expect
      .poll(async () => {
        const s = await shot();
        return brightness(s, Math.round(s.width * 0.1), Math.round(s.height * 0.1)) < 160;
      })
      .toBe(true);

    // Every screen pixel: bright inside the repainted rectangle, dimmed outside it. Pixels within
    // a pixel and a half of the rectangle's edge are left out (scaling blends them).
    const s = await shot();
    const scale = s.width / W;
    const wrong: string[] = [];
    for (let y = 0; y < s.height; y++)
      for (let x = 0; x < s.width; x++) {
        const px = (x + 0.5) / scale;
        const py = (y + 0.5) / (s.height / H);
        const margin = 1.5 / scale;
        const nearEdge =
          (Math.abs(px - HOLE.x0) < margin || Math.abs(px - HOLE.x1) < margin) && py > HOLE.y0 - margin && py < HOLE.y1 + margin;
        const nearEdgeY =
          (Math.abs(py - HOLE.y0) < margin || Math.abs(py - HOLE.y1) < margin) && px > HOLE.x0 - margin && px < HOLE.x1 + margin;
        // The stage's rounded corners (10 px) show the dialog behind them.
        const corner = (x < 12 || x >= s.width - 12) && (y < 12 || y >= s.height - 12);
        if (nearEdge || nearEdgeY || corner) continue;
        const inHole = px >= HOLE.x0 && px < HOLE.x1 && py >= HOLE.y0 && py < HOLE.y1;
        const bright = brightness(s, x, y) > 170;
        if (bright !== inHole && wrong.length < 5) wrong.push(`(${x}, ${y}) is ${bright ? "bright" : "dimmed"}`);
      }
    expect(wrong).toEqual([]);
    await creator.context.close();
    await voter.context.close();
  });
}
