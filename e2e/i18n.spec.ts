// Languages: the browser's language on a first visit, a switch on any page that is remembered,
// Arabic laid out right to left with the editor still drawing under the pointer, the language
// recorded on what people make and vote, and refusals answered in the reader's language.
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import arCommon from "../messages/ar/common.json";
import arCreate from "../messages/ar/create.json";
import arVote from "../messages/ar/vote.json";
import esCommon from "../messages/es/common.json";
import esCreate from "../messages/es/create.json";
import esErrors from "../messages/es/errors.json";
import esVote from "../messages/es/vote.json";
import { E2E } from "./env";
import { newParticipant, seedSubmission, testDb } from "./fixtures";
import { drag, waitForEditor } from "./konva";

const html = (page: Page) => page.locator("html");
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)(?:, number)?\}/g, (_, k: string) => String(values[k]));

async function maskAlpha(key: string, x: number, y: number): Promise<number> {
  const { data, info } = await sharp(join(E2E.storageDir, key)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return data[(y * info.width + x) * 4 + 3]!;
}

test("Spanish from the browser, Arabic right to left after a switch, remembered on every page; the editor draws under the pointer", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const other = await newParticipant(browser);
  const theirs = await seedSubmission(other.user.id, "a lighthouse at night");
  await seedSubmission(other.user.id, "a kite over the dunes");
  const me = await newParticipant(browser, { locale: "es-ES" });
  const page = me.page;

  // First visit: the browser asks for Spanish.
  await page.goto("/");
  await expect(html(page)).toHaveAttribute("lang", "es");
  await expect(html(page)).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(esCommon.landing.title);

  // Switch to Arabic from the header: right to left at once.
  await page.getByTestId("language-switcher").selectOption("ar");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(html(page)).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arCommon.landing.title);
  expect((await me.context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("ar");
  // The pseudonym is worded in the reader's language too.
  await expect(page.getByTestId("signed-in-as")).toContainText(fill(arCommon.pseudonym, { tag: me.user.pseudonym ?? "" }));

  // The vote page remembers it, and its grid runs right to left.
  await page.goto("/vote");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arVote.page.openTitle);
  const cards = page.locator("[data-image-id]");
  await expect(cards.nth(1)).toBeVisible();
  const [first, second] = [await cards.nth(0).boundingBox(), await cards.nth(1).boundingBox()];
  expect(first!.y).toBeCloseTo(second!.y, 0);
  expect(first!.x).toBeGreaterThan(second!.x);

  // The editor: the toolbar mirrors, the canvas does not, and a rectangle lands where it was drawn.
  await page.goto("/create");
  await waitForEditor(page);
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  const brush = await page.getByRole("button", { name: arCreate.toolbar.brush, exact: true }).boundingBox();
  const eraser = await page.getByRole("button", { name: arCreate.toolbar.eraser, exact: true }).boundingBox();
  expect(brush!.x).toBeGreaterThan(eraser!.x);
  await page.getByRole("button", { name: arCreate.toolbar.rect, exact: true }).click();
  await drag(
    page,
    [
      [900, 250],
      [1400, 750],
    ],
    12,
  );
  const prompt = page.getByLabel(arCreate.form.promptLabel);
  await expect(prompt).toHaveAttribute("dir", "auto");
  await prompt.fill("منارة تحت سماء مرصعة بالنجوم");
  await page.getByRole("button", { name: arCreate.form.generate, exact: true }).click();
  await expect(page.getByTestId("attempt").first()).toBeVisible({ timeout: 60_000 });
  const made = await testDb().image.findFirstOrThrow({ where: { creatorId: me.user.id }, orderBy: { id: "desc" } });
  expect(made.prompt).toBe("منارة تحت سماء مرصعة بالنجوم");
  expect(made.locale).toBe("ar");
  expect(await maskAlpha(made.maskKey!, 1150, 500)).toBe(0); // inside the rectangle: repainted
  expect(await maskAlpha(made.maskKey!, 300, 900)).toBe(255); // outside: kept
  expect(await maskAlpha(made.maskKey!, 1450, 500)).toBe(255);

  // Back to Spanish on the editor page; a reload keeps it.
  await page.getByTestId("language-switcher").selectOption("es");
  await expect(html(page)).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(esCreate.title);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(esCreate.title);

  // A vote in Spanish records the language.
  await page.goto("/vote");
  const card = page.locator(`[data-image-id="${theirs.id}"]`);
  const label = (await card.getAttribute("aria-label")) ?? "";
  const position = Number(/\d+/.exec(label)?.[0]);
  await card.getByRole("button", { name: fill(esVote.card.upvote, { position }) }).click();
  await expect.poll(async () => (await testDb().vote.findFirst({ where: { userId: me.user.id, imageId: theirs.id } }))?.locale).toBe("es");
  await other.context.close();
  await me.context.close();
});

test("the switch works on the landing, create and vote pages, to Spanish and to Arabic", async ({ browser }) => {
  const me = await newParticipant(browser, { locale: "en-US" });
  const page = me.page;
  const headings: [string, { es: string; ar: string }][] = [
    ["/", { es: esCommon.landing.title, ar: arCommon.landing.title }],
    ["/create", { es: esCreate.title, ar: arCreate.title }],
    ["/vote", { es: esVote.page.openTitle, ar: arVote.page.openTitle }],
  ];
  for (const [path, text] of headings) {
    await page.goto(path);
    for (const [locale, dir] of [
      ["es", "ltr"],
      ["ar", "rtl"],
      ["en", "ltr"],
    ] as const) {
      await page.getByTestId("language-switcher").selectOption(locale);
      await expect(html(page)).toHaveAttribute("lang", locale);
      await expect(html(page)).toHaveAttribute("dir", dir);
      if (locale !== "en") await expect(page.getByRole("heading", { level: 1 })).toHaveText(text[locale]);
    }
  }
  await me.context.close();
});

test("a refusal from the server comes back in the reader's language", async ({ browser }) => {
  const other = await newParticipant(browser);
  const image = await seedSubmission(other.user.id, "something to report");
  const me = await newParticipant(browser, { locale: "es-ES" });
  await me.page.goto("/vote");
  await me.page
    .locator(`[data-image-id="${image.id}"]`)
    .getByRole("button", { name: /Ampliar/ })
    .click();
  await me.page.getByRole("button", { name: esVote.flag.open }).click();
  await me.page.getByLabel(esVote.flag.reason).fill("<b>spam</b>");
  await me.page.getByRole("button", { name: esVote.flag.send }).click();
  await expect(me.page.getByRole("alert").filter({ hasText: esErrors.text.reasonMarkup })).toBeVisible();
  expect(await testDb().flag.count({ where: { imageId: image.id } })).toBe(0);
  await other.context.close();
  await me.context.close();
});
