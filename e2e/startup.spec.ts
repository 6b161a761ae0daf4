import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { DEFAULT_CHECKPOINTS, startFakeSdwebui } from "../test/fake-sdwebui";
import { E2E } from "./env";

/** Starts the production build with the given environment and waits for the server to exit. */
function startWith(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "3199"], {
      env: { ...process.env, ...E2E.serverEnv, PORT: "3199", ...env },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("a malformed environment stops start-up with a message naming each variable", async () => {
  const { code, output } = await startWith({ STORAGE_DRIVER: "ftp", APP_TIME_ZONE: "Mars/Base", NEXTAUTH_SECRET: "short" });
  expect(code).toBe(1);
  expect(output).toContain('STORAGE_DRIVER must be "local" or "s3"');
  expect(output).toContain("APP_TIME_ZONE must be an IANA time zone");
  expect(output).toContain("NEXTAUTH_SECRET must be at least 32 characters");
});

test("a self-hosted image engine that does not answer, or lacks the configured checkpoint, stops start-up saying so", async () => {
  const fake = await startFakeSdwebui();
  try {
    const missing = await startWith({ IMAGE_ENGINE: "sdwebui", SDWEBUI_URL: fake.url, SDWEBUI_CHECKPOINT: "sd3-medium" });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(
      `SDWEBUI_CHECKPOINT "sd3-medium" is not one of the server's checkpoints: ${DEFAULT_CHECKPOINTS[0]!.title}`,
    );
    const silent = await startWith({ IMAGE_ENGINE: "sdwebui", SDWEBUI_URL: "http://127.0.0.1:9", SDWEBUI_CHECKPOINT: "anything" });
    expect(silent.code).toBe(1);
    expect(silent.output).toContain(
      "The image engine (IMAGE_ENGINE=sdwebui) is not ready: the server at http://127.0.0.1:9 does not answer",
    );
  } finally {
    await fake.close();
  }
});

test("behind https and embedded by a crowd platform: Secure, SameSite=None cookies and the platform in frame-ancestors", async () => {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "3198"], {
    env: {
      ...process.env,
      ...E2E.serverEnv,
      PORT: "3198",
      NEXTAUTH_URL: "https://patchwork.example.org",
      FRAME_ANCESTORS: "https://app.prolific.com",
    },
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  try {
    await expect
      .poll(
        () =>
          fetch("http://127.0.0.1:3198/api/health").then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 30_000 },
      )
      .toBe(200);
    const csrf = await fetch("http://127.0.0.1:3198/api/auth/csrf");
    const setCookie = csrf.headers.getSetCookie().find((c) => c.startsWith("__Host-next-auth.csrf-token="));
    expect(setCookie, output).toBeTruthy();
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; SameSite=None/i);
    const page = await fetch("http://127.0.0.1:3198/signin");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'self' https://app.prolific.com");
    expect(csp).toContain("upgrade-insecure-requests");
  } finally {
    child.kill("SIGTERM");
  }
});
