import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { keyFromDate, setClockForTests } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { resetEnvForTests } from "@/lib/server/env";
import { at, closeFutureDays, futureDates, holdRolloverLock, makeDay, makeImage } from "@/test/rollover";
import { GET } from "./route";

const SECRET = "cron-secret-for-tests-0123456789";
// Years 6000-8999 are this file's; lib/rollover/rollover.test.ts uses earlier ones (see test/rollover.ts).
const nextDate = futureDates(6000, 9000);
const saved = { secret: process.env.CRON_SECRET, zone: process.env.APP_TIME_ZONE };
let release: () => Promise<void>;

function setVar(name: "CRON_SECRET" | "APP_TIME_ZONE", value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  resetEnvForTests();
}

function call(authorization?: string): Promise<Response> {
  const headers = authorization === undefined ? undefined : { authorization };
  return GET(new Request("http://localhost/api/cron/rollover", { headers }));
}

/** An open day whose end has passed on the injected clock. */
async function endedDay() {
  const D = nextDate();
  const { day } = await makeDay(D);
  setClockForTests(() => at(D, 1, 0.1));
  return day;
}

beforeAll(async () => {
  release = await holdRolloverLock();
  setVar("APP_TIME_ZONE", "UTC");
}, 330_000);

afterEach(async () => {
  setClockForTests(null);
  setVar("CRON_SECRET", SECRET);
  await closeFutureDays();
});

afterAll(async () => {
  setVar("CRON_SECRET", saved.secret);
  setVar("APP_TIME_ZONE", saved.zone);
  await release();
});

describe("GET /api/cron/rollover", () => {
  it.each([
    ["no header", undefined],
    ["a wrong secret", `Bearer ${SECRET}x`],
    ["a prefix of the secret", `Bearer ${SECRET.slice(0, 16)}`],
    ["the scheme alone", "Bearer"],
    ["the scheme and a space", "Bearer "],
    ["another scheme", `Basic ${SECRET}`],
    ["a lower-case scheme", `bearer ${SECRET}`],
    ["two spaces", `Bearer  ${SECRET}`],
    ["a space inside", `Bearer ${SECRET} extra`],
    ["the bare secret", SECRET],
  ])("refuses %s with 401 and changes nothing", async (_label, authorization) => {
    setVar("CRON_SECRET", SECRET);
    const day = await endedDay();
    const res = await call(authorization);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
    expect(await db.day.findUniqueOrThrow({ where: { id: day.id } })).toMatchObject({ status: "OPEN", closedAt: null });
    expect(await db.day.findUnique({ where: { worldId_date: { worldId: day.worldId, date: at(day.date, 1) } } })).toBeNull();
  });

  it("refuses every call when no CRON_SECRET is configured", async () => {
    setVar("CRON_SECRET", undefined);
    const day = await endedDay();
    for (const authorization of [undefined, "Bearer ", `Bearer ${SECRET}`, "Bearer undefined"]) {
      expect((await call(authorization)).status).toBe(401);
    }
    expect(await db.day.findUniqueOrThrow({ where: { id: day.id } })).toMatchObject({ status: "OPEN" });
  });

  it("runs the rollover with the right secret and answers with the closed days", async () => {
    setVar("CRON_SECRET", SECRET);
    const day = await endedDay();
    const winner = await makeImage(day, { up: 4, down: 1 });
    const res = await call(`Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as { today: string; closed: { date: string; winnerImageId: number | null }[] };
    expect(body.today).toBe(keyFromDate(at(day.date, 1)));
    expect(body.closed).toMatchObject([{ date: keyFromDate(day.date), winnerImageId: winner.id, totalSubmissions: 1 }]);
    expect(await db.day.findUniqueOrThrow({ where: { id: day.id } })).toMatchObject({ status: "CLOSED", winnerImageId: winner.id });
    expect(await db.day.findUnique({ where: { worldId_date: { worldId: day.worldId, date: at(day.date, 1) } } })).toMatchObject({
      status: "OPEN",
      seedImageId: winner.id,
    });
    // A second call the same day is accepted, does nothing and says why: the new day ends at midnight.
    expect(await (await call(`Bearer ${SECRET}`)).json()).toEqual({
      today: keyFromDate(at(day.date, 1)),
      closed: [],
      idle: { reason: "NOT_DUE", openDay: keyFromDate(at(day.date, 1)), dueAt: at(day.date, 2).toISOString() },
    });
  });
});
