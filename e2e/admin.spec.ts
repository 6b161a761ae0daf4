import { expect, test } from "@playwright/test";
import { newParticipant, seedSubmission, signInAs, testDb } from "./fixtures";

test("an admin sees the dashboard, hides an image, changes a setting and downloads an export", async ({ browser }) => {
  const admin = await browser.newContext();
  // ADMIN_PARTICIPANT_IDS=e2e-admin on the e2e servers: this id becomes an admin on sign-in.
  expect(await signInAs(admin.request, "e2e-admin")).toBe(200);
  const page = await admin.newPage();
  const creator = await newParticipant(browser);
  const voter = await newParticipant(browser);
  const image = await seedSubmission(creator.user.id, "an image the moderators will hide");
  await voter.page.goto("/vote");
  await expect(voter.page.locator(`[data-image-id="${image.id}"]`)).toBeVisible();

  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("today-stats")).toContainText("submissions");
  await expect(page.getByRole("img", { name: /Votes per day/ })).toBeVisible();

  // Hide the image, with a reason: it leaves the vote at once.
  await page.goto("/admin/moderation");
  const card = page.locator(`[data-testid="candidate"][data-image-id="${image.id}"]`);
  await card.getByRole("button", { name: "Hide" }).click();
  await card.getByPlaceholder("Reason").fill("off-topic test image");
  await card.getByRole("button", { name: "Confirm hide" }).click();
  await expect(card.getByText("Done.")).toBeVisible();
  expect((await testDb().image.findUniqueOrThrow({ where: { id: image.id } })).hiddenReason).toBe("off-topic test image");
  await voter.page.reload();
  await expect(voter.page.locator(`[data-image-id="${image.id}"]`)).toHaveCount(0);

  // Turn off the randomised order: the vote feed is newest first at once.
  await page.goto("/admin/settings");
  await page.getByLabel("Randomise the order per voter").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  const feed = await (await voter.context.request.get("/api/vote/images")).json();
  const ids = (feed.items as { id: number }[]).map((i) => i.id);
  expect(ids).toEqual([...ids].sort((a, b) => b - a));
  await page.getByLabel("Randomise the order per voter").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  // Download the votes export.
  await page.goto("/admin/export");
  const download = page.waitForEvent("download");
  await page.getByTestId("export-votes-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^pixelpatchwork-votes-.*\.csv$/);

  // The audit log shows what was done.
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: "hide" }).first()).toBeVisible();
  await admin.close();
  await creator.context.close();
  await voter.context.close();
});

test("a participant who opens /admin gets a 404", async ({ browser }) => {
  const p = await newParticipant(browser);
  const res = await p.page.goto("/admin");
  expect(res?.status()).toBe(404);
  await expect(p.page.getByText("Not found")).toBeVisible();
  expect((await p.context.request.get("/admin/export/votes")).status()).toBe(404);
  const anon = await browser.newContext();
  expect((await (await anon.newPage()).goto("/admin/settings"))?.status()).toBe(404);
  await anon.close();
  await p.context.close();
});
