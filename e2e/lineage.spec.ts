import { expect, test } from "@playwright/test";
import { E2E_HISTORY } from "./env";
import { newParticipant, postVote, testDb } from "./fixtures";
import { createAndSubmit } from "./create-flow";

const db = () => testDb(E2E_HISTORY);

test("the whole product: create, submit, vote, roll over, and the winner seeds the next day", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const a = await newParticipant(browser, {}, E2E_HISTORY);
  const b = await newParticipant(browser, {}, E2E_HISTORY);
  const openDay = await db().day.findFirstOrThrow({ where: { status: "OPEN" } });

  await createAndSubmit(a.page, "a red hot-air balloon", [
    [300, 300],
    [700, 650],
  ]);
  await createAndSubmit(b.page, "blue stripes on the lake", [
    [300, 300],
    [700, 650],
  ]);
  const imgA = await db().image.findFirstOrThrow({ where: { creatorId: a.user.id, status: "SUBMITTED" } });
  const imgB = await db().image.findFirstOrThrow({ where: { creatorId: b.user.id, status: "SUBMITTED" } });
  expect([imgA.dayId, imgB.dayId]).toEqual([openDay.id, openDay.id]);

  // Each votes on the other's image: A likes B's, B dislikes A's, so B's ranks first.
  await a.page.goto("/vote");
  await a.page
    .locator(`[data-image-id="${imgB.id}"]`)
    .getByRole("button", { name: /^Up-vote/ })
    .click();
  await expect(a.page.locator(`[data-image-id="${imgB.id}"]`).getByTestId("tally")).toHaveText("+1 / -0");
  await b.page.goto("/vote");
  await b.page
    .locator(`[data-image-id="${imgA.id}"]`)
    .getByRole("button", { name: /^Down-vote/ })
    .click();
  await expect(b.page.locator(`[data-image-id="${imgA.id}"]`).getByTestId("tally")).toHaveText("+0 / -1");

  // The scheduler calls the cron route; a wrong secret changes nothing.
  const wrong = await request.get(`${E2E_HISTORY.baseURL}/api/cron/rollover`, {
    headers: { Authorization: "Bearer wrong-secret-0123456789" },
  });
  expect(wrong.status()).toBe(401);
  expect((await db().day.findUniqueOrThrow({ where: { id: openDay.id } })).status).toBe("OPEN");
  const res = await request.get(`${E2E_HISTORY.baseURL}/api/cron/rollover`, {
    headers: { Authorization: `Bearer ${E2E_HISTORY.cronSecret}` },
  });
  expect(res.status()).toBe(200);

  const closed = await db().day.findUniqueOrThrow({ where: { id: openDay.id } });
  expect(closed).toMatchObject({ status: "CLOSED", winnerImageId: imgB.id, totalSubmissions: 2, totalVotes: 2, totalParticipants: 2 });
  const next = await db().day.findFirstOrThrow({ where: { status: "OPEN" } });
  expect(next.seedImageId).toBe(imgB.id);

  // The next day's editor starts from B's image.
  await a.page.goto("/create");
  await expect(a.page.locator(`[data-seed-id="${imgB.id}"]`)).toBeVisible();
  // Votes on the closed day are refused.
  const late = await postVote(a.context.request, { imageId: imgB.id, value: -1 }, { server: E2E_HISTORY });
  expect(late.status()).toBe(409);

  // /winners lists it; its page shows the parent it was made from.
  await a.page.goto("/winners");
  await expect(a.page.getByTestId("winner").first()).toContainText("blue stripes on the lake");
  await a.page.getByTestId("winner").first().getByRole("link").click();
  await expect(a.page).toHaveURL(new RegExp(`/images/${imgB.id}$`));
  await expect(a.page.getByTestId("final-votes")).toContainText("+1 / -0");
  await expect(a.page.getByTestId("parent").getByRole("link")).toHaveAttribute("href", `/images/${openDay.seedImageId}`);
  // The closed day's page shows its final ranking, read-only: B's image first, no voting.
  await a.page.goto(`/days/${closed.date.toISOString().slice(0, 10)}`);
  await expect(a.page.getByRole("heading", { level: 1 })).toContainText("Final ranking");
  await expect(a.page.getByTestId("vote-card").first()).toHaveAttribute("data-image-id", String(imgB.id));
  await expect(
    a.page
      .getByTestId("vote-card")
      .first()
      .getByRole("button", { name: /^Down-vote/ }),
  ).toBeDisabled();
  const anim = await a.context.request.get("/api/timelapse");
  expect(anim.status()).toBe(200);
  expect(anim.headers()["content-type"]).toBe("image/webp");
  await a.context.close();
  await b.context.close();
});
