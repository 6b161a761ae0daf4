import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM } from "./e2e/chromium";
import { E2E, E2E_HISTORY } from "./e2e/env";

// End-to-end tests run against `next build && next start` on its own port, with its own
// throwaway database and storage folder (made by e2e/global-setup.ts, removed afterwards).
export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    launchOptions: CHROMIUM,
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node e2e/serve.mjs",
      url: `${E2E.baseURL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: E2E.serverEnv,
    },
    {
      command: "node e2e/serve.mjs --reuse-build --open-yesterday",
      url: `${E2E_HISTORY.baseURL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...E2E_HISTORY.serverEnv, E2E_WAIT_FOR: `${E2E.baseURL}/api/health` },
    },
  ],
});
