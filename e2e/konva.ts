// Drives the mask editor the way a person does: real pointer events at known places. Positions
// are given in the seed's own pixels and mapped through the Konva stage's transform.
import type { Page } from "@playwright/test";

type KonvaStage = {
  id(): string;
  container(): HTMLElement;
  getAbsoluteTransform(): { point(p: { x: number; y: number }): { x: number; y: number } };
};
type KonvaGlobal = { stages: KonvaStage[] };

export const STAGE_ID = "mask-editor-stage";

export async function waitForEditor(page: Page) {
  await page.waitForFunction((id) => {
    const k = (window as unknown as { Konva?: KonvaGlobal }).Konva;
    return !!k?.stages.some((s) => s.id() === id);
  }, STAGE_ID);
}

/** Page coordinates of a point given in image pixels. */
export async function imageToPage(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([id, x, y]) => {
      const k = (window as unknown as { Konva: KonvaGlobal }).Konva;
      const stage = k.stages.find((s) => s.id() === id)!;
      const rect = stage.container().getBoundingClientRect();
      const p = stage.getAbsoluteTransform().point({ x, y });
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    [STAGE_ID, x, y] as const,
  );
}

/** A mouse drag through the given image-pixel points. */
export async function drag(page: Page, points: [number, number][], steps = 8) {
  const first = await imageToPage(page, ...points[0]!);
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const pt of points.slice(1)) {
    const p = await imageToPage(page, ...pt);
    await page.mouse.move(p.x, p.y, { steps });
  }
  await page.mouse.up();
}

/** The coverage read-out as a fraction (e.g. "Masked: 12.4% …" → 0.124). */
export async function readCoverage(page: Page): Promise<number> {
  const text = (await page.getByTestId("mask-coverage").textContent()) ?? "";
  const m = text.match(/([\d.]+)\s*%/);
  if (!m) throw new Error(`no percentage in coverage read-out: ${text}`);
  return Number(m[1]) / 100;
}
