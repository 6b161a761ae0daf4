// The bad-input corpus, part: finishing the study (forged and replayed completions) and the
// progress endpoint. See test/bad-input.test.ts for what every case must do.
import type { Case, Harness } from "./harness";

export function studyCases(h: Harness): Case[] {
  const { studyActions, progressRoute, adminActions, fx, detail, fromAction, fromResponse, refused, invalid } = h;
  const world = { name: "W", weight: 1, tallies: "never", order: "score" };
  // Built when the case runs: the fixtures' ids exist only then.
  const start = (input: () => unknown) => () => fromAction(adminActions.startStudyAction(input()));
  /** An upload of `bytes` (or of nothing) with a description, as the studies page's form sends it. */
  const upload =
    (bytes: Uint8Array | null, description: string | null = "a picture") =>
    () => {
      const data = new FormData();
      if (bytes) data.set("picture", new File([new Uint8Array(bytes)], "p.png", { type: "image/png" }));
      if (description !== null) data.set("description", description);
      return fromAction(adminActions.uploadSeedAction(data));
    };
  const finish = (input: unknown) => () => fromAction(studyActions.finishStudyAction(input));
  const progress =
    (query = "") =>
    () =>
      fromResponse(progressRoute.GET(new Request(`http://app.test/api/study/progress${query}`)));
  return [
    // A forged completion: the client cannot say who finished, what they did, or what code to give.
    ["a completion naming another user", finish({ userId: 1 }), invalid(detail("INVALID_FIELD", { field: "body" }))],
    ["a completion carrying its own code", finish({ code: "ABCDEFGHJK" }), invalid(detail("INVALID_FIELD", { field: "body" }))],
    ["a completion as a string", finish("done"), invalid(detail("INVALID_FIELD", { field: "body" }))],
    [
      // The fixtures' participant has a submission and no vote, with one image open to them.
      "a completion before the tasks are done",
      finish({}),
      refused("STUDY_NOT_COMPLETE", detail("STUDY_NOT_COMPLETE", { submissions: 1, requiredSubmissions: 1, votes: 0, requiredVotes: 1 })),
    ],
    ["a replayed completion", finish({}), refused("ALREADY_COMPLETED"), "finished"],
    ["a completion by a banned account", finish({}), refused("BANNED"), "banned"],
    ["a completion without signing in", finish({}), refused("UNAUTHENTICATED"), "anonymous"],
    ["progress with a query", progress("?userId=1"), invalid(detail("INVALID_FIELD", { field: "body" }))],
    ["progress without signing in", progress(), refused("UNAUTHENTICATED"), "anonymous"],
    // Starting a study: admins only, with a picture that was a day's seed or winner, 1 to 8 worlds.
    ["a study started by a participant", start(() => ({ name: "S", firstSeedImageId: fx.seedId, worlds: [world] })), refused("FORBIDDEN")],
    [
      "a study from a picture that never seeded or won a day",
      start(() => ({ name: "S", firstSeedImageId: fx.theirs, worlds: [world] })),
      refused("NOT_FOUND", "IMAGE_NOT_FOUND"),
      "admin",
    ],
    [
      "a study with no worlds",
      start(() => ({ name: "S", firstSeedImageId: fx.seedId, worlds: [] })),
      invalid(detail("INVALID_FIELD", { field: "worlds" })),
      "admin",
    ],
    [
      "a study with nine worlds",
      start(() => ({ name: "S", firstSeedImageId: fx.seedId, worlds: Array(9).fill(world) })),
      invalid(detail("INVALID_FIELD", { field: "worlds" })),
      "admin",
    ],
    [
      "a world whose tallies are 'sometimes'",
      start(() => ({ name: "S", firstSeedImageId: fx.seedId, worlds: [{ ...world, tallies: "sometimes" }] })),
      invalid(detail("FIELD_ONE_OF", { field: "worlds.0.tallies", options: "always, afterVote, never" })),
      "admin",
    ],
    [
      "a world weighing 0",
      start(() => ({ name: "S", firstSeedImageId: fx.seedId, worlds: [{ ...world, weight: 0 }] })),
      invalid(detail("FIELD_AT_LEAST", { field: "worlds.0.weight", min: 1 })),
      "admin",
    ],
    [
      "a study named in 81 characters",
      start(() => ({ name: "x".repeat(81), firstSeedImageId: fx.seedId, worlds: [world] })),
      invalid(detail("TEXT_TOO_LONG", { max: 80 })),
      "admin",
    ],
    [
      "a world whose mask bounds cross",
      start(() => ({ name: "S", firstSeedImageId: fx.seedId, worlds: [{ ...world, minMaskCoverage: 0.6, maxMaskCoverage: 0.4 }] })),
      invalid("MASK_BOUNDS_ORDER"),
      "admin",
    ],
    [
      "a world with a negative generation quota",
      start(() => ({ name: "S", firstSeedImageId: fx.seedId, worlds: [{ ...world, generationQuota: -1 }] })),
      invalid(detail("FIELD_AT_LEAST", { field: "worlds.0.generationQuota", min: 0 })),
      "admin",
    ],
    [
      "a world whose authors are hidden 'maybe'",
      start(() => ({ name: "S", firstSeedImageId: fx.seedId, worlds: [{ ...world, hideAuthors: "maybe" }] })),
      invalid(detail("FIELD_ONE_OF", { field: "worlds.0.hideAuthors", options: "true, false" })),
      "admin",
    ],
    // Uploading a first picture: admins only, a PNG, JPEG or WebP of a usable size, described.
    ["an upload by a participant", upload(new Uint8Array(10)), refused("FORBIDDEN")],
    ["an upload with no file", upload(null), invalid("SEED_FILE_REQUIRED"), "admin"],
    ["an upload of an empty file", upload(new Uint8Array(0)), invalid("SEED_FILE_REQUIRED"), "admin"],
    ["an upload of 9 MB", upload(new Uint8Array(9 * 1024 * 1024)), invalid(detail("SEED_FILE_TOO_LARGE", { max: 8 })), "admin"],
    ["an upload that is not a picture", upload(new TextEncoder().encode("<svg onload=alert(1)>")), invalid("SEED_NOT_PICTURE"), "admin"],
    [
      "an upload without a description",
      upload(new Uint8Array(10), null),
      invalid(detail("FIELD_AT_LEAST", { field: "description", min: 1 })),
      "admin",
    ],
    // Changing a running world's conditions: admins only, a world of the running study, known modes.
    [
      "a world's conditions changed to a mask of 150 %",
      () => fromAction(adminActions.changeWorldConditionsAction({ worldId: 1, tallies: "never", order: "random", maxMaskCoverage: 1.5 })),
      invalid(detail("FIELD_AT_MOST", { field: "maxMaskCoverage", max: 1 })),
      "admin",
    ],
    [
      "a world's conditions changed to tallies 'sometimes'",
      () => fromAction(adminActions.changeWorldConditionsAction({ worldId: 1, tallies: "sometimes", order: "random" })),
      invalid(detail("FIELD_ONE_OF", { field: "tallies", options: "always, afterVote, never" })),
      "admin",
    ],
    [
      "a world's conditions changed for a world that does not exist",
      () => fromAction(adminActions.changeWorldConditionsAction({ worldId: 2_000_000_000, tallies: "never", order: "random" })),
      refused("NOT_FOUND"),
      "admin",
    ],
    [
      "a world's conditions changed by a participant",
      () => fromAction(adminActions.changeWorldConditionsAction({ worldId: 1, tallies: "never", order: "random" })),
      refused("FORBIDDEN"),
    ],
  ];
}
