// The bad-input corpus, part: Routes, the language menu and sign-in. See test/bad-input.test.ts for what every case must do.
import type { SignInRefused } from "@/lib/auth/users";
import type { Case, Harness } from "./harness";

export function routesCases(h: Harness): Case[] {
  const {
    filesRoute,
    cronRoute,
    exportRoute,
    signInParticipant,
    setLocaleAction,
    english,
    detail,
    fromAction,
    fromResponse,
    refused,
    invalid,
  } = h;
  return [
    // Routes.
    [
      "files: a key that climbs out of storage",
      () =>
        fromResponse(
          filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["..", "..", "etc", "passwd"] }) }),
        ),
      refused("INVALID_KEY", "KEY_DOT_SEGMENT"),
    ],
    [
      "files: an encoded traversal",
      () =>
        fromResponse(
          filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "..%2F..%2Fsecret.png"] }) }),
        ),
      refused("INVALID_KEY", "KEY_BAD_SEGMENT"),
    ],
    [
      "files: a NUL byte in the key",
      () =>
        fromResponse(
          filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "a\u0000.png"] }) }),
        ),
      refused("INVALID_KEY", "KEY_BAD_SEGMENT"),
    ],
    [
      "files: an absolute path",
      () =>
        fromResponse(filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["", "etc", "passwd"] }) })),
      refused("INVALID_KEY", "KEY_ABSOLUTE"),
    ],
    [
      "files: a key that does not exist",
      () =>
        fromResponse(
          filesRoute.GET(new Request("http://app.test/files/x"), { params: Promise.resolve({ key: ["seeds", "missing.png"] }) }),
        ),
      refused("NOT_FOUND"),
    ],
    [
      "cron: no authorization",
      () => fromResponse(cronRoute.GET(new Request("http://app.test/api/cron/rollover"))),
      refused("UNAUTHORIZED"),
    ],
    [
      "cron: the wrong secret",
      () =>
        fromResponse(
          cronRoute.GET(new Request("http://app.test/api/cron/rollover", { headers: { authorization: "Bearer not-the-secret-at-all" } })),
        ),
      refused("UNAUTHORIZED"),
    ],
    [
      "cron: a lower-case scheme",
      () =>
        fromResponse(
          cronRoute.GET(
            new Request("http://app.test/api/cron/rollover", { headers: { authorization: "bearer bad-input-cron-secret-0123456789" } }),
          ),
        ),
      refused("UNAUTHORIZED"),
    ],
    [
      "export: a table that does not exist",
      () =>
        fromResponse(
          exportRoute.GET(new Request("http://app.test/admin/export/passwords"), { params: Promise.resolve({ table: "passwords" }) }),
        ),
      refused("NOT_FOUND", "UNKNOWN_TABLE"),
      "admin",
    ],
    [
      "export: an unknown format",
      () =>
        fromResponse(
          exportRoute.GET(new Request("http://app.test/admin/export/votes?format=xml"), { params: Promise.resolve({ table: "votes" }) }),
        ),
      invalid(detail("FIELD_ONE_OF", { field: "format", options: "csv, json" })),
      "admin",
    ],
    [
      "export: a study that does not exist",
      () =>
        fromResponse(
          exportRoute.GET(new Request("http://app.test/admin/export/votes?study=999999"), { params: Promise.resolve({ table: "votes" }) }),
        ),
      refused("NOT_FOUND", "UNKNOWN_STUDY"),
      "admin",
    ],
    [
      "export: a study that is not a number",
      () =>
        fromResponse(
          exportRoute.GET(new Request("http://app.test/admin/export/votes?study=1%20OR%201"), {
            params: Promise.resolve({ table: "votes" }),
          }),
        ),
      invalid("ENTER_WHOLE_NUMBER"),
      "admin",
    ],
    [
      "export: as a participant",
      () =>
        fromResponse(exportRoute.GET(new Request("http://app.test/admin/export/votes"), { params: Promise.resolve({ table: "votes" }) })),
      refused("NOT_FOUND"),
    ],

    // The language menu.
    ["language: one we do not speak", () => fromAction(setLocaleAction({ locale: "fr" })), invalid("LOCALE_CHOICE"), "anonymous"],
    ["language: a number", () => fromAction(setLocaleAction({ locale: 1 })), invalid("LOCALE_CHOICE"), "anonymous"],
    ["language: a script tag", () => fromAction(setLocaleAction({ locale: "<script>" })), invalid("LOCALE_CHOICE")],

    // Sign-in with a participant id (what the credentials callback runs): refused with the code
    // the browser's form puts into words.
    ...(
      [
        ["an empty id", "", refused("PARTICIPANT_ID_REQUIRED")],
        ["a 65-character id", "a".repeat(65), refused("PARTICIPANT_ID_TOO_LONG", detail("PARTICIPANT_ID_TOO_LONG", { max: 64 }))],
        ["HTML as the id", "<script>alert(1)</script>", refused("PARTICIPANT_ID_CHARACTERS")],
        ["an accented id", "José", refused("PARTICIPANT_ID_CHARACTERS")],
        ["an id with a zero-width space", "abc\u200Bdef", refused("PARTICIPANT_ID_CHARACTERS")],
        ["a SQL fragment as the id", "x' OR '1'='1", refused("PARTICIPANT_ID_CHARACTERS")],
      ] as const
    ).map(
      ([name, id, expected]) =>
        [
          `sign-in: ${name}`,
          () =>
            signInParticipant(id).then(
              () => ({ status: 200, message: "accepted" }),
              (e: SignInRefused) => ({ status: 401, code: e.detail.code, message: english(e.detail) }),
            ),
          expected,
        ] as Case,
    ),
  ];
}
