// The bad-input corpus, part: Generation (masks, prompts, days) and submitting attempts. See test/bad-input.test.ts for what every case must do.
import sharp from "sharp";
import type { Case, Harness } from "./harness";

export function creatingCases(h: Harness): Case[] {
  const {
    fx,
    createActions,
    voteActions,
    MAX_IMAGE_PIXELS,
    detail,
    fromAction,
    maskFile,
    generate,
    goodGenerate,
    pngBomb,
    refused,
    invalid,
    badMask,
    W,
    H,
    rectMask,
  } = h;
  return [
    // Generation: masks, prompts and days.
    ["generate: no mask", () => generate({ dayId: fx.dayId, prompt: "a kite" }), invalid("MASK_REQUIRED")],
    ["generate: an empty mask file", () => generate({ ...goodGenerate(), mask: maskFile(Buffer.alloc(0)) }), invalid("MASK_FILE_EMPTY")],
    [
      "generate: a 20 MB mask",
      () => generate({ ...goodGenerate(), mask: maskFile(Buffer.alloc(20 * 1024 * 1024, 1)) }),
      invalid(detail("MASK_FILE_TOO_LARGE", { max: 8 })),
    ],
    [
      "generate: a text file as the mask",
      () => generate({ ...goodGenerate(), mask: maskFile(Buffer.from("hello, not an image"), "text/plain") }),
      badMask("MASK_NOT_PNG"),
    ],
    [
      "generate: a JPEG as the mask",
      async () =>
        generate({
          ...goodGenerate(),
          mask: maskFile(
            await sharp({ create: { width: W, height: H, channels: 3, background: "#fff" } })
              .jpeg()
              .toBuffer(),
            "image/jpeg",
          ),
        }),
      badMask("MASK_NOT_PNG"),
    ],
    [
      "generate: a PNG bomb",
      async () => generate({ ...goodGenerate(), mask: maskFile(await pngBomb()) }),
      badMask(detail("MASK_TOO_MANY_PIXELS", { width: 100_000, height: 100_000, limit: MAX_IMAGE_PIXELS })),
    ],
    [
      "generate: a truncated PNG",
      () => generate({ ...goodGenerate(), mask: maskFile(fx.goodMask.subarray(0, 60)) }),
      badMask("MASK_DAMAGED"),
    ],
    [
      "generate: a mask of the wrong size",
      async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(100, 100, { x: 0, y: 0, w: 50, h: 50 })) }),
      badMask(detail("MASK_WRONG_SIZE", { width: 100, height: 100, expectedWidth: W, expectedHeight: H })),
    ],
    [
      "generate: a mask that marks nothing",
      async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(W, H, { x: 0, y: 0, w: 0, h: 0 })) }),
      badMask(detail("MASK_NOTHING", { min: 0.01 })),
    ],
    [
      "generate: a mask that marks everything",
      async () => generate({ ...goodGenerate(), mask: maskFile(await rectMask(W, H, { x: 0, y: 0, w: W, h: H })) }),
      badMask(detail("MASK_TOO_MUCH", { coverage: 1, max: 0.9 })),
    ],
    ["generate: no prompt", () => generate({ dayId: fx.dayId, mask: maskFile(fx.goodMask) }), invalid("PROMPT_REQUIRED")],
    [
      "generate: a 100 KB prompt",
      () => generate({ ...goodGenerate(), prompt: "a".repeat(100_000) }),
      invalid(detail("PROMPT_TOO_LONG", { max: 1000 })),
    ],
    [
      "generate: a prompt of spaces and zero-width characters",
      () => generate({ ...goodGenerate(), prompt: " \u200B\u200B\uFEFF \t" }),
      invalid("PROMPT_REQUIRED"),
    ],
    [
      "generate: a script tag in the prompt",
      () => generate({ ...goodGenerate(), prompt: 'a cat <script>alert("x")</script>' }),
      invalid("PROMPT_MARKUP"),
    ],
    [
      "generate: an image tag in the prompt",
      () => generate({ ...goodGenerate(), prompt: "<img src=x onerror=alert(1)> a dog" }),
      invalid("PROMPT_MARKUP"),
    ],
    [
      "generate: a control character in the prompt",
      () => generate({ ...goodGenerate(), prompt: "a bell \u0007 ringing" }),
      invalid("PROMPT_CONTROL"),
    ],
    // A form cannot carry a lone surrogate (the browser and FormData replace it); a plain argument can.
    [
      "flag: a lone surrogate in the reason",
      () => fromAction(voteActions.flagAction({ imageId: fx.theirs, reason: "broken \uD800 text" })),
      invalid("REASON_BROKEN"),
    ],
    [
      "generate: a right-to-left override in the prompt",
      () => generate({ ...goodGenerate(), prompt: "a harmless \u202Egnp.exe prompt" }),
      invalid("PROMPT_BIDI"),
    ],
    ["generate: a word for the day", () => generate({ ...goodGenerate(), dayId: "today" }), invalid("MISSING_DAY")],
    ["generate: a closed day", () => generate({ ...goodGenerate(), dayId: fx.closedDayId }), refused("DAY_CLOSED")],
    ["generate: a day that does not exist", () => generate({ ...goodGenerate(), dayId: 2_000_000_000 }), refused("DAY_CLOSED")],
    ["generate: signed out", () => generate(goodGenerate()), refused("UNAUTHENTICATED"), "anonymous"],

    // Submitting attempts.
    [
      "submit: someone else's attempt",
      () => fromAction(createActions.submitAction({ imageId: fx.theirDraft })),
      refused("NOT_FOUND", "ATTEMPT_NOT_FOUND"),
    ],
    [
      "submit: my attempt from a closed day",
      () => fromAction(createActions.submitAction({ imageId: fx.myClosedDraft })),
      refused("DAY_CLOSED"),
    ],
    [
      "submit: the day's seed",
      () => fromAction(createActions.submitAction({ imageId: fx.seedId })),
      refused("NOT_FOUND", "ATTEMPT_NOT_FOUND"),
    ],
    ["submit: a word for the attempt", () => fromAction(createActions.submitAction({ imageId: "x" })), invalid("CHOOSE_ATTEMPT")],
    [
      "submit: an already submitted image",
      () => fromAction(createActions.submitAction({ imageId: fx.mine })),
      refused("ALREADY_SUBMITTED"),
    ],

    // Withdrawing submissions.
    [
      "withdraw: someone else's submission",
      () => fromAction(createActions.withdrawAction({ imageId: fx.theirs })),
      refused("NOT_FOUND", "ATTEMPT_NOT_FOUND"),
    ],
    [
      "withdraw: someone else's hidden submission",
      () => fromAction(createActions.withdrawAction({ imageId: fx.hidden })),
      refused("NOT_FOUND", "ATTEMPT_NOT_FOUND"),
    ],
    [
      "withdraw: an attempt never submitted",
      () => fromAction(createActions.withdrawAction({ imageId: fx.myClosedDraft })),
      refused("DAY_CLOSED"),
    ],
    ["withdraw: a word for the submission", () => fromAction(createActions.withdrawAction({ imageId: "x" })), invalid("CHOOSE_ATTEMPT")],
    ["withdraw: signed out", () => fromAction(createActions.withdrawAction({ imageId: fx.mine })), refused("UNAUTHENTICATED"), "anonymous"],
  ];
}
