// The bad-input corpus, part: Votes through the page's action and the JSON route, and cross-site requests. See test/bad-input.test.ts for what every case must do.
import type { Case, Harness } from "./harness";

export function votesCases(h: Harness): Case[] {
  const {
    fx,
    session,
    voteActions,
    voteRoute,
    detail,
    fromAction,
    fromResponse,
    sessionCookie,
    postVote,
    voteBoth,
    refused,
    invalid,
    notANumber,
  } = h;
  return [
    // Votes, through the page's action and the JSON route alike.
    ...(
      [
        ["no fields", {}, notANumber("imageId")],
        ["a word for the image id", { imageId: "abc", value: 1 }, notANumber("imageId")],
        ["a fractional image id", { imageId: 1.5, value: 1 }, invalid(detail("FIELD_NOT_WHOLE", { field: "imageId" }))],
        ["a negative image id", { imageId: -3, value: 1 }, invalid(detail("FIELD_NOT_POSITIVE", { field: "imageId" }))],
        ["an image id past any integer", { imageId: "1e400", value: 1 }, notANumber("imageId")],
        ["an array for the image id", { imageId: [1, 2], value: 1 }, notANumber("imageId")],
        ["an object for the image id", { imageId: { $gt: 0 }, value: 1 }, notANumber("imageId")],
        ["a value of 2", { imageId: 1, value: 2 }, invalid("VOTE_VALUE")],
        ["a word for the value", { imageId: 1, value: "up" }, invalid("VOTE_VALUE")],
        [
          "a negative grid position",
          { imageId: 1, value: 1, position: -1 },
          invalid(detail("FIELD_AT_LEAST", { field: "position", min: 0 })),
        ],
        ["an image that does not exist", { imageId: 2_000_000_000, value: 1 }, refused("NOT_FOUND", "IMAGE_NOT_IN_VOTE")],
        // Exact types: a null is not a retraction, a true not an up-vote, a string not a number.
        ["a null value", { imageId: 1, value: null }, invalid("VOTE_VALUE")],
        ["true for the value", { imageId: 1, value: true }, invalid("VOTE_VALUE")],
        ["a string for the value", { imageId: 1, value: "1" }, invalid("VOTE_VALUE")],
        ["a string for the image id", { imageId: "1", value: 1 }, notANumber("imageId")],
      ] as const
    ).flatMap(([name, input, expected]) => {
      const [action, route] = voteBoth(input);
      return [[`vote action: ${name}`, action!, expected] as Case, [`vote route: ${name}`, route!, expected] as Case];
    }),
    ...(["mine", "hidden", "closedImage", "theirDraft", "seedId"] as const).flatMap((which) => {
      const expected = {
        mine: refused("OWN_IMAGE"),
        hidden: refused("HIDDEN"),
        closedImage: refused("DAY_CLOSED", "VOTING_CLOSED"),
        theirDraft: refused("NOT_FOUND", "IMAGE_NOT_IN_VOTE"),
        seedId: refused("NOT_FOUND", "IMAGE_NOT_IN_VOTE"),
      }[which];
      return [
        [`vote action on ${which}`, () => fromAction(voteActions.voteAction({ imageId: fx[which], value: 1 })), expected] as Case,
        [`vote route on ${which}`, () => postVote(JSON.stringify({ imageId: fx[which], value: -1 })), expected] as Case,
      ];
    }),
    // Cross-site request forgery: another site's page making a signed-in browser vote.
    [
      "vote route: from another site as text/plain",
      () =>
        postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "https://evil.example", "content-type": "text/plain" }),
      refused("CROSS_ORIGIN"),
    ],
    [
      "vote route: from another site as JSON",
      () =>
        postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, {
          origin: "https://evil.example",
          "content-type": "application/json",
        }),
      refused("CROSS_ORIGIN"),
    ],
    [
      "vote route: an opaque origin",
      () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "null", "content-type": "application/json" }),
      refused("CROSS_ORIGIN"),
    ],
    [
      "vote route: a look-alike host",
      () =>
        postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, {
          origin: "http://app.test.evil.example",
          "content-type": "application/json",
        }),
      refused("CROSS_ORIGIN"),
    ],
    [
      "vote route: no Origin, Sec-Fetch-Site cross-site",
      () =>
        postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, {
          origin: "",
          "sec-fetch-site": "cross-site",
          "content-type": "application/json",
        }),
      refused("CROSS_ORIGIN"),
    ],
    [
      "vote route: no Origin and no Sec-Fetch-Site",
      () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { origin: "", "content-type": "application/json" }),
      refused("CROSS_ORIGIN"),
    ],
    [
      "vote route: same site but text/plain",
      () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.me, { "content-type": "text/plain" }),
      refused("UNSUPPORTED_MEDIA_TYPE"),
    ],
    [
      "vote route: a form body instead of JSON",
      () => postVote("imageId=1&value=1", fx.me, { "content-type": "application/x-www-form-urlencoded" }),
      refused("UNSUPPORTED_MEDIA_TYPE"),
    ],
    ["vote route: a JSON array", () => postVote("[1, 2]"), invalid(detail("INVALID_FIELD", { field: "body" }))],
    [
      "vote route: a 100 KB body",
      () => postVote(JSON.stringify({ imageId: 1, value: 1, pad: "x".repeat(100_000) })),
      refused("TOO_LARGE", detail("TOO_LARGE", { max: 16 * 1024 })),
    ],
    ["vote route: signed out", () => postVote(JSON.stringify({ imageId: 1, value: 1 }), null), refused("UNAUTHENTICATED"), "anonymous"],
    ["vote route: a banned user", () => postVote(JSON.stringify({ imageId: fx.theirs, value: 1 }), fx.banned), refused("BANNED"), "banned"],
    [
      "vote route: a forged session cookie",
      async () => {
        session.userId = null;
        // Change one character at the start of the ciphertext (a full 6 bits of data; the last
        // character of a segment may be mere padding bits): its authentication tag no longer matches.
        const [name, jwt] = (await sessionCookie(fx.me)).split("=") as [string, string];
        const parts = jwt.split(".");
        parts[3] = (parts[3]![0] === "A" ? "B" : "A") + parts[3]!.slice(1);
        const forged = `${name}=${parts.join(".")}`;
        return fromResponse(
          voteRoute.POST(
            new Request("http://app.test/api/vote", {
              method: "POST",
              body: JSON.stringify({ imageId: fx.theirs, value: 1 }),
              headers: { origin: "http://app.test", "content-type": "application/json", cookie: forged },
            }),
          ),
        );
      },
      refused("UNAUTHENTICATED"),
      "anonymous",
    ],
    ["vote action: a banned user", () => fromAction(voteActions.voteAction({ imageId: 1, value: 1 })), refused("BANNED"), "banned"],
  ];
}
