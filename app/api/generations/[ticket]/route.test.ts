// The create page's view of its own attempt: where it stands (GET) and giving it up (DELETE), for
// the signed-in participant's own tickets only, and DELETE only from the app's own pages.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { trackGeneration } from "@/lib/creating/progress";
import { DELETE, GET } from "./route";

const ORIGIN = "http://localhost:3000";
const ticket = () => randomBytes(16).toString("hex");
const ctx = (t: string) => ({ params: Promise.resolve({ ticket: t }) });

async function cookieOf(uid: number): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { uid }, secret: process.env.NEXTAUTH_SECRET! })}`;
}

async function status(t: string, uid: number | null) {
  const headers: Record<string, string> = uid === null ? {} : { cookie: await cookieOf(uid) };
  const res = await GET(new Request(`${ORIGIN}/api/generations/${t}`, { headers }), ctx(t));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function giveUp(t: string, uid: number, headers: Record<string, string> = { origin: ORIGIN, "content-type": "application/json" }) {
  const res = await DELETE(
    new Request(`${ORIGIN}/api/generations/${t}`, { method: "DELETE", headers: { ...headers, cookie: await cookieOf(uid) } }),
    ctx(t),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("/api/generations/[ticket]", () => {
  it("tells the participant where their own attempt stands, and nobody else", async () => {
    const t = ticket();
    const tracked = trackGeneration(t, 41)!;
    expect(await status(t, 41)).toEqual({ status: 200, body: { state: "working" } });
    tracked.onQueuePosition(3);
    expect(await status(t, 41)).toEqual({ status: 200, body: { state: "waiting", position: 3 } });
    expect((await status(t, 42)).body).toEqual({ state: "unknown" });
    expect(await status(t, null)).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await status("not a ticket", 41)).toMatchObject({ status: 404 });
    tracked.onQueuePosition(0);
    expect((await status(t, 41)).body).toEqual({ state: "working" });
    tracked.end();
    expect((await status(t, 41)).body).toEqual({ state: "unknown" });
  });

  it("gives up the participant's own attempt, asked from the app's own page only", async () => {
    const t = ticket();
    const tracked = trackGeneration(t, 51)!;
    expect(trackGeneration(t, 52)).toBeNull();
    expect(await giveUp(t, 51, { origin: "https://elsewhere.example", "content-type": "application/json" })).toMatchObject({
      status: 403,
      body: { error: { code: "CROSS_ORIGIN" } },
    });
    expect(await giveUp(t, 52)).toEqual({ status: 200, body: { cancelled: false } });
    expect(tracked.signal.aborted).toBe(false);
    expect(await giveUp(t, 51)).toEqual({ status: 200, body: { cancelled: true } });
    expect(tracked.signal.aborted).toBe(true);
    tracked.end();
  });
});
