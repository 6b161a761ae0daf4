// Headless Chromium for the page benchmarks: the system browser with the e2e suite's flags (no
// sandbox in containers, no GPU, none of the background traffic that would pollute byte counts).
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from "@playwright/test";
import { CHROMIUM } from "../../e2e/chromium";
import { sessionCookie } from "./session";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...CHROMIUM, timeout: 60_000 });
}

/** A fresh context (empty cache) already signed in as `participantId` on the app. */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  participantId: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const cookie = await sessionCookie(baseUrl, participantId);
  const eq = cookie.indexOf("=");
  const context = await browser.newContext({ ...options, baseURL: baseUrl });
  context.setDefaultTimeout(60_000);
  await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl, httpOnly: true, sameSite: "Lax" }]);
  return context;
}
