import { expect, type Page, test } from "@playwright/test";
import { newParticipant, seedSubmission, signInAs, testDb } from "./fixtures";
import { generateAttempt, submitAttempt } from "./create-flow";

// Each test here saves the whole settings form: run one at a time, or one would save over the
// other's change.
test.describe.configure({ mode: "serial" });

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

  // Running the rollover early closes nothing, and says so: the open day and when it ends.
  const open = await testDb().day.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: { date: "desc" } });
  await page.getByRole("button", { name: "Run the rollover now" }).click();
  await expect(page.getByTestId("rollover-result")).toContainText(
    `Nothing was due: the open day (${open.date.toISOString().slice(0, 10)}) ends at`,
  );
  expect((await testDb().day.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("OPEN");

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

// Participation rewards: off by default and then invisible everywhere; switched on by an admin,
// a participant earns the first-submission badge through the real submit and sees it.
const REWARDS = ["personalPage", "streaksAndBadges", "personalLeaderboard", "creatorsLeaderboard"] as const;

async function expectNoRewards(page: Page) {
  expect((await page.goto("/me"))?.status()).toBe(404);
  expect((await page.goto("/leaderboard"))?.status()).toBe(404);
  await page.goto("/vote");
  await expect(page.getByRole("link", { name: "My page" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Leaderboard" })).toHaveCount(0);
  await expect(page.getByTestId("personal-ranking")).toHaveCount(0);
  await expect(page.getByTestId("personal-ranking-locked")).toHaveCount(0);
}

test("rewards are absent until an admin switches them on; then a first submission earns a badge that shows at once and on the personal page", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const db = testDb();
  await db.setting.deleteMany({ where: { key: { in: [...REWARDS] } } });
  const me = await newParticipant(browser);
  const page = me.page;
  await expectNoRewards(page);

  const admin = await browser.newContext();
  try {
    // An admin turns all four on in the settings form.
    expect(await signInAs(admin.request, "e2e-admin")).toBe(200);
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/settings");
    for (const label of [
      "Personal page (/me)",
      "Streaks and badges",
      "Personal ranking beside the crowd's",
      "Creators' leaderboard (/leaderboard)",
    ]) {
      await adminPage.getByLabel(label).check();
    }
    await adminPage.getByRole("button", { name: "Save settings" }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

    // The header links appear (settings reach every instance within a second).
    await expect
      .poll(async () => (await page.goto("/vote"), await page.getByRole("link", { name: "My page" }).count()), { timeout: 10_000 })
      .toBe(1);
    await expect(page.getByRole("link", { name: "Leaderboard" })).toBeVisible();
    await expect(page.getByTestId("personal-ranking-locked")).toContainText("to see your ranking beside the crowd's");

    // Generate and submit through the create page: the badge is announced right away.
    const attempt = await generateAttempt(page, "a small red boat");
    await submitAttempt(page, attempt);
    await expect(page.getByTestId("badge-earned")).toHaveText(/Badge earned: First submission/);

    // The personal page shows it with the rest of the record.
    await page.goto("/me");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My page");
    await expect(page.locator('[data-badge="firstSubmission"]')).toHaveAttribute("data-earned", "yes");
    await expect(page.locator('[data-badge="firstWinner"]')).toHaveAttribute("data-earned", "no");
    await expect(page.getByTestId("my-stats")).toContainText("1 submission");
    await expect(page.getByTestId("my-images")).toContainText("a small red boat");
    await expect(page.getByTestId("streaks")).toContainText("Current streak: 1 day");

    // The leaderboard names nobody while authors are hidden (the default), except yourself.
    await page.goto("/leaderboard");
    await expect(page.getByTestId("leaderboard-week").locator('[data-creator="me"]')).toContainText("You");
  } finally {
    // Switched off again: every element is gone.
    await db.setting.deleteMany({ where: { key: { in: [...REWARDS] } } });
    await admin.close();
  }
  await expect.poll(async () => (await page.goto("/me"))?.status(), { timeout: 10_000 }).toBe(404);
  await expectNoRewards(page);
  await me.context.close();
});
