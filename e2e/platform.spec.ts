import { expect, test } from "@playwright/test";
import { signInAs, testDb, uniqueId } from "./fixtures";

test("the landing page shows today's seed undistorted, how to take part and past winners", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paint a patch");
  const seed = page.getByRole("img", { name: /^Today's picture/ });
  await expect(seed).toBeVisible();
  // The bundled seed is 3:2; it must load and be shown at 3:2, never squashed to a square. (The
  // browser may pick a smaller copy from the srcset, so its intrinsic size is checked by ratio.)
  await expect.poll(() => seed.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const ratio = await seed.evaluate((img: HTMLImageElement) => img.naturalWidth / img.naturalHeight);
  expect(ratio).toBeCloseTo(1.5, 2);
  const box = await seed.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.width / box!.height).toBeCloseTo(1.5, 1);
  await expect(page.getByRole("heading", { name: "How to take part" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Create today/ })).toHaveAttribute("href", "/create");
  const day = await testDb().day.findFirst({ where: { status: "OPEN" }, include: { seedImage: true } });
  expect(day?.seedImage.width).toBe(1536);
});

test("a participant signs in with a participant id and sees themselves signed in", async ({ page }) => {
  const pid = uniqueId("form");
  await page.goto("/signin");
  await page.getByLabel("Participant id").fill(pid);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText("Participant");
  await expect(page).toHaveURL(/\/$/);
  const users = await testDb().user.findMany({ where: { participantId: pid } });
  expect(users).toHaveLength(1);
  // Participants are shown by their pseudonym, never by the id they typed.
  await expect(page.getByTestId("signed-in-as")).toContainText(`Participant ${users[0]!.pseudonym}`);
});

test("an invalid participant id is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Participant id").fill("not valid!");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "may only contain letters, digits" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  // The server refuses it too, whatever the browser lets through.
  expect(await signInAs(page.request, "not valid!")).toBe(401);
  expect(await signInAs(page.request, "x".repeat(65))).toBe(401);
  expect(await signInAs(page.request, "")).toBe(401);
});

test("arriving from Prolific with PROLIFIC_PID signs in once, with no second account", async ({ page, browser }) => {
  const pid = uniqueId("prolific");
  await page.goto(`/?PROLIFIC_PID=${pid}&STUDY_ID=s1&lang=x`);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  // The platform's parameters leave the address bar once recorded; anything else stays.
  await expect(page).toHaveURL(/\/\?lang=x$/);
  expect(await testDb().participation.findFirst({ where: { user: { participantId: pid } } })).toMatchObject({
    platform: "PROLIFIC",
    studyId: "s1",
  });

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(`/?workerId=${pid}`);
  await expect(page2.getByTestId("signed-in-as")).toBeVisible();
  await other.close();
  expect(await testDb().user.count({ where: { participantId: pid } })).toBe(1);
});

test("a banned participant is refused sign-in", async ({ page }) => {
  const pid = uniqueId("banned");
  await testDb().user.create({ data: { participantId: pid, displayName: "Banned One", bannedAt: new Date(), banReason: "spam" } });
  expect(await signInAs(page.request, pid)).toBe(401);
  await page.goto("/signin");
  await page.getByLabel("Participant id").fill(pid);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "suspended" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
});

test("signing in through the API gives a session the pages share", async ({ page }) => {
  const pid = uniqueId("api");
  expect(await signInAs(page.request, pid)).toBe(200);
  await page.goto("/");
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
});

test("an image or a day that does not exist is a real 404, with the site's own not-found page", async ({ request, page }) => {
  for (const path of ["/images/999999999", "/images/not-a-number", "/days/1500-01-01", "/days/not-a-date"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const res = await page.goto("/images/999999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  // The list pages still show their skeleton while loading, and answer 200.
  expect((await request.get("/vote")).status()).toBe(200);
});
