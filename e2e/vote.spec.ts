import { expect, test } from "@playwright/test";
import { newParticipant, postVote, seedSubmission, testDb } from "./fixtures";

test("two participants vote on each other's images: tallies only after voting, kept on reload, keyboard works", async ({ browser }) => {
  const a = await newParticipant(browser);
  const b = await newParticipant(browser);
  const imgA = await seedSubmission(a.user.id, "A's patch: a <b>bold</b> boat");
  const imgB = await seedSubmission(b.user.id, "B's patch: a kite");

  // A up-votes B's image with the mouse.
  await a.page.goto("/vote");
  const bOnA = a.page.locator(`[data-image-id="${imgB.id}"]`);
  await expect(bOnA.getByTestId("tally")).toHaveText("Vote to see the tally");
  await bOnA.getByRole("button", { name: /^Up-vote/ }).click();
  await expect(bOnA.getByRole("button", { name: /^Up-vote/ })).toHaveAttribute("aria-pressed", "true");
  await expect(bOnA.getByTestId("tally")).toHaveText("+1 / -0");
  // A cannot vote on their own image; its prompt is text, never HTML.
  const own = a.page.locator(`[data-image-id="${imgA.id}"]`);
  await expect(own.getByRole("button", { name: /^Up-vote/ })).toBeDisabled();
  await expect(own).toContainText("a <b>bold</b> boat");
  await a.page.reload();
  await expect(bOnA.getByRole("button", { name: /^Up-vote/ })).toHaveAttribute("aria-pressed", "true");
  await expect(bOnA.getByTestId("tally")).toHaveText("+1 / -0");

  // B down-votes A's image with the keyboard only.
  await b.page.goto("/vote");
  const aOnB = b.page.locator(`[data-image-id="${imgA.id}"]`);
  await expect(aOnB.getByTestId("tally")).toHaveText("Vote to see the tally");
  const down = aOnB.getByRole("button", { name: /^Down-vote/ });
  await aOnB.getByRole("button", { name: /^Up-vote/ }).focus();
  await b.page.keyboard.press("Tab");
  await expect(down).toBeFocused();
  await b.page.keyboard.press("Enter");
  await expect(down).toHaveAttribute("aria-pressed", "true");
  await expect(aOnB.getByTestId("tally")).toHaveText("+0 / -1");
  // Space toggles it off again, then back on.
  await b.page.keyboard.press("Space");
  await expect(down).toHaveAttribute("aria-pressed", "false");
  await expect(aOnB.getByTestId("tally")).toHaveText("+0 / -0");
  await expect(down).toBeFocused();
  await b.page.keyboard.press("Space");
  await expect(down).toHaveAttribute("aria-pressed", "true");
  await expect(aOnB.getByTestId("tally")).toHaveText("+0 / -1");

  const votes = await testDb().vote.findMany({ where: { imageId: { in: [imgA.id, imgB.id] } } });
  expect(votes.map((v) => [v.userId, v.imageId, v.value]).sort()).toEqual(
    [
      [a.user.id, imgB.id, 1],
      [b.user.id, imgA.id, -1],
    ].sort(),
  );
  expect(votes.every((v) => v.position !== null && v.talliesVisible === false)).toBe(true);
  const counts = await testDb().image.findMany({
    where: { id: { in: [imgA.id, imgB.id] } },
    select: { id: true, upvotes: true, downvotes: true },
  });
  expect(counts.find((c) => c.id === imgA.id)).toMatchObject({ upvotes: 0, downvotes: 1 });
  expect(counts.find((c) => c.id === imgB.id)).toMatchObject({ upvotes: 1, downvotes: 0 });
  await a.context.close();
  await b.context.close();
});

test("the JSON vote endpoint applies the same rules", async ({ browser }) => {
  const a = await newParticipant(browser);
  const b = await newParticipant(browser);
  const imgA = await seedSubmission(a.user.id);
  const post = (data: unknown) => postVote(b.context.request, data);
  const ok = await post({ imageId: imgA.id, value: 1, position: 0 });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ imageId: imgA.id, value: 1, upvotes: 1, downvotes: 0 });
  expect((await post({ imageId: imgA.id, value: 2 })).status()).toBe(400);
  expect((await post({ imageId: "x", value: 1 })).status()).toBe(400);
  expect((await postVote(a.context.request, { imageId: imgA.id, value: 1 })).status()).toBe(403);
  // Exact values only, and only from our own pages.
  expect((await post({ imageId: imgA.id, value: null })).status()).toBe(400);
  expect((await post({ imageId: imgA.id, value: true })).status()).toBe(400);
  const crossSite = await postVote(b.context.request, { imageId: imgA.id, value: -1 }, { origin: "https://evil.example" });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("CROSS_ORIGIN");
  const anon = await browser.newContext();
  expect((await postVote(anon.request, { imageId: imgA.id, value: 1 })).status()).toBe(401);
  const feed = await (await b.context.request.get("/api/vote/images")).json();
  const item = feed.items.find((i: { id: number }) => i.id === imgA.id);
  expect(item).toMatchObject({ myVote: 1, tally: { up: 1, down: 0 }, author: null });
  await anon.close();
  await a.context.close();
  await b.context.close();
});

test.describe("on a phone", () => {
  test("the vote grid fits the screen in one or two columns", async ({ browser }) => {
    const a = await newParticipant(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const other = await newParticipant(browser);
    await seedSubmission(other.user.id);
    await seedSubmission(other.user.id);
    await a.page.goto("/vote");
    const cards = a.page.getByTestId("vote-card");
    await expect(cards.first()).toBeVisible();
    const boxes = await cards.evaluateAll((els) => els.slice(0, 4).map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const columns = new Set(boxes.map((bx) => Math.round(bx.left))).size;
    expect(columns).toBeGreaterThanOrEqual(1);
    expect(columns).toBeLessThanOrEqual(2);
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const up = cards.first().getByRole("button", { name: /^Up-vote/ });
    const box = await up.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(40);
    await a.context.close();
    await other.context.close();
  });
});

test("the vote and create pages count down to the day's close, in the participant's own time zone", async ({ browser }) => {
  // Tokyo has no daylight saving time: midnight in UTC (the e2e server's zone) is 09:00 there.
  const p = await newParticipant(browser, { timezoneId: "Asia/Tokyo", locale: "en-US" });
  const open = await testDb().day.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: { date: "desc" } });
  const ends = new Date(open.date.getTime() + 86_400_000);
  for (const path of ["/vote", "/create"]) {
    await p.page.goto(path);
    const countdown = p.page.getByTestId("day-countdown");
    await expect(countdown).toHaveAttribute("data-ends-at", ends.toISOString());
    await expect(countdown).toContainText(/^Today's round ends in (\d+ h )?\d+ min \(\w{3}\s9:00\sAM, your time\)\.$/);
    // The time left agrees with the clock, to the minute.
    const text = (await countdown.textContent())!;
    const [, h = "0", m] = /in (?:(\d+) h )?(\d+) min/.exec(text)!;
    const left = Number(h) * 60 + Number(m);
    expect(Math.abs(left - (ends.getTime() - Date.now()) / 60_000)).toBeLessThan(2);
  }
  await p.context.close();
});
