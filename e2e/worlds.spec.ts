// A study of two worlds through the real pages: two participants, placed by signed links, each
// create, submit and vote in their own world and never see the other's; the rollover gives the
// worlds different next seeds; the admin sees both lineages side by side. On a server of its own,
// since starting a study changes what every page shows.
import { createHmac, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import sharp from "sharp";
import { expect, test, type Browser } from "@playwright/test";
import { generateAttempt, submitAttempt } from "./create-flow";
import type { E2EServer } from "./env";
import { postVote, seedSubmission, signInAs, testDb, uniqueId } from "./fixtures";
import { type OwnServer, startOwnServer } from "./own-server";

test.describe.configure({ mode: "serial" });

let own: OwnServer | undefined;
let app: E2EServer;
const world = { a: 0, b: 0 };
let studyId = 0;

/** A world link as the server signs it (lib/worlds/world-link.ts), from the server's secret. */
function worldLink(worldId: number): string {
  const key = createHmac("sha256", app.serverEnv.NEXTAUTH_SECRET!).update("pixelpatchwork:world-link").digest();
  const mac = createHmac("sha256", key).update(`world-link:${studyId}:${worldId}`).digest("base64url").slice(0, 22);
  return `${studyId}.${worldId}.${mac}`;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  own = await startOwnServer("worlds");
  app = own.app;
  const db = testDb(app);
  // The admin uploads a new first picture on the studies page (the form takes its id) and starts
  // the next study from it, with the form's two worlds as they come.
  const admin = await browser.newContext({ baseURL: app.baseURL });
  expect(await signInAs(admin.request, "e2e-admin")).toBe(200);
  const page = await admin.newPage();
  await page.goto("/admin/studies");
  await page.getByLabel("Name of the new study").fill("Two worlds");
  const picture = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#4a7fb0" } })
    .png()
    .toBuffer();
  await page
    .getByLabel("Picture (PNG, JPEG or WebP, at most 8 MB)")
    .setInputFiles({ name: "harbour.png", mimeType: "image/png", buffer: picture });
  await page.getByLabel("What it shows").fill("A blue harbour");
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("seed-upload").getByRole("status")).toHaveText(/^Uploaded as picture \d+/);
  const seed = (await db.image.findFirstOrThrow({ where: { provider: "upload" }, orderBy: { id: "desc" } })).id;
  expect(await page.getByLabel("First picture (image id)").inputValue()).toBe(String(seed));
  await page.getByRole("button", { name: "End the running study and start this one" }).click();
  await expect(page.getByTestId("start-study").getByRole("status").last()).toHaveText("Study 2 started with 2 worlds.");
  await expect(page.getByTestId("studies").locator("tbody tr")).toHaveCount(2);
  await admin.close();
  const study = await db.study.findFirstOrThrow({
    where: { status: "RUNNING" },
    select: { id: true, worlds: { orderBy: { position: "asc" }, select: { id: true, firstSeedImageId: true } } },
  });
  studyId = study.id;
  expect(study.worlds.map((w) => w.firstSeedImageId)).toEqual([seed, seed]);
  [world.a, world.b] = study.worlds.map((w) => w.id) as [number, number];
  // Every instance reads the running study at most a second late.
  await new Promise((r) => setTimeout(r, 1100));
});

test.afterAll(async () => {
  await own?.stop();
});

async function arriveIn(browser: Browser, worldId: number) {
  const pid = randomBytes(12).toString("hex");
  const context = await browser.newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  await page.goto(`/?PROLIFIC_PID=${pid}&assign=${worldLink(worldId)}`);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  const user = await testDb(app).user.findUniqueOrThrow({ where: { participantId: pid } });
  return { context, page, user };
}

test("two participants in two worlds create, submit and vote in their own world only; the rollover seeds each world with its own winner; the admin sees both", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const db = testDb(app);
  const a = await arriveIn(browser, world.a);
  const b = await arriveIn(browser, world.b);
  expect(
    await db.assignment.findMany({
      where: { studyId },
      orderBy: { worldId: "asc" },
      select: { userId: true, worldId: true, method: true },
    }),
  ).toEqual([
    { userId: a.user.id, worldId: world.a, method: "LINK" },
    { userId: b.user.id, worldId: world.b, method: "LINK" },
  ]);

  // Each creates and submits on their own world's day (opened by their first visit).
  await submitAttempt(a.page, await generateAttempt(a.page, "a lighthouse in world one"));
  await expect(a.page.getByTestId("attempt").first()).toContainText("Submitted");
  await submitAttempt(b.page, await generateAttempt(b.page, "a windmill in world two"));
  await expect(b.page.getByTestId("attempt").first()).toContainText("Submitted");
  const mineA = await db.image.findFirstOrThrow({ where: { creatorId: a.user.id, status: "SUBMITTED" }, include: { day: true } });
  const mineB = await db.image.findFirstOrThrow({ where: { creatorId: b.user.id, status: "SUBMITTED" }, include: { day: true } });
  expect([mineA.day!.worldId, mineB.day!.worldId]).toEqual([world.a, world.b]);
  // Someone else's picture in each world, for the other participant to vote on.
  const otherA = await seedSubmission(
    (await db.user.create({ data: { participantId: uniqueId("ca") } })).id,
    "world one's other",
    app,
    world.a,
  );
  const otherB = await seedSubmission(
    (await db.user.create({ data: { participantId: uniqueId("cb") } })).id,
    "world two's other",
    app,
    world.b,
  );

  // Each sees only their world's pictures, and votes there.
  for (const [p, own, other, foreign] of [
    [a, mineA.id, otherA.id, otherB.id],
    [b, mineB.id, otherB.id, otherA.id],
  ] as const) {
    await p.page.goto("/vote");
    const cards = p.page.getByTestId("vote-card");
    await expect(cards).toHaveCount(2);
    expect((await cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-image-id"))))).sort()).toEqual([own, other].sort());
    const up = p.page.locator(`[data-testid="vote-card"][data-image-id="${other}"]`).getByRole("button", { name: /^Up-vote/ });
    await up.click();
    await expect(up).toHaveAttribute("aria-pressed", "true");
    // The other world's picture does not exist for them: its page, and a vote by the JSON API.
    expect((await p.page.goto(`/images/${foreign}`))?.status()).toBe(404);
    expect((await postVote(p.context.request, { imageId: foreign, value: 1 }, { server: app })).status()).toBe(404);
  }
  expect(await db.vote.count({ where: { imageId: { in: [otherA.id, otherB.id] } } })).toBe(2);

  // The admin's moderation page and overview show one world's day at a time, as picked.
  const admin = await browser.newContext({ baseURL: app.baseURL });
  expect(await signInAs(admin.request, "e2e-admin")).toBe(200);
  const page = await admin.newPage();
  for (const [id, pictures] of [
    [world.a, [mineA.id, otherA.id]],
    [world.b, [mineB.id, otherB.id]],
  ] as const) {
    await page.goto("/admin/moderation");
    await page.getByTestId("world-select").getByRole("combobox").selectOption(String(id));
    await page.getByTestId("world-select").getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`world=${id}`));
    const candidates = page.getByTestId("candidate");
    await expect(candidates).toHaveCount(2);
    expect((await candidates.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-image-id"))))).sort()).toEqual(
      [...pictures].sort(),
    );
    await page.goto(`/admin?world=${id}`);
    await expect(page.getByTestId("today-stats")).toContainText("2 submissions");
  }

  // The day ends: both worlds close in one rollover, each seeded by its own winner.
  await db.day.updateMany({
    where: { worldId: { in: [world.a, world.b] } },
    data: { date: new Date(mineA.day!.date.getTime() - 86_400_000) },
  });
  const res = await a.context.request.get(`${app.baseURL}/api/cron/rollover`, { headers: { Authorization: `Bearer ${app.cronSecret}` } });
  expect(res.status()).toBe(200);
  const { closed } = (await res.json()) as { closed: { worldId: number; winnerImageId: number }[] };
  expect(closed.map((c) => [c.worldId, c.winnerImageId])).toEqual([
    [world.a, otherA.id],
    [world.b, otherB.id],
  ]);
  const next = await db.day.findMany({ where: { worldId: { in: [world.a, world.b] }, status: "OPEN" }, orderBy: { worldId: "asc" } });
  expect(next.map((d) => d.seedImageId)).toEqual([otherA.id, otherB.id]);
  // Each participant's create page now starts from their own world's winner.
  await a.page.goto("/create");
  await expect(a.page.getByTestId("study-progress")).toBeVisible();

  // The admin sees both worlds side by side, each lineage from the shared first seed to its own winner.
  await page.goto("/admin");
  const cards = page.getByTestId("world");
  await expect(cards).toHaveCount(2);
  const strips = await cards.evaluateAll((els) =>
    els.map((el) => [...el.querySelectorAll("[data-testid=world-lineage] li")].map((li) => Number(li.getAttribute("data-image-id")))),
  );
  expect(strips[0]![0]).toBe(strips[1]![0]);
  expect(strips.map((s) => s.slice(1))).toEqual([[otherA.id], [otherB.id]]);
  // The analyses compare the worlds: one closed day each so far, under the form's default conditions.
  await page.goto("/admin/analyses");
  const rows = page.getByTestId("worlds-compared").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("World 1");
  await expect(rows.nth(0).locator("td").first()).toHaveText("tallies shown after voting; order random per voter");
  await expect(rows.nth(1).locator("td").nth(1)).toHaveText("1");
  // Both worlds played the form's default condition: one condition, the reference, pooling their two days.
  const conditions = page.getByTestId("conditions-compared").locator("tbody tr");
  await expect(conditions).toHaveCount(1);
  await expect(conditions.first().locator("th")).toContainText("(reference)");
  await expect(conditions.first().locator("td").nth(0)).toHaveText("World 1, World 2");
  await expect(conditions.first().locator("td").nth(1)).toHaveText("2");
  // The votes export, limited to this study: the two votes, each with its world and condition.
  await page.goto("/admin/export");
  await page.getByTestId("export-study").selectOption(String(studyId));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("export-votes-csv")).toHaveAttribute("href", new RegExp(`&study=${studyId}$`));
  const download = page.waitForEvent("download");
  await page.getByTestId("export-votes-csv").click();
  const csv = (await readFile((await (await download).path())!, "utf8")).trim().split("\r\n");
  const header = csv[0]!.split(",");
  const col = (row: string, name: string) => row.split(",")[header.indexOf(name)];
  expect(csv.slice(1).map((r) => [Number(col(r, "imageId")), Number(col(r, "worldId")), col(r, "condition")])).toEqual([
    [
      otherA.id,
      world.a,
      "tallies=afterVote;order=random;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
    ],
    [
      otherB.id,
      world.b,
      "tallies=afterVote;order=random;hideAuthors=true;allowSelfVoting=false;generationQuota=10;submissionsPerDay=1;minMaskCoverage=0.01;maxMaskCoverage=0.9",
    ],
  ]);
  // The study ended by this one stays browsable: its one world and its lineage from the first seed.
  await page.goto("/admin/studies");
  await page.getByRole("link", { name: /^1: / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Study 1: /);
  await expect(page.getByTestId("world")).toHaveCount(1);
  const firstOfStudy1 = (await db.day.findFirstOrThrow({ where: { worldId: 1 }, orderBy: { date: "asc" } })).seedImageId;
  await expect(page.getByTestId("world-lineage").locator("li").first()).toHaveAttribute("data-image-id", String(firstOfStudy1));
  await expect(page.getByTestId("study-export")).toHaveAttribute("href", "/admin/export?study=1");
  for (const p of [a, b]) await p.context.close();
  await admin.close();
});
