// The bad-input corpus, part: Flags, and the admin actions as an admin. See test/bad-input.test.ts for what every case must do.
import type { Case, Harness } from "./harness";

export function moderationCases(h: Harness): Case[] {
  const { fx, voteActions, adminActions, detail, fromAction, refused, invalid, settingsForm } = h;
  // Built when the case runs: the fixtures' ids exist only then.
  const replay = (input: () => unknown) => () => fromAction(adminActions.replayImageAction(input()));
  return [
    // Replaying a recorded picture: admins only, a generated picture that exists.
    ["replay: by a participant", replay(() => ({ imageId: fx.theirs })), refused("FORBIDDEN")],
    ["replay: an id that is not a number", replay(() => ({ imageId: "seven" })), invalid("MISSING_IMAGE"), "admin"],
    ["replay: a picture that does not exist", replay(() => ({ imageId: 2_000_000_000 })), refused("NOT_FOUND", "IMAGE_NOT_FOUND"), "admin"],
    ["replay: a seed", replay(() => ({ imageId: fx.seedId })), refused("NOT_ALLOWED", "NOT_REPLAYABLE"), "admin"],
    // Flags.
    [
      "flag: a two-letter reason",
      () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "no" })),
      invalid(detail("REASON_TOO_SHORT", { min: 3 })),
    ],
    [
      "flag: a 100 KB reason",
      () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "r".repeat(100_000) })),
      invalid(detail("REASON_TOO_LONG", { max: 500 })),
    ],
    [
      "flag: HTML in the reason",
      () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "<b>bad</b> image" })),
      invalid("REASON_MARKUP"),
    ],
    [
      "flag: an image that does not exist",
      () => fromAction(voteActions.flagAction({ imageId: 2_000_000_000, reason: "spam image" })),
      refused("NOT_FOUND", "FLAG_NOT_IN_VOTE"),
    ],
    [
      "flag: my own image",
      () => fromAction(voteActions.flagAction({ imageId: fx.mine, reason: "spam image" })),
      refused("OWN_IMAGE", "FLAG_OWN_IMAGE"),
    ],
    [
      "flag: the seed",
      () => fromAction(voteActions.flagAction({ imageId: fx.seedId, reason: "spam image" })),
      refused("NOT_FOUND", "FLAG_NOT_IN_VOTE"),
    ],

    // Admin actions, as an admin.
    [
      "hide: an image that does not exist",
      () => fromAction(adminActions.hideImageAction({ imageId: 2_000_000_000, reason: "spam spam" })),
      refused("NOT_FOUND", "IMAGE_NOT_FOUND"),
      "admin",
    ],
    ["hide: no reason", () => fromAction(adminActions.hideImageAction({ imageId: fx.theirs })), invalid("REASON_REQUIRED"), "admin"],
    [
      "hide: a draft",
      () => fromAction(adminActions.hideImageAction({ imageId: fx.theirDraft, reason: "spam spam" })),
      refused("NOT_SUBMITTED"),
      "admin",
    ],
    [
      "ban: a word for the user",
      () => fromAction(adminActions.banUserAction({ userId: "root", reason: "abuse" })),
      invalid("MISSING_USER"),
      "admin",
    ],
    ["ban: myself", () => fromAction(adminActions.banUserAction({ userId: fx.admin, reason: "abuse" })), refused("SELF"), "admin"],
    ["unban: someone not banned", () => fromAction(adminActions.unbanUserAction({ userId: fx.other })), refused("NOT_BANNED"), "admin"],
    [
      "veto: a closed day",
      () => fromAction(adminActions.vetoLeaderAction({ dayId: fx.closedDayId, reason: "off topic" })),
      refused("DAY_CLOSED", "VETO_DAY_NOT_OPEN"),
      "admin",
    ],
    [
      "veto: a word for the day",
      () => fromAction(adminActions.vetoLeaderAction({ dayId: "x", reason: "off topic" })),
      invalid("MISSING_DAY"),
      "admin",
    ],
    [
      "settings: a negative quota",
      () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), generationQuota: "-5" })),
      invalid(detail("AT_LEAST", { min: 0 })),
      "admin",
    ],
    [
      "settings: minimum coverage above the maximum",
      () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), minMaskCoverage: "95", maxMaskCoverage: "10" })),
      invalid("MASK_BOUNDS_ORDER"),
      "admin",
    ],
    [
      "settings: a javascript: completion URL",
      () => fromAction(adminActions.updateSettingsAction({ ...settingsForm(), prolificCompletionUrl: "javascript:alert(1)" })),
      invalid("COMPLETION_URL"),
      "admin",
    ],
  ];
}
