// Its own database: listAudit pages through the whole log, which other files also write to.
import "@/test/isolated-db";
import { afterEach, describe, expect, it } from "vitest";
import { makeAdmin } from "@/test/admin";
import { setClockForTests } from "@/lib/server/clock";
import { db } from "@/lib/server/db";
import { listAudit, recordAudit } from "./audit";

afterEach(() => setClockForTests(null));

describe("recordAudit", () => {
  it("stores before/after as JSON and the clock's time, inside the caller's transaction", async () => {
    const admin = await makeAdmin();
    const at = new Date("2030-05-06T07:08:09.123Z");
    setClockForTests(() => at);
    const { id } = await db.$transaction((tx) =>
      recordAudit(tx, {
        adminId: admin.id,
        action: "settings",
        targetType: "settings",
        targetId: null,
        before: { a: 1 },
        after: { a: 2, when: at },
      }),
    );
    expect(await db.auditLog.findUniqueOrThrow({ where: { id } })).toMatchObject({
      adminId: admin.id,
      targetId: null,
      reason: null,
      before: '{"a":1}',
      after: `{"a":2,"when":"${at.toISOString()}"}`,
      createdAt: at,
    });
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { adminId: admin.id, action: "hide", targetType: "image", targetId: 42 });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditLog.count({ where: { action: "hide" } })).toBe(0);
  });

  it("keeps an oversized value as valid JSON, marked truncated", async () => {
    const huge = { closed: Array.from({ length: 5000 }, (_, i) => ({ date: `2026-01-${i}`, winnerImageId: i })) };
    const { id } = await recordAudit(db, { adminId: null, action: "rollover", targetType: "day", targetId: null, after: huge });
    const stored = JSON.parse((await db.auditLog.findUniqueOrThrow({ where: { id } })).after!);
    expect(stored).toMatchObject({ truncated: true });
    expect(stored.bytes).toBeGreaterThan(60_000);
  });
});

describe("listAudit", () => {
  it("pages newest first with the admin's name, and keeps entries of deleted admins", async () => {
    await db.auditLog.deleteMany();
    const admin = await makeAdmin();
    const gone = await makeAdmin();
    const base = Date.UTC(2031, 0, 1);
    for (let i = 0; i < 5; i++) {
      setClockForTests(() => new Date(base + i * 1000));
      await recordAudit(db, { adminId: i === 2 ? gone.id : admin.id, action: `a${i}`, targetType: "image", targetId: i, reason: `r${i}` });
    }
    await db.user.delete({ where: { id: gone.id } });

    const first = await listAudit({ take: 2 });
    const name = { displayName: admin.displayName, pseudonym: admin.pseudonym };
    expect(first.entries.map((e) => [e.action, e.admin])).toEqual([
      ["a4", name],
      ["a3", name],
    ]);
    const second = await listAudit({ take: 2, cursor: first.nextCursor });
    expect(second.entries.map((e) => [e.action, e.adminId, e.admin])).toEqual([
      ["a2", null, null],
      ["a1", admin.id, name],
    ]);
    const third = await listAudit({ take: 2, cursor: second.nextCursor });
    expect(third.entries.map((e) => e.action)).toEqual(["a0"]);
    expect(third.nextCursor).toBeNull();
  });
});
