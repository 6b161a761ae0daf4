// Participation rewards: off by default and then invisible everywhere; switched on by an admin,
// a participant earns the first-submission badge through the real submit and sees it.
import { expect, type Page, test } from "@playwright/test";
import { newParticipant, signInAs, testDb } from "./fixtures";
import { drag, waitForEditor } from "./konva";

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

test("rewards are absent until an admin switches them on; then a first submission earns a badge that shows at once and on the personal page", async ({ browser }) => {
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
    for (const label of ["Personal page (/me)", "Streaks and badges", "Personal ranking beside the crowd's", "Creators' leaderboard (/leaderboard)"]) {
      await adminPage.getByLabel(label).check();
    }
    await adminPage.getByRole("button", { name: "Save settings" }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

    // The header links appear (settings reach every instance within a second).
    await expect.poll(async () => (await page.goto("/vote"), await page.getByRole("link", { name: "My page" }).count()), { timeout: 10_000 }).toBe(1);
    await expect(page.getByRole("link", { name: "Leaderboard" })).toBeVisible();
    await expect(page.getByTestId("personal-ranking-locked")).toContainText("to see your ranking beside the crowd's");

    // Generate and submit through the create page: the badge is announced right away.
    await page.goto("/create");
    await waitForEditor(page);
    await page.getByRole("button", { name: "Rectangle", exact: true }).click();
    await drag(page, [[300, 300], [700, 600]], 10);
    await page.getByLabel("Prompt").fill("a small red boat");
    await page.getByRole("button", { name: "Generate" }).click();
    const attempt = page.getByTestId("attempt").first();
    await expect(attempt).toBeVisible({ timeout: 60_000 });
    await attempt.getByRole("button", { name: "Submit to vote" }).click();
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
