import { expect, test } from "@playwright/test";

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });

  test("today's seed comes as a small AVIF made once, not the full-size PNG", async ({ page }) => {
    // The first view of a seed without copies makes them after the response; a later view has them.
    await page.goto("/");
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('figure picture source[type="image/avif"]').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const img = page.locator("figure picture img");
    await expect(img).toHaveJSProperty("complete", true);
    const chosen = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
    // 390 CSS px at 1x calls for the 480 px copy. Chromium under phone emulation often takes the
    // 960 px one instead: its preload scanner sizes the picture before the page's viewport applies
    // and the page then shows what arrived. Either is a small AVIF; never the 1536 px copy or the PNG.
    expect(chosen).toMatch(/\.w(480|960)\.avif$/);
    const requested = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name));
    expect(requested.filter((name) => /\.w1536\.avif$/.test(name))).toEqual([]);
    const fallback = await img.getAttribute("src");
    expect(fallback).toMatch(/\.png$/);
    const [small, full] = await Promise.all([page.request.get(chosen), page.request.get(fallback!)]);
    expect(small.headers()["content-type"]).toBe("image/avif");
    expect(small.headers()["cache-control"]).toContain("immutable");
    const smallBytes = (await small.body()).length;
    const fullBytes = (await full.body()).length;
    expect(smallBytes * 10).toBeLessThan(fullBytes);
    test.info().annotations.push({
      type: "figure",
      description: `landing seed on a 390 px phone: ${smallBytes} B (AVIF, 480 px) instead of ${fullBytes} B (PNG)`,
    });
  });
});
