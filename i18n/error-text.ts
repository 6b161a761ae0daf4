import type { Translator } from "./locales";

/**
 * What the server says when it refuses or fails, in the reader's language. The lib code speaks
 * English (its tests, logs and JSON routes use it); actions and forms pass each message through
 * here. Fixed messages are looked up whole; messages with figures are matched by pattern and the
 * figures carried over. A message not listed here is shown as it is.
 */
export function errorText(t: Translator<"errors">, message: string): string {
  const exact: Record<string, string> = {
    "Please sign in first.": t("auth.signIn"),
    "This account has been suspended and can no longer take part.": t("auth.banned"),
    "Not found.": t("auth.notFound"),
    "Only an admin can do that.": t("auth.adminOnly"),
    "Something went wrong on our side. Please try again.": t("internal"),
    "The database is briefly unavailable. Nothing was saved; please try again in a moment.": t("databaseUnavailable"),
    "The database is briefly unavailable. Nothing was saved; please try again in a moment. This attempt was not counted.": t("databaseUnavailableAttempt"),
    // Votes and flags.
    "That image is not in a vote.": t("vote.notInVote"),
    "That image has been removed from the vote.": t("vote.hidden"),
    "You cannot vote on your own image.": t("vote.ownImage"),
    "Voting on this day has closed.": t("vote.dayClosed"),
    "That image is not in a vote, so it cannot be flagged.": t("flag.notInVote"),
    "You cannot flag your own image.": t("flag.ownImage"),
    "You have already flagged this image. Thank you, the moderators will look at it.": t("flag.already"),
    // Creating.
    "This day has closed. Reload to work on today's picture.": t("create.dayClosed"),
    "This prompt was flagged by content moderation, so it was not sent to the image model. Please rephrase it.": t("create.moderated"),
    "Today's picture could not be loaded, so this attempt was not counted. Please try again shortly.": t("create.seedUnavailable"),
    "We could not save your picture, so this attempt was not counted. Please try again.": t("create.storageFailed"),
    "Your picture could not be saved because of a problem on our side. This attempt was not counted; please try again.": t("create.internal"),
    "That attempt was not found among yours.": t("create.attemptNotFound"),
    "This attempt is already in today's vote.": t("create.alreadySubmitted"),
    "This attempt cannot be submitted.": t("create.cannotSubmit"),
    // The image model.
    "The image model declined this request under its safety rules. Try a different prompt.": t("engine.refused"),
    "The image service is handling too many requests right now. Please wait a minute and try again.": t("engine.rateLimited"),
    "The image service is unavailable at the moment. Please try again in a few minutes.": t("engine.unavailable"),
    "The image service rejected the request because of a problem on our side, not your prompt. Please try again later.": t("engine.rejected"),
    "Image generation is unavailable right now because of a problem with this site's image service account, not your prompt. This attempt was not counted.": t("engine.misconfigured"),
    "The image model sent back an image that could not be read. Please try again.": t("engine.badOutput"),
    "The edit was cancelled before the image model finished.": t("engine.aborted"),
    // Masks.
    "The mask is empty (0 bytes).": t("mask.empty"),
    "The mask is not a PNG image.": t("mask.notPng"),
    "The mask PNG is damaged or incomplete.": t("mask.damaged"),
    "The mask PNG declares an empty image.": t("mask.emptyImage"),
    "Draw a mask over the part of the picture you want to change.": t("mask.required"),
    "The mask is empty: draw over the part of the picture you want to change.": t("mask.emptyFile"),
    "The mask file is too large (at most 8 MB).": t("mask.fileTooLarge"),
    // Text people type.
    "Write a prompt describing what should appear in your patch.": t("text.promptRequired"),
    "A prompt has at most 1000 characters.": t("text.promptTooLong"),
    "The prompt contains invisible control characters; please retype it.": t("text.promptControl"),
    "The prompt contains direction-override characters; please retype it.": t("text.promptBidi"),
    "The prompt contains HTML tags; describe it in plain words.": t("text.promptMarkup"),
    "The prompt contains broken characters; please retype it.": t("text.promptBroken"),
    "Give a reason.": t("text.reasonRequired"),
    "Give a reason of at least 3 characters.": t("text.reasonTooShort"),
    "A reason has at most 500 characters.": t("text.reasonTooLong"),
    "The reason contains invisible control characters; please retype it.": t("text.reasonControl"),
    "The reason contains direction-override characters; please retype it.": t("text.reasonBidi"),
    "The reason contains HTML tags; describe it in plain words.": t("text.reasonMarkup"),
    "The reason contains broken characters; please retype it.": t("text.reasonBroken"),
    "Missing day.": t("input.missingDay"),
    "Choose an attempt to submit.": t("input.chooseAttempt"),
    "Missing image.": t("input.missingImage"),
    "Invalid image.": t("input.invalidImage"),
  };
  if (Object.hasOwn(exact, message)) return exact[message]!;

  const patterns: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^You have used all (\d+) generations for today\. Come back tomorrow!$/, (m) => t("create.quota", { count: Number(m[1]) })],
    [/^Too many sign-in attempts in a short time\. Try again in (\d+) seconds?\.$/, (m) => t("rateLimited.signIn", { seconds: Number(m[1]) })],
    [/^Too many generations in a short time\. Try again in (\d+) seconds?\.$/, (m) => t("rateLimited.generate", { seconds: Number(m[1]) })],
    [/^Too many votes in a short time\. Try again in (\d+) seconds?\.$/, (m) => t("rateLimited.vote", { seconds: Number(m[1]) })],
    [/^Too many flags in a short time\. Try again in (\d+) seconds?\.$/, (m) => t("rateLimited.flag", { seconds: Number(m[1]) })],
    [/^The image model did not finish within (\d+) seconds, so the edit was stopped\. Please try again\.$/, (m) => t("engine.timeout", { seconds: Number(m[1]) })],
    [/^The mask is (\d+)×(\d+) but the picture is (\d+)×(\d+)\.$/, (m) => t("mask.wrongSize", { width: m[1]!, height: m[2]!, expectedWidth: m[3]!, expectedHeight: m[4]! })],
    [/^The mask declares (\d+)×(\d+) pixels; the limit is ([\d,]+) pixels\.$/, (m) => t("mask.tooManyPixels", { width: m[1]!, height: m[2]!, limit: m[3]! })],
    [/^The mask file is ([\d.]+) MiB; the limit is (\d+) MiB\.$/, (m) => t("mask.tooLarge", { size: m[1]!, limit: m[2]! })],
    [/^The mask marks nothing to repaint; mark at least ([\d.]+%)\.$/, (m) => t("mask.nothing", { min: m[1]! })],
    [/^The mask covers ([\d.]+%) of the picture; mark at least ([\d.]+%)\.$/, (m) => t("mask.tooLittle", { coverage: m[1]!, min: m[2]! })],
    [/^The mask covers ([\d.]+%) of the picture; mark at most ([\d.]+%)\.$/, (m) => t("mask.tooMuch", { coverage: m[1]!, max: m[2]! })],
  ];
  for (const [re, text] of patterns) {
    const m = message.match(re);
    if (m) return text(m);
  }
  return message;
}
