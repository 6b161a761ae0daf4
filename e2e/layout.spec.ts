// Phones and legibility: on a 390 px screen the header is one row behind a Menu button and the
// editor's picture starts near the top; every admin page fits the screen, its wide tables
// scrolling inside boxes a keyboard can reach; the vote buttons' text stays readable (WCAG AA).
import { expect, type Locator, type Page, test } from "@playwright/test";
import enAdmin from "../messages/en/admin.json";
import arCommon from "../messages/ar/common.json";
import enCommon from "../messages/en/common.json";
import enVote from "../messages/en/vote.json";
import { E2E } from "./env";
import { newParticipant, seedSubmission, signInAs, testDb, uniqueId } from "./fixtures";
import { waitForEditor } from "./konva";

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
/** The old header wrapped to three rows (129 px signed in, more with every reward link on). */
const HEADER_MAX = 64;
/** The old header and the toolbar above the picture put the canvas's top at 514 px. */
const CANVAS_TOP_MAX = 200;

const headerHeight = (page: Page) => page.locator("header.site-header").evaluate((h) => h.getBoundingClientRect().height);

test("on a phone the header is one row with a menu, and the editor's picture starts near the top", async ({ browser }) => {
  const me = await newParticipant(browser, PHONE);
  const page = me.page;
  await page.goto("/create");
  await waitForEditor(page);
  const header = await headerHeight(page);
  const canvas = await page.getByRole("application").boundingBox();
  test.info().annotations.push({ type: "measured", description: `header ${header} px, canvas top ${canvas!.y} px` });
  expect(header).toBeLessThanOrEqual(HEADER_MAX);
  expect(canvas!.y).toBeLessThanOrEqual(CANVAS_TOP_MAX);
  expect(canvas!.x + canvas!.width).toBeLessThanOrEqual(390);

  // Closed, the navigation and the account are out of sight and out of the tab order.
  const menu = page.getByRole("button", { name: enCommon.header.menu });
  const nav = page.getByRole("navigation", { name: enCommon.header.nav });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await expect(page.getByTestId("signed-in-as")).toBeHidden();

  // The keyboard opens it, Tab walks into it, Escape closes it and gives focus back to the button.
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page.getByTestId("language-switcher")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: enCommon.header.create })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav).toBeHidden();

  // A link followed from the menu lands on its page with the menu closed again.
  await menu.click();
  await nav.getByRole("link", { name: enCommon.header.vote }).click();
  await expect(page).toHaveURL(/\/vote$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();
  await me.context.close();
});

test("on a phone in Arabic the header mirrors: the menu on the left, the language switched from inside it", async ({ browser }) => {
  const me = await newParticipant(browser, PHONE);
  const page = me.page;
  await page.goto("/create");
  await page.getByRole("button", { name: enCommon.header.menu }).click();
  await page.getByTestId("language-switcher").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const menu = page.getByRole("button", { name: arCommon.header.menu });
  await expect(menu).toBeVisible();
  // The switch refreshes the page in place: the menu is still open, now in Arabic.
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("navigation", { name: arCommon.header.nav }).getByRole("link", { name: arCommon.header.vote })).toBeVisible();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  expect(await headerHeight(page)).toBeLessThanOrEqual(HEADER_MAX);
  const brand = await page.getByRole("link", { name: arCommon.header.home }).boundingBox();
  const button = await menu.boundingBox();
  expect(button!.x + button!.width).toBeLessThan(brand!.x);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth)).toBe(true);
  await waitForEditor(page);
  expect((await page.getByRole("application").boundingBox())!.y).toBeLessThanOrEqual(CANVAS_TOP_MAX);
  await me.context.close();
});

/** Every element that scrolls (overflow auto/scroll, content larger than its box), as the page sees it. */
function scrollers(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => {
        const s = getComputedStyle(el);
        const x = /auto|scroll/.test(s.overflowX) && el.scrollWidth > el.clientWidth;
        const y = /auto|scroll/.test(s.overflowY) && el.scrollHeight > el.clientHeight;
        return x || y;
      })
      .map((el) => {
        const labelledBy = el.getAttribute("aria-labelledby");
        const name = (labelledBy ? document.getElementById(labelledBy)?.textContent : el.getAttribute("aria-label")) ?? "";
        return { tag: el.tagName, tabIndex: el.tabIndex, role: el.getAttribute("role"), name: name.trim() };
      }),
  );
}

test("on a phone every admin page fits the screen, and what scrolls inside it takes keyboard focus", async ({ browser }) => {
  const db = testDb();
  // Something in every table: a flagged submission with a long reason, and an audit entry.
  const creator = await db.user.create({ data: { participantId: uniqueId("layout-creator"), displayName: "Layout creator" } });
  const flagger = await db.user.create({ data: { participantId: uniqueId("layout-flagger"), displayName: "Layout flagger" } });
  const image = await seedSubmission(creator.id, "a lighthouse for the layout check");
  await db.flag.create({
    data: { imageId: image.id, userId: flagger.id, reason: "an unusually long reason that a narrow table cell has to wrap or scroll" },
  });
  await db.auditLog.create({
    data: { action: "layout-check", targetType: "image", targetId: String(image.id), reason: "seeded by the layout test" },
  });

  const admin = await browser.newContext({ baseURL: E2E.baseURL, ...PHONE });
  // ADMIN_PARTICIPANT_IDS=e2e-admin on the e2e servers: this id becomes an admin on sign-in.
  expect(await signInAs(admin.request, "e2e-admin")).toBe(200);
  const page = await admin.newPage();
  for (const path of [
    "/admin",
    "/admin/moderation",
    "/admin/settings",
    "/admin/export",
    "/admin/audit",
    "/admin/analyses",
    "/admin/studies",
    "/admin/studies/1",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
    expect(await headerHeight(page), path).toBeLessThanOrEqual(HEADER_MAX);
    // Charts shrink to the screen.
    for (const right of await page.locator("main svg").evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().right))) {
      expect(right, path).toBeLessThanOrEqual(clientWidth);
    }
    for (const s of await scrollers(page)) {
      expect(s.tabIndex, `${path}: ${JSON.stringify(s)}`).toBeGreaterThanOrEqual(0);
      if (s.tag === "DIV") expect([s.role, s.name !== ""], `${path}: ${JSON.stringify(s)}`).toEqual(["group", true]);
    }
  }

  // The overview's day history is wider than a phone: it scrolls in its own box, named by its
  // section's heading, with the arrow keys once focused.
  await page.goto("/admin");
  const history = page.getByRole("group", { name: enAdmin.overview.history.title });
  await expect(history).toBeVisible();
  expect(await history.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await history.focus();
  await expect(history).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => history.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await admin.close();
});

/** WCAG 2 contrast ratio of two sRGB colours given as [r, g, b] in 0–255. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, bl] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * A button's text and background colours as painted: its own background (or the nearest opaque
 * one behind it), and both blended with what is behind when the button is made translucent.
 */
async function paintedColours(button: Locator): Promise<{ text: number[]; background: number[] }> {
  return button.evaluate((el) => {
    const rgba = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const opaqueBehind = (start: Element | null) => {
      for (let e = start; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const own = rgba(getComputedStyle(el).backgroundColor);
    const behind = opaqueBehind(el.parentElement);
    const background = own.length === 3 || own[3] === 1 ? own.slice(0, 3) : behind;
    const text = rgba(getComputedStyle(el).color).slice(0, 3);
    const opacity = Number(getComputedStyle(el).opacity);
    const blend = (c: number[]) => c.map((v, i) => opacity * v + (1 - opacity) * behind[i]!);
    return { text: blend(text), background: blend(background) };
  });
}

test("every state of the vote buttons keeps its text at 4.5:1 or more", async ({ browser }) => {
  const other = await newParticipant(browser);
  const me = await newParticipant(browser, PHONE);
  const liked = await seedSubmission(other.user.id, "a layout check to up-vote");
  const disliked = await seedSubmission(other.user.id, "a layout check to down-vote");
  const mine = await seedSubmission(me.user.id, "my own layout check");
  const page = me.page;
  await page.goto("/vote");
  const card = (id: number) => page.locator(`[data-image-id="${id}"]`);
  const up = (id: number) => card(id).getByRole("button", { name: /^Up-vote/ });
  const down = (id: number) => card(id).getByRole("button", { name: /^Down-vote/ });
  await up(liked.id).click();
  await down(disliked.id).click();
  // Saved (a tally appears once the server has answered), so no rollback can flip them back.
  await expect(card(liked.id).getByTestId("tally")).not.toHaveText(enVote.card.hiddenTally);
  await expect(card(disliked.id).getByTestId("tally")).not.toHaveText(enVote.card.hiddenTally);
  await expect(up(liked.id)).toHaveAttribute("aria-pressed", "true");
  await expect(down(disliked.id)).toHaveAttribute("aria-pressed", "true");
  await expect(up(mine.id)).toBeDisabled(); // one's own image: disabled while self-voting is off

  const states = { "pressed up": up(liked.id), "pressed down": down(disliked.id), "not pressed": down(liked.id), disabled: up(mine.id) };
  for (const [state, button] of Object.entries(states)) {
    const { text, background } = await paintedColours(button);
    const ratio = contrast(text, background);
    test.info().annotations.push({ type: "contrast", description: `${state}: ${ratio.toFixed(2)}:1` });
    expect(ratio, state).toBeGreaterThanOrEqual(4.5);
  }
  await other.context.close();
  await me.context.close();
});
