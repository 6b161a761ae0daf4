// The create page as a participant uses it: a rectangle mask, a prompt, Generate, then (unless
// asked not to) Submit to vote. Several specs need a real submission made through the app.
import { expect, type Locator, type Page } from "@playwright/test";
import { drag, waitForEditor } from "./konva";

/** Masks a rectangle (image pixels), generates with `prompt` and waits for the attempt; returns it. */
export async function generateAttempt(
  page: Page,
  prompt: string,
  rect: [[number, number], [number, number]] = [
    [300, 300],
    [700, 600],
  ],
) {
  await page.goto("/create");
  await waitForEditor(page);
  await page.getByRole("button", { name: "Rectangle", exact: true }).click();
  await drag(page, rect, 10);
  await page.getByLabel("Prompt").fill(prompt);
  await page.getByRole("button", { name: "Generate" }).click();
  const attempt = page.getByTestId("attempt").first();
  await expect(attempt).toBeVisible({ timeout: 60_000 });
  return attempt;
}

/** Presses the attempt's "Submit to vote" and confirms in the dialog that shows it. */
export async function submitAttempt(page: Page, attempt: Locator) {
  await attempt.getByRole("button", { name: "Submit to vote" }).click();
  await page.getByRole("dialog", { name: "Submit this attempt to today's vote?" }).getByRole("button", { name: "Yes, submit it" }).click();
}

/** generateAttempt, then Submit to vote, waiting until the attempt says it is submitted. */
export async function createAndSubmit(page: Page, prompt: string, rect?: [[number, number], [number, number]]) {
  const attempt = await generateAttempt(page, prompt, rect);
  await submitAttempt(page, attempt);
  await expect(attempt).toContainText("Submitted");
  return attempt;
}
