// The overview's charts are drawn from the database: a closed day seeded with known votes must
// show exactly the hand-computed histograms and agreement figures.
import { randomInt } from "node:crypto";
import { expect, type Locator, test } from "@playwright/test";
import { seedSubmission, signInAs, testDb, uniqueId } from "./fixtures";

/** The rows of a chart's data table (opened like a reader would), as [label, value] pairs. */
async function chartRows(figure: Locator): Promise<string[][]> {
  await figure.getByText("Data", { exact: true }).click();
  const rows = figure.locator("tbody tr");
  await expect(rows.first()).toBeVisible();
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
}

test("the overview charts show a seeded day's distributions and agreement exactly", async ({ browser }) => {
  const db = testDb();
  const creator = await db.user.create({ data: { participantId: uniqueId("creator"), displayName: "Chart creator" } });
  // Reuse a real image's files (a submission on today's day) so every thumbnail resolves.
  const files = await seedSubmission(creator.id, "files for the chart day");
  const date = new Date(Date.UTC(randomInt(1200, 1800), randomInt(0, 12), randomInt(1, 28)));
  const day = await db.day.create({ data: { worldId: 1, date, status: "CLOSED", seedImageId: files.id, closedAt: date } });
  const image = (prompt: string, at: number) =>
    db.image.create({
      data: {
        dayId: day.id,
        parentId: files.id,
        creatorId: creator.id,
        prompt,
        status: "SUBMITTED",
        submittedAt: new Date(date.getTime() + at),
        resultKey: files.resultKey,
        thumbKey: files.thumbKey,
        width: 300,
        height: 200,
        provider: "offline",
        model: "e2e",
      },
    });
  const a = await image("a harbour at dusk", 1000);
  const b = await image("a quiet harbour", 2000);
  const c = await image("a red kite", 3000);
  const voters = await Promise.all(
    [1, 2, 3].map((n) => db.user.create({ data: { participantId: uniqueId(`chart-voter${n}`), displayName: `Chart voter ${n}` } })),
  );
  // v1: A+ B+ C-; v2: A+ B- C-; v3: C+ A-. Tallies: A 2/1, B 1/1, C 1/2, so the crowd orders A, B, C.
  const plan: [number, number, 1 | -1][] = [
    [0, a.id, 1],
    [0, b.id, 1],
    [0, c.id, -1],
    [1, a.id, 1],
    [1, b.id, -1],
    [1, c.id, -1],
    [2, c.id, 1],
    [2, a.id, -1],
  ];
  for (const [n, [v, imageId, value]] of plan.entries()) {
    const at = new Date(date.getTime() + 10_000 + n * 1000);
    await db.vote.create({ data: { userId: voters[v]!.id, imageId, value, createdAt: at, updatedAt: at } });
    await db.image.update({ where: { id: imageId }, data: value === 1 ? { upvotes: { increment: 1 } } : { downvotes: { increment: 1 } } });
  }
  await db.day.update({ where: { id: day.id }, data: { winnerImageId: a.id, totalSubmissions: 3, totalVotes: 8, totalParticipants: 4 } });

  const admin = await browser.newContext();
  try {
    expect(await signInAs(admin.request, "e2e-admin")).toBe(200);
    const page = await admin.newPage();
    await page.goto(`/admin?day=${day.id}`);
    // Votes per image: B has 2, A and C have 3. Net scores: C -1, B 0, A +1.
    expect(await chartRows(page.locator("figure", { hasText: "Votes per image" }))).toEqual([
      ["2", "1"],
      ["3", "2"],
    ]);
    expect(await chartRows(page.locator("figure", { hasText: "Net score per image" }))).toEqual([
      ["-1", "1"],
      ["0", "1"],
      ["1", "1"],
    ]);
    // Voters 1 and 2 order every up/down pair as the crowd does (100 %); voter 3 ranks C over A (0 %).
    const agreement = page.locator("section", { has: page.getByRole("heading", { name: /Aggregated vs individual/ }) });
    await expect(agreement).toContainText("3 voters; mean pairwise agreement with the crowd's final ranking 67%");
    await expect(agreement).toContainText("Personal favourite = crowd winner: 2; different: 1; no up-vote: 0");
    const bins = await chartRows(agreement.locator("figure"));
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual(["0% – 10%", "1"]);
    expect(bins[9]).toEqual(["90% – 100%", "2"]);
    expect(bins.slice(1, 9).every(([, n]) => n === "0")).toBe(true);
    await expect(agreement.getByRole("img", { name: /agreement with the crowd/ })).toBeVisible();
    // These votes were written without events, as votes from before events were kept: nothing to read.
    await expect(agreement.getByTestId("agreement-events")).toHaveText(
      "Over vote events: first votes — (0 voters), final votes — (0 voters).",
    );

    // The running study's worlds: here the one world the first study has, its lineage from the first seed.
    const world = page.getByTestId("world");
    await expect(world).toHaveCount(1);
    await expect(world.getByRole("heading", { level: 3 })).toHaveText("World 1: World 1");
    await expect(world.getByTestId("world-lineage").getByRole("img", { name: "The first seed" })).toBeVisible();

    // The analyses: the creator ranked 1st, 2nd and 3rd of 3 that day, percentile ranks 1, ½ and 0,
    // so a skill of 50 % over one day (no interval with a single day). The day's up-votes 2, 1, 1:
    // sorted 1, 1, 2, G = 2·(1 + 2 + 6) / (3·4) − 4/3 = 1/6; the winner has 2 of the 4 up-votes.
    await page.goto("/admin/analyses");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analyses");
    await expect(page.getByTestId("skill-table").locator(`tr[data-user-id="${creator.id}"]`).locator("td")).toHaveText([
      `Participant ${creator.id}`,
      "1",
      "3",
      "50%",
      "—",
    ]);
    const dateKey = date.toISOString().slice(0, 10);
    const gini = await chartRows(page.locator("figure", { hasText: "Gini of up-votes, day by day" }));
    expect(Number(gini.find(([label]) => label === dateKey)?.[1])).toBeCloseTo(1 / 6, 12);
    const winner = await chartRows(page.locator("figure", { hasText: "Winner's share of up-votes, day by day" }));
    expect(winner.find(([label]) => label === dateKey)?.[1]).toBe("0.5");
    await expect(page.getByRole("img", { name: /Gini of up-votes, day by day/ })).toBeVisible();
    // Each chart's numbers download as CSV.
    const download = page.waitForEvent("download");
    await page.locator("figure", { hasText: "Gini of up-votes, day by day" }).getByRole("button", { name: "Download CSV" }).click();
    expect((await download).suggestedFilename()).toBe("gini-upvotes-by-day.csv");
  } finally {
    await admin.close();
    // The day leaves nothing behind for the landing page's past winners.
    await db.day.update({ where: { id: day.id }, data: { winnerImageId: null } });
    await db.vote.deleteMany({ where: { imageId: { in: [a.id, b.id, c.id] } } });
    await db.image.deleteMany({ where: { id: { in: [a.id, b.id, c.id] } } });
    await db.day.delete({ where: { id: day.id } });
  }
});
