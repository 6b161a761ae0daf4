// /vote past its first page. On a server and database of its own: the other specs share one open
// day and look for their images on its first page, which 30 submissions here would push them off.
import { expect, test, type Browser } from "@playwright/test";
import type { E2EServer } from "./env";
import { newParticipant, seedSubmission, testDb, uniqueId } from "./fixtures";
import { type OwnServer, startOwnServer } from "./own-server";

const SUBMISSIONS = 30;
const PAGE = 24;

test.describe.configure({ mode: "serial" });

let app: E2EServer;
let own: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  own = await startOwnServer("pages");
  app = own.app;
  const creator = await testDb(app).user.create({ data: { participantId: uniqueId("creator") } });
  for (let i = 0; i < SUBMISSIONS; i++) await seedSubmission(creator.id, `submission ${i + 1}`, app);
});

test.afterAll(async () => {
  await own?.stop();
});

/** A signed-in voter on this spec's server. */
const voter = (browser: Browser) => newParticipant(browser, {}, app);

test("scrolling loads the next page, in the voter's order, and a vote there records its global position", async ({ browser }) => {
  const v = await voter(browser);
  await v.page.goto("/vote");
  const cards = v.page.getByTestId("vote-card");
  await expect(cards).toHaveCount(PAGE);
  await expect(v.page.getByText(`${PAGE} of ${SUBMISSIONS} submissions shown`)).toBeVisible();

  await v.page.mouse.wheel(0, 100_000);
  await expect(cards).toHaveCount(SUBMISSIONS);
  await expect(v.page.getByText(`${SUBMISSIONS} of ${SUBMISSIONS} submissions shown`)).toBeVisible();
  await expect(v.page.getByRole("button", { name: "Show more" })).toHaveCount(0);

  // The grid is the voter's order, exactly as the JSON endpoint pages it.
  const first = await (await v.context.request.get("/api/vote/images")).json();
  const second = await (await v.context.request.get(`/api/vote/images?cursor=${encodeURIComponent(first.nextCursor)}`)).json();
  const order = [...first.items, ...second.items].map((i: { id: number }) => i.id);
  expect(await cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-image-id"))))).toEqual(order);

  const k = 27;
  const target = cards.nth(k);
  await expect(target).toHaveAttribute("aria-label", `Submission ${k + 1}`);
  await target.getByRole("button", { name: /^Up-vote/ }).click();
  await expect(target.getByTestId("tally")).toHaveText("+1 / -0");
  const imageId = Number(await target.getAttribute("data-image-id"));
  const vote = await testDb(app).vote.findFirstOrThrow({ where: { userId: v.user.id, imageId } });
  expect(vote.position).toBe(k);
  // Every card served was recorded as shown, at its place in the voter's order.
  const shown = await testDb(app).exposure.findMany({ where: { userId: v.user.id }, orderBy: { position: "asc" } });
  expect(shown.map((e) => [e.imageId, e.position, e.sampled])).toEqual(order.map((id, i) => [id, i, false]));
  await v.context.close();
});

test('"Show more" works from the keyboard, moves focus to the first new card and says how many are shown', async ({ browser }) => {
  const v = await voter(browser);
  // Without IntersectionObserver nothing loads by itself: only the button can.
  await v.page.addInitScript(() => Reflect.deleteProperty(window, "IntersectionObserver"));
  await v.page.goto("/vote");
  const cards = v.page.getByTestId("vote-card");
  await expect(cards).toHaveCount(PAGE);
  await cards
    .nth(PAGE - 1)
    .getByRole("button", { name: /^Down-vote/ })
    .focus();
  await v.page.keyboard.press("Tab");
  const more = v.page.getByRole("button", { name: "Show more" });
  await expect(more).toBeFocused();
  await expect(cards).toHaveCount(PAGE);
  await v.page.keyboard.press("Enter");
  await expect(cards).toHaveCount(SUBMISSIONS);
  await expect(cards.nth(PAGE).getByRole("button", { name: `Open submission ${PAGE + 1} larger` })).toBeFocused();
  await expect(v.page.getByText(`${SUBMISSIONS - PAGE} more submissions loaded: ${SUBMISSIONS} of ${SUBMISSIONS} shown.`)).toHaveCount(1);
  await expect(more).toHaveCount(0);
  await v.context.close();
});

test("a list whose order changed meanwhile says so and offers a reload", async ({ browser }) => {
  const v = await voter(browser);
  await v.page.addInitScript(() => Reflect.deleteProperty(window, "IntersectionObserver"));
  await v.page.goto("/vote");
  const cards = v.page.getByTestId("vote-card");
  await expect(cards).toHaveCount(PAGE);
  // A moderator hides one of the images: the voter's order is no longer the one their pages continue.
  const hidden = Number(await cards.first().getAttribute("data-image-id"));
  await testDb(app).image.update({ where: { id: hidden }, data: { hiddenAt: new Date(), hiddenReason: "e2e" } });
  await v.page.getByRole("button", { name: "Show more" }).click();
  await expect(v.page.getByText("The list of submissions has changed since you opened the page", { exact: false })).toBeVisible();
  await v.page.getByRole("button", { name: "Reload the list" }).click();
  await expect(v.page.getByText(`${PAGE} of ${SUBMISSIONS - 1} submissions shown`)).toBeVisible();
  await expect(v.page.locator(`[data-image-id="${hidden}"]`)).toHaveCount(0);
  await v.context.close();
});
