import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvForTests } from "../server/env";
import { BANNED_MESSAGE, displayNameFrom, pseudonymFor, signInOAuth, signInParticipant, SignInRefused } from "./users";

const id = (p: string) => `${p}-${randomBytes(5).toString("hex")}`;

afterAll(async () => {
  delete process.env.ADMIN_PARTICIPANT_IDS;
  delete process.env.ADMIN_EMAILS;
  resetEnvForTests();
});

describe("signInParticipant", () => {
  it("creates exactly one user per id, even for many simultaneous first sign-ins", async () => {
    const pid = id("race");
    const users = await Promise.all(Array.from({ length: 12 }, () => signInParticipant(pid)));
    expect(new Set(users.map((u) => u.id)).size).toBe(1);
    expect(await db.user.count({ where: { participantId: pid } })).toBe(1);
    const again = await signInParticipant(pid);
    expect(again.id).toBe(users[0]!.id);
  });

  it("gives a pseudonym, never the crowd worker id, as the display name", async () => {
    const pid = id("pseudo");
    const user = await signInParticipant(pid);
    expect(user.displayName).toBe(pseudonymFor(pid));
    expect(user.displayName).not.toContain(pid);
  });

  it("trims surrounding whitespace so the same id maps to the same user", async () => {
    const pid = id("trim");
    const a = await signInParticipant(pid);
    const b = await signInParticipant(`  ${pid}\n`);
    expect(b.id).toBe(a.id);
  });

  it.each([
    ["empty", "", "Enter your participant id."],
    ["blank", "   ", "Enter your participant id."],
    ["too long", "a".repeat(65), "at most 64"],
    ["odd characters", "bob smith", "may only contain"],
    ["markup", "<script>", "may only contain"],
    ["unicode", "ünïcode", "may only contain"],
    ["not a string", 42, "Enter your participant id."],
  ])("refuses a participant id that is %s, creating nothing", async (_label, value, message) => {
    const before = await db.user.count();
    await expect(signInParticipant(value)).rejects.toThrow(message);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a banned user", async () => {
    const pid = id("banned");
    await db.user.create({ data: { participantId: pid, displayName: "x", bannedAt: new Date() } });
    const err = await signInParticipant(pid).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInRefused);
    expect((err as SignInRefused).reason).toBe("BANNED");
    expect((err as Error).message).toBe(BANNED_MESSAGE);
  });

  it("grants the admin role to ids listed in ADMIN_PARTICIPANT_IDS", async () => {
    const pid = id("admin");
    const plain = await signInParticipant(pid);
    expect(plain.role).toBe("PARTICIPANT");
    process.env.ADMIN_PARTICIPANT_IDS = `someone-else,${pid}`;
    resetEnvForTests();
    expect((await signInParticipant(pid)).role).toBe("ADMIN");
  });
});

describe("displayNameFrom", () => {
  it("keeps a readable name and strips markup, controls, overrides and broken characters", () => {
    expect(displayNameFrom("Ada Lovelace")).toBe("Ada Lovelace");
    expect(displayNameFrom('<img src=x onerror=alert(1)>Eve<script>x</script>')).toBe("Evex");
    expect(displayNameFrom("Mallory\u202Egnp.exe")).toBe("Mallorygnp.exe");
    expect(displayNameFrom("bad\uD800name\u0007")).toBe("bad\uFFFDname");
    expect(displayNameFrom("نور الهدى")).toBe("نور الهدى");
    expect(Array.from(displayNameFrom("😀".repeat(70)))).toHaveLength(60);
    expect(displayNameFrom(" <b></b> ")).toBe("");
  });
});

describe("signInOAuth", () => {
  it("links one user per provider account, and reuses a user with the same email", async () => {
    const email = `${id("mail")}@example.org`;
    const accountId = id("gh");
    const [a, b] = await Promise.all([
      signInOAuth({ provider: "github", providerAccountId: accountId, email, name: "Ada" }),
      signInOAuth({ provider: "github", providerAccountId: accountId, email, name: "Ada" }),
    ]);
    expect(a.id).toBe(b.id);
    expect(a.displayName).toBe("Ada");
    const viaGoogle = await signInOAuth({ provider: "google", providerAccountId: id("g"), email: email.toUpperCase(), name: "Ada L" });
    expect(viaGoogle.id).toBe(a.id);
    expect(await db.account.count({ where: { userId: a.id } })).toBe(2);
  });

  it("grants admin by ADMIN_EMAILS and refuses banned users", async () => {
    const email = `${id("boss")}@example.org`;
    process.env.ADMIN_EMAILS = email;
    resetEnvForTests();
    const admin = await signInOAuth({ provider: "github", providerAccountId: id("gh"), email, name: null });
    expect(admin.role).toBe("ADMIN");
    await db.user.update({ where: { id: admin.id }, data: { bannedAt: new Date() } });
    await expect(signInOAuth({ provider: "github", providerAccountId: id("gh2"), email, name: null })).rejects.toThrow(BANNED_MESSAGE);
  });
});
