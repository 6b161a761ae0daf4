import { join } from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { E2E } from "./env";
import { signInAs, testDb, uniqueId } from "./fixtures";
import { drag, imageToPage, readCoverage, waitForEditor, STAGE_ID } from "./konva";

async function pixels(key: string) {
  const { data, info } = await sharp(join(E2E.storageDir, key)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { at: (x: number, y: number) => data.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4), info };
}

test("a participant masks with brush, undo/redo, rectangle and invert, generates offline and submits", async ({ page }) => {
  const pid = uniqueId("creator");
  expect(await signInAs(page.request, pid)).toBe(200);
  await page.goto("/create");
  await waitForEditor(page);
  await expect(page.getByTestId("offline-engine-note")).toBeVisible();
  const day = await testDb().day.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: { date: "desc" }, include: { seedImage: true } });
  const { width: W, height: H } = day.seedImage;
  expect([W, H]).toEqual([1536, 1024]);

  // Brush stroke, then undo and redo it.
  await page.getByRole("button", { name: "Brush", exact: true }).click();
  await drag(page, [
    [200, 200],
    [500, 200],
  ]);
  // The read-out follows the stroke a moment later (it counts the mask's pixels after drawing).
  await expect.poll(() => readCoverage(page)).toBeGreaterThan(0.001);
  const afterStroke = await readCoverage(page);
  await page.keyboard.press("Control+z");
  await expect.poll(() => readCoverage(page)).toBe(0);
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => readCoverage(page)).toBeCloseTo(afterStroke, 3);

  // A rectangle, then invert: everything but the stroke and the rectangle is to be repainted.
  await page.getByRole("button", { name: "Rectangle", exact: true }).click();
  await drag(
    page,
    [
      [900, 250],
      [1400, 750],
    ],
    12,
  );
  await expect.poll(() => readCoverage(page)).toBeGreaterThan((500 * 500) / (W * H) - 0.01);
  const beforeInvert = await readCoverage(page);
  await page.getByRole("button", { name: "Invert", exact: true }).click();
  await expect.poll(() => readCoverage(page)).toBeCloseTo(1 - beforeInvert, 2);
  const shown = await readCoverage(page);

  await page.getByLabel("Prompt").fill("bright red stripes");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByTestId("generation-progress")).toBeVisible();
  const attempt = page.getByTestId("attempt").first();
  await expect(attempt).toBeVisible({ timeout: 45_000 });
  await expect(attempt).toContainText("bright red stripes");

  const user = await testDb().user.findUniqueOrThrow({ where: { participantId: pid } });
  const image = await testDb().image.findFirstOrThrow({ where: { creatorId: user.id } });
  expect(image).toMatchObject({ dayId: day.id, parentId: day.seedImageId, provider: "offline", status: "DRAFT" });
  expect(image.maskCoverage!).toBeCloseTo(shown, 2);

  // The stored mask is what was drawn: kept (alpha 255) inside the rectangle and on the stroke,
  // repainted (alpha 0) elsewhere, at the seed's native size.
  const mask = await pixels(image.maskKey!);
  expect([mask.info.width, mask.info.height]).toEqual([W, H]);
  expect(mask.at(1150, 500)[3]).toBe(255);
  expect(mask.at(350, 200)[3]).toBe(255);
  expect(mask.at(50, 950)[3]).toBe(0);
  expect(mask.at(1150, 900)[3]).toBe(0);
  // Outside the mask the result is the seed, byte for byte.
  const [result, seed] = await Promise.all([pixels(image.resultKey), pixels(day.seedImage.resultKey)]);
  expect(Buffer.compare(result.at(1150, 500), seed.at(1150, 500))).toBe(0);
  expect(Buffer.compare(result.at(350, 200), seed.at(350, 200))).toBe(0);

  // Submitting asks first, showing the attempt; Cancel (where focus starts) and Escape send nothing.
  await attempt.getByRole("button", { name: "Submit to vote" }).click();
  const confirm = page.getByRole("dialog", { name: "Submit this attempt to today's vote?" });
  await expect(confirm).toContainText("bright red stripes");
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(confirm).toContainText("It is your last submission today; you can withdraw it only until it receives its first vote.");
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await attempt.getByRole("button", { name: "Submit to vote" }).click();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect((await testDb().image.findUniqueOrThrow({ where: { id: image.id } })).status).toBe("DRAFT");
  await attempt.getByRole("button", { name: "Submit to vote" }).click();
  await confirm.getByRole("button", { name: "Yes, submit it" }).click();
  await expect(attempt).toContainText("Submitted");
  expect((await testDb().image.findUniqueOrThrow({ where: { id: image.id } })).status).toBe("SUBMITTED");
  await expect(page.getByTestId("generations-left")).toContainText("9 of 10");

  // Until its first vote it can be taken back, and the day's submission is free again.
  await attempt.getByRole("button", { name: "Withdraw" }).click();
  await expect(attempt.getByRole("button", { name: "Submit to vote" })).toBeEnabled();
  expect(await testDb().image.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({ status: "DRAFT", submittedAt: null });
  expect((await testDb().submissionEvent.findMany({ where: { imageId: image.id }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
    "SUBMIT",
    "WITHDRAW",
  ]);
  await attempt.getByRole("button", { name: "Submit to vote" }).click();
  await confirm.getByRole("button", { name: "Yes, submit it" }).click();
  await expect(attempt).toContainText("Submitted");
  // Once someone has voted on it, it stays: the page says why and the button goes.
  const voter = await testDb().user.create({ data: { participantId: `${pid}-voter` } });
  await testDb().voteEvent.create({
    data: { userId: voter.id, imageId: image.id, dayId: day.id, previous: 0, value: 1, talliesVisible: false },
  });
  await testDb().vote.create({ data: { userId: voter.id, imageId: image.id, value: 1 } });
  await attempt.getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already received a vote" })).toHaveText(
    "This submission has already received a vote, so it can no longer be withdrawn.",
  );
  await expect(attempt.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  expect((await testDb().image.findUniqueOrThrow({ where: { id: image.id } })).status).toBe("SUBMITTED");
});

test("a prompt is required and an out-of-bounds mask cannot be sent", async ({ page }) => {
  expect(await signInAs(page.request, uniqueId("bounds"))).toBe(200);
  await page.goto("/create");
  await waitForEditor(page);
  const generate = page.getByRole("button", { name: "Generate" });
  await expect(generate).toBeDisabled();
  await page.getByLabel("Prompt").fill("a boat");
  await expect(generate).toBeDisabled(); // no mask yet
  await page.getByRole("button", { name: "Invert", exact: true }).click(); // 100%: above the 90% bound
  await expect(page.getByTestId("mask-coverage")).toContainText("100");
  await expect(generate).toBeDisabled();
});

test("the mask and the prompt survive a reload, and can still be undone", async ({ page }) => {
  expect(await signInAs(page.request, uniqueId("reload"))).toBe(200);
  await page.goto("/create");
  await waitForEditor(page);
  await page.getByRole("button", { name: "Rectangle", exact: true }).click();
  await drag(
    page,
    [
      [300, 300],
      [700, 600],
    ],
    10,
  );
  await page.getByLabel("Prompt").fill("a red kite over the hill");
  await expect.poll(() => readCoverage(page)).toBeGreaterThan(0);
  const before = await readCoverage(page);
  // Saved a moment after the last change.
  await expect
    .poll(() => page.evaluate(() => window.localStorage.getItem("pixelpatchwork:create-draft")?.includes("a red kite")))
    .toBe(true);

  await page.reload();
  await waitForEditor(page);
  await expect(page.getByLabel("Prompt")).toHaveValue("a red kite over the hill");
  await expect.poll(() => readCoverage(page)).toBe(before);
  await expect(page.getByRole("button", { name: "Generate" })).toBeEnabled();
  // The restored rectangle is an ordinary step of the history.
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("button", { name: "Generate" })).toBeDisabled();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("touch drawing paints the mask and does not scroll the page", async ({ page }) => {
    expect(await signInAs(page.request, uniqueId("phone"))).toBe(200);
    await page.goto("/create");
    await waitForEditor(page);
    const box = await page
      .locator(`#${STAGE_ID}, [id='${STAGE_ID}']`)
      .first()
      .boundingBox()
      .catch(() => null);
    await page.getByRole("button", { name: "Brush", exact: true }).click();
    const start = await imageToPage(page, 300, 500);
    const end = await imageToPage(page, 1200, 520);
    const scrollBefore = await page.evaluate(() => window.scrollY);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", x: number, y: number) =>
      cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y, id: 1 }] });
    await touch("touchStart", start.x, start.y);
    for (let i = 1; i <= 10; i++)
      await touch("touchMove", start.x + ((end.x - start.x) * i) / 10, start.y + ((end.y - start.y) * i) / 10 - i * 3);
    await touch("touchEnd", end.x, end.y);
    await expect.poll(() => readCoverage(page)).toBeGreaterThan(0.001);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    expect(box === null || box.width <= 390).toBe(true);
  });
});

test("while every image worker is busy, the page shows its place in line, and gives the place up when the participant leaves", async ({
  page,
}) => {
  // The server's side of the line (pool, positions, refusals, the status route) has its own tests
  // (lib/creating/generation-pool.test.ts, app/api/generations). Here, the page's side: it names
  // its attempt, polls where it stands, shows the place it is told, and gives it up on leaving.
  expect(await signInAs(page.request, uniqueId("queue"))).toBe(200);
  let position = 3;
  await page.route("**/api/generations/*", (route) =>
    route.request().method() === "DELETE"
      ? route.fulfill({ json: { cancelled: true } })
      : route.fulfill({ json: { state: "waiting", position } }),
  );
  // The generate action is held back, as a full line would hold it, until the page is left.
  await page.route("**/create", async (route) => {
    if (route.request().method() === "POST") await new Promise(() => {});
    await route.continue();
  });
  await page.goto("/create");
  await waitForEditor(page);
  await page.getByRole("button", { name: "Rectangle", exact: true }).click();
  await drag(page, [
    [300, 300],
    [700, 600],
  ]);
  await page.getByLabel("Prompt").fill("a lighthouse");
  await page.getByRole("button", { name: "Generate" }).click();
  const progress = page.getByTestId("generation-progress");
  await expect(progress).toContainText("you are 3rd in line");
  await expect(progress).toContainText("If you leave this page now, you give up your place in line");
  position = 2;
  await expect(progress).toContainText("you are 2nd in line");

  // Leaving the page fires "pagehide", and the page gives its place up with a keepalive request,
  // which the browser still delivers after the page is gone; Playwright only sees requests of a
  // live page, so the event is fired here as the browser fires it.
  const givenUp = page.waitForRequest((r) => r.method() === "DELETE" && /\/api\/generations\/[0-9a-f]{32}$/.test(r.url()));
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
  expect((await givenUp).headers()["content-type"]).toBe("application/json");
});
