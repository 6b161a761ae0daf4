import { expect, test, type Page } from "@playwright/test";
import { signInAs, uniqueId } from "./fixtures";
import { waitForEditor } from "./konva";

/** Starts recording layout shifts (not caused by input) from the page's first byte, as CLS counts them. */
async function recordShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node }[] })[]) {
        if (e.hadRecentInput) continue;
        w.__shifts.push({ value: e.value, sources: e.sources.map((s) => (s.node as Element | undefined)?.className?.toString() ?? "?") });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

async function shifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  return page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });

  test("/create: nothing moves while the editor loads (the placeholder has the editor's size)", async ({ page }) => {
    expect(await signInAs(page.request, uniqueId("shift"))).toBe(200);
    await recordShifts(page);
    // A slow phone on a slow link: scripts arrive late and run slowly, so the server-rendered
    // placeholder is on screen for a while before the editor replaces it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    await page.goto("/create");
    await expect(page.getByLabel("Loading the editor")).toBeVisible();
    await waitForEditor(page);
    await expect(page.locator("canvas").first()).toBeVisible();
    // The seed picture loads into the stage after the editor mounts; give it time to settle.
    await page.waitForTimeout(1500);
    const seen = await shifts(page);
    const cls = seen.reduce((sum, s) => sum + s.value, 0);
    expect(cls, JSON.stringify(seen)).toBeLessThan(0.01);
  });
});
