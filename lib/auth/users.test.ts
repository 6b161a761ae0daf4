import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../server/db";
import { resetEnvForTests } from "../server/env";
import { english } from "@/test/error-text";
import { decodeDetail } from "./sign-in-error";
import { displayNameFrom, pseudonymFor, signInOAuth, signInParticipant, SignInRefused } from "./users";

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

  it("gives a pseudonym, never the crowd worker id, and no name of its own", async () => {
    const pid = id("pseudo");
    const user = await signInParticipant(pid);
    expect(user.pseudonym).toBe(pseudonymFor(pid));
    expect(user.pseudonym).toMatch(/^[0-9A-F]{6}$/);
    expect(user.displayName).toBeNull();
  });

  it("trims surrounding whitespace so the same id maps to the same user", async () => {
    const pid = id("trim");
    const a = await signInParticipant(pid);
    const b = await signInParticipant(`  ${pid}\n`);
    expect(b.id).toBe(a.id);
  });

  it.each([
    ["empty", "", "PARTICIPANT_ID_REQUIRED", "Enter your participant id."],
    ["blank", "   ", "PARTICIPANT_ID_REQUIRED", "Enter your participant id."],
    ["too long", "a".repeat(65), "PARTICIPANT_ID_TOO_LONG", "A participant id has at most 64 characters."],
    [
      "odd characters",
      "bob smith",
      "PARTICIPANT_ID_CHARACTERS",
      "A participant id may only contain letters, digits, hyphens (-) and underscores (_).",
    ],
    [
      "markup",
      "<script>",
      "PARTICIPANT_ID_CHARACTERS",
      "A participant id may only contain letters, digits, hyphens (-) and underscores (_).",
    ],
    [
      "unicode",
      "ünïcode",
      "PARTICIPANT_ID_CHARACTERS",
      "A participant id may only contain letters, digits, hyphens (-) and underscores (_).",
    ],
    ["not a string", 42, "PARTICIPANT_ID_REQUIRED", "Enter your participant id."],
  ])("refuses a participant id that is %s, creating nothing", async (_label, value, code, text) => {
    const before = await db.user.count();
    const err = await signInParticipant(value).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInRefused);
    expect((err as SignInRefused).detail.code).toBe(code);
    expect(english((err as SignInRefused).detail)).toBe(text);
    // next-auth hands the message to the browser, which reads the same code back from it.
    expect(decodeDetail((err as Error).message)).toEqual((err as SignInRefused).detail);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a banned user", async () => {
    const pid = id("banned");
    await db.user.create({ data: { participantId: pid, displayName: "x", bannedAt: new Date() } });
    const err = await signInParticipant(pid).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInRefused);
    expect((err as SignInRefused).reason).toBe("BANNED");
    expect((err as SignInRefused).detail).toEqual({ code: "BANNED" });
    expect(english((err as SignInRefused).detail)).toBe("This account has been suspended and can no longer take part.");
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
    expect(displayNameFrom("<img src=x onerror=alert(1)>Eve<script>x</script>")).toBe("Evex");
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
    await expect(signInOAuth({ provider: "github", providerAccountId: id("gh2"), email, name: null })).rejects.toMatchObject({
      reason: "BANNED",
      detail: { code: "BANNED" },
    });
  });
});
