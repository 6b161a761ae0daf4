// The create flow on the self-hosted engine: a server configured with IMAGE_ENGINE=sdwebui talks
// to the stable-diffusion-webui stand-in (test/fake-sdwebui.ts) over real HTTP. A participant
// masks, generates and submits; the picture records what determined it; an admin replays it from
// its page and is told it is identical. On a server of its own, since the engine is its own.
import { expect, test } from "@playwright/test";
import { DEFAULT_CHECKPOINTS, startFakeSdwebui, type FakeSdwebui } from "../test/fake-sdwebui";
import { createAndSubmit } from "./create-flow";
import type { E2EServer } from "./env";
import { signInAs, testDb, uniqueId } from "./fixtures";
import { type OwnServer, startOwnServer } from "./own-server";

test.describe.configure({ mode: "serial" });

const CHECKPOINT = DEFAULT_CHECKPOINTS[0]!;
let fake: FakeSdwebui;
let own: OwnServer | undefined;
let app: E2EServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fake = await startFakeSdwebui({ auth: { username: "lab", password: "gpu-box-password" } });
  own = await startOwnServer("sdwebui", {
    IMAGE_ENGINE: "sdwebui",
    SDWEBUI_URL: fake.url,
    SDWEBUI_USERNAME: "lab",
    SDWEBUI_PASSWORD: "gpu-box-password",
    SDWEBUI_CHECKPOINT: CHECKPOINT.model_name,
    SDWEBUI_MAX_SIDE: "768",
  });
  app = own.app;
});

test.afterAll(async () => {
  await own?.stop();
  await fake?.close();
});

test("a participant generates on the self-hosted engine; the picture records every parameter; an admin replays it identically", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  expect(await signInAs(context.request, uniqueId("sd"))).toBe(200);
  const before = fake.requests.length;
  await page.goto("/create");
  // Not the offline engine: no note saying so.
  await expect(page.getByTestId("offline-engine-note")).toHaveCount(0);
  await createAndSubmit(page, "a lighthouse at dusk");

  // What the server was asked: the bundled 1536×1024 seed fitted into 768, the configured checkpoint by its title.
  const sent = fake.requests.slice(before);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({
    prompt: "a lighthouse at dusk",
    width: 768,
    height: 512,
    override_settings: { sd_model_checkpoint: CHECKPOINT.title },
  });
  const image = await testDb(app).image.findFirstOrThrow({ where: { prompt: "a lighthouse at dusk" } });
  expect([image.provider, image.model, image.status]).toEqual(["sdwebui", CHECKPOINT.model_name, "SUBMITTED"]);
  expect(JSON.parse(image.engineParams!)).toMatchObject({
    engine: "sdwebui",
    checkpointHash: CHECKPOINT.hash,
    seed: expect.any(Number),
    width: 768,
    height: 512,
  });

  // The admin sees how it was made on its page, and replays it.
  const admin = await browser.newContext({ baseURL: app.baseURL });
  expect(await signInAs(admin.request, "e2e-admin")).toBe(200);
  const adminPage = await admin.newPage();
  await adminPage.goto(`/images/${image.id}`);
  const record = adminPage.getByTestId("generation-record");
  await expect(record).toContainText(CHECKPOINT.hash);
  await record.getByRole("button", { name: "Replay with the configured engine" }).click();
  await expect(record.getByTestId("replay-outcome")).toHaveAttribute("data-identical", "true");
  await expect(record.getByTestId("replay-outcome")).toContainText("Identical");
  // Participants see no such section.
  await page.goto(`/images/${image.id}`);
  await expect(page.getByTestId("generation-record")).toHaveCount(0);
  await context.close();
  await admin.close();
});
