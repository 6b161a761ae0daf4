// A crowd study end to end, as Prolific and MTurk participants go through it: arriving by the
// platform's link, seeing their progress on every page, meeting the requirements on a day with
// fewer images than the vote requirement, finishing, and landing back on the platform with their
// code. On a server of its own, so the day holds exactly the images this spec puts there, with
// MTurk's externalSubmit and Prolific's completion URL stood in for on loopback.
import { createHmac, randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startCrowdStandIn, type CrowdStandIn } from "./crowd-stand-in";
import { generateAttempt, submitAttempt } from "./create-flow";
import type { E2EServer } from "./env";
import { seedSubmission, signInAs, testDb, uniqueId } from "./fixtures";
import { type OwnServer, startOwnServer } from "./own-server";

test.describe.configure({ mode: "serial" });

let own: OwnServer | undefined;
let app: E2EServer;
let platform: CrowdStandIn;
/** The two images on the day before anyone arrives. */
let seeded: number[] = [];
const PROLIFIC_RETURN = "/submissions/complete?cc=C1234ABC";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  platform = await startCrowdStandIn();
  own = await startOwnServer("study", { MTURK_SUBMIT_ORIGINS: platform.origin });
  app = own.app;
  const db = testDb(app);
  const creator = await db.user.create({ data: { participantId: uniqueId("creator") } });
  seeded = [(await seedSubmission(creator.id, "a seeded patch", app)).id, (await seedSubmission(creator.id, "another patch", app)).id];
  // The defaults (1 submission, 5 votes), and the Prolific return link with the study's own code.
  const settings = { completionSubmissions: 1, completionVotes: 5, prolificCompletionUrl: `${platform.origin}${PROLIFIC_RETURN}` };
  for (const [key, value] of Object.entries(settings))
    await db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } });
});

test.afterAll(async () => {
  await own?.stop();
  await platform?.close();
});

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const upper = (n: number) => hex(n).toUpperCase();

async function arrive(browser: Browser, query: string) {
  const context = await browser.newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  await page.goto(`/?${query}`);
  return { context, page };
}

async function voteUp(page: Page, imageId: number) {
  const up = page.locator(`[data-testid="vote-card"][data-image-id="${imageId}"]`).getByRole("button", { name: /^Up-vote/ });
  await up.click();
  await expect(up).toHaveAttribute("aria-pressed", "true");
}

/** The users export as an admin downloads it: each row by user id. */
async function exportedUsers(browser: Browser, raw = false): Promise<Map<string, Record<string, string>>> {
  const admin = await browser.newContext({ baseURL: app.baseURL });
  try {
    expect(await signInAs(admin.request, "e2e-admin")).toBe(200);
    const res = await admin.request.get(`/admin/export/users?format=json${raw ? "&raw=1" : ""}`);
    expect(res.status()).toBe(200);
    const rows = (await res.json()) as Record<string, string>[];
    return new Map(rows.map((r) => [String(r.id), r]));
  } finally {
    await admin.close();
  }
}

test("a Prolific participant sees their progress, meets requirements capped by a small day, finishes and returns with the study's code", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const pid = hex(12);
  const study = hex(12);
  const session = hex(12);
  const { context, page } = await arrive(browser, `PROLIFIC_PID=${pid}&STUDY_ID=${study}&SESSION_ID=${session}`);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  // The platform's parameters leave the address bar once read.
  await expect(page).toHaveURL(`${app.baseURL}/`);
  const db = testDb(app);
  const user = await db.user.findUniqueOrThrow({ where: { participantId: pid }, include: { participation: true } });
  expect(user.participation).toMatchObject({
    platform: "PROLIFIC",
    studyId: study,
    sessionId: session,
    completedAt: null,
    completionCode: null,
  });

  // Progress on every page; only two images are open to them, so two votes are enough.
  const progress = page.getByTestId("study-progress");
  await expect(progress.getByTestId("progress-submissions")).toHaveText("0 of 1 submission");
  await expect(progress.getByTestId("progress-votes")).toHaveText("0 of 2 votes");
  await expect(progress.getByTestId("progress-capped")).toHaveText(
    "Only 2 more pictures are open to you to vote on today: voting on all of them is enough. The study asks for 5.",
  );
  await page.goto("/complete");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Almost there");
  await expect(page.getByTestId("completion-code")).toHaveCount(0);
  await expect(page.getByRole("main").getByText("Only 2 more pictures are open to you to vote on today")).toBeVisible();

  // The tasks, through the app's own pages; the panel follows each one without a reload.
  const attempt = await generateAttempt(page, "a lighthouse at dusk");
  await submitAttempt(page, attempt);
  await expect(progress.getByTestId("progress-submissions")).toHaveText("1 of 1 submission");
  await progress.getByRole("link", { name: "What is left?" }).click();
  await expect(page).toHaveURL(/\/complete$/);
  await page.goto("/vote");
  await voteUp(page, seeded[0]!);
  await expect(progress.getByTestId("progress-votes")).toHaveText("1 of 2 votes");
  await voteUp(page, seeded[1]!);
  await expect(progress.getByTestId("progress-votes")).toHaveText("2 of 2 votes");

  // Earned, not yet issued: neither the page (its HTML and data) nor the export holds a code.
  await progress.getByRole("link", { name: "Finish the study" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("All tasks done");
  const before = (await page.content()) + (await (await context.request.get("/complete")).text());
  expect((await exportedUsers(browser)).get(String(user.id))).toMatchObject({
    completionCode: null,
    completedAt: null,
    platform: "PROLIFIC",
  });

  // Finish: the code is issued and the participant is sent to Prolific's completion URL as configured.
  await page.getByTestId("finish-study").click();
  await page.waitForURL(`${platform.origin}${PROLIFIC_RETURN}`);
  expect(platform.returns).toEqual(["?cc=C1234ABC"]);
  const issued = await db.participation.findUniqueOrThrow({ where: { userId: user.id } });
  expect(issued.completionCode).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  expect(issued.completedAt).not.toBeNull();
  expect(before).not.toContain(issued.completionCode!);

  // Back on the app: the code, and the way back to Prolific again; the export now lists it.
  await page.goto(`${app.baseURL}/complete`);
  await expect(page.getByTestId("completion-code")).toHaveText(issued.completionCode!);
  await expect(page.getByTestId("prolific-return")).toHaveAttribute("href", `${platform.origin}${PROLIFIC_RETURN}`);
  await expect(page.getByTestId("study-progress")).toContainText("Finished: your completion code");
  expect((await exportedUsers(browser)).get(String(user.id))).toMatchObject({
    completionCode: issued.completionCode,
    completedAt: issued.completedAt!.toISOString(),
  });
  await context.close();
});

test("an MTurk preview can be looked at but not started", async ({ browser }) => {
  const db = testDb(app);
  const users = await db.user.count();
  const { context, page } = await arrive(
    browser,
    `assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE&hitId=${upper(15)}&turkSubmitTo=${encodeURIComponent(platform.origin)}`,
  );
  const notice = page.getByTestId("mturk-preview");
  await expect(notice).toHaveText("You are previewing this HIT: look around, then accept it on MTurk to start the task.");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  // Looking around keeps the notice; the pictures can be seen, the sign-in cannot be used.
  await page.getByRole("link", { name: "Vote", exact: true }).first().click();
  await expect(page).toHaveURL(/\/vote$/);
  await expect(page.getByTestId("vote-card").first()).toBeVisible();
  await expect(notice).toBeVisible();
  await page.goto("/signin");
  await expect(notice).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue", exact: true })).toBeDisabled();
  expect(await db.user.count()).toBe(users);
  await context.close();
});

test("an MTurk worker finishes their assignment by posting it to externalSubmit, with its fields checked", async ({ browser }) => {
  test.setTimeout(120_000);
  const assignmentId = upper(15);
  const hitId = upper(15);
  const workerId = `A${upper(6)}`;
  platform.issue(assignmentId);
  const { context, page } = await arrive(
    browser,
    `assignmentId=${assignmentId}&hitId=${hitId}&workerId=${workerId}&turkSubmitTo=${encodeURIComponent(`${platform.origin}/`)}`,
  );
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page).toHaveURL(`${app.baseURL}/`);
  const db = testDb(app);
  const user = await db.user.findUniqueOrThrow({ where: { participantId: workerId }, include: { participation: true } });
  expect(user.participation).toMatchObject({ platform: "MTURK", hitId, assignmentId, submitTo: platform.origin });

  // Their submission, then a vote on every image open to them (the two seeded, the Prolific participant's).
  await seedSubmission(user.id, "the worker's patch", app);
  const others = await db.image.findMany({ where: { status: "SUBMITTED", creatorId: { not: user.id } }, select: { id: true } });
  expect(others).toHaveLength(3);
  await page.goto("/vote");
  const progress = page.getByTestId("study-progress");
  await expect(progress.getByTestId("progress-votes")).toHaveText("0 of 3 votes");
  for (const { id } of others) await voteUp(page, id);
  await expect(progress.getByTestId("progress-votes")).toHaveText("3 of 3 votes");

  // Finish: issued, then posted to <turkSubmitTo>/mturk/externalSubmit with the assignment.
  await page.goto("/complete");
  await page.getByTestId("finish-study").click();
  await page.waitForURL(`${platform.origin}/mturk/externalSubmit`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your HIT has been submitted");
  const { completionCode } = await db.participation.findUniqueOrThrow({ where: { userId: user.id } });
  expect(platform.submissions).toEqual([{ assignmentId, completionCode }]);

  // Coming back shows the code and the same form, which MTurk now refuses as already submitted.
  await page.goto(`${app.baseURL}/complete`);
  await expect(page.getByTestId("completion-code")).toHaveText(completionCode!);
  await page.getByRole("button", { name: "Submit the HIT to MTurk" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("already been submitted");
  expect(platform.submissions).toHaveLength(1);

  // The stand-in refuses what MTurk refuses.
  const post = (body: string) =>
    fetch(`${platform.origin}/mturk/externalSubmit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
  platform.issue("FRESH1");
  for (const [body, why] of [
    ["completionCode=X", "no assignmentId"],
    ["assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE&completionCode=X", "preview"],
    ["assignmentId=NEVERISSUED&completionCode=X", "unknown assignment"],
    ["assignmentId=FRESH1&completionCode=X&completionCode=Y", "duplicate field"],
    ["assignmentId=FRESH1", "no answer"],
  ]) {
    expect((await post(body!)).status, why).toBe(400);
    expect(platform.refusals.at(-1)).toBe(why);
  }
  await context.close();
});

test("a link naming a submit host that is not MTurk's signs nobody in and says why", async ({ browser }) => {
  const workerId = `A${upper(6)}`;
  const { context, page } = await arrive(
    browser,
    `assignmentId=${upper(15)}&hitId=${upper(15)}&workerId=${workerId}&turkSubmitTo=${encodeURIComponent("https://www.mturk.com.evil.example/")}`,
  );
  await expect(page.getByRole("alert").filter({ hasText: "Could not sign you in" })).toContainText(
    "This HIT names an address that is not MTurk's for submitting the task (turkSubmitTo)",
  );
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await testDb(app).user.count({ where: { participantId: workerId } })).toBe(0);
  await context.close();
});

/** A world link as the server signs it (lib/worlds/world-link.ts), made here from the server's secret. */
function worldLink(studyId: number, worldId: number): string {
  const key = createHmac("sha256", app.serverEnv.NEXTAUTH_SECRET!).update("pixelpatchwork:world-link").digest();
  const mac = createHmac("sha256", key).update(`world-link:${studyId}:${worldId}`).digest("base64url").slice(0, 22);
  return `${studyId}.${worldId}.${mac}`;
}

test("a signed world link places the participant in its world; an altered one signs nobody in", async ({ browser }) => {
  const db = testDb(app);
  const pid = hex(12);
  const { context, page } = await arrive(browser, `PROLIFIC_PID=${pid}&assign=${worldLink(1, 1)}`);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await expect(page).toHaveURL(`${app.baseURL}/`);
  expect(await db.assignment.findFirst({ where: { user: { participantId: pid } } })).toMatchObject({
    studyId: 1,
    worldId: 1,
    method: "LINK",
  });
  await context.close();

  const forged = hex(12);
  const second = await arrive(browser, `PROLIFIC_PID=${forged}&assign=${worldLink(1, 1).replace(/^1\.1\./, "1.2.")}`);
  await expect(second.page.getByRole("alert").filter({ hasText: "Could not sign you in" })).toContainText(
    "This study link has been altered",
  );
  expect(await db.user.count({ where: { participantId: forged } })).toBe(0);
  await second.context.close();
});
