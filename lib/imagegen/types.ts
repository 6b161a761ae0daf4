// The one interface every image engine implements (OpenAI, offline). The server composites the
// seed back outside the mask afterwards, whatever the engine returns (lib/images/composite.ts).

export type EngineProvider = "openai" | "offline";

export interface EditRequest {
  /** The seed as PNG, at its native size. */
  image: Buffer;
  /** PNG of the same size: alpha 0 marks the region to repaint, alpha 255 what to keep. */
  mask: Buffer;
  prompt: string;
  width: number;
  height: number;
  /** Aborts the work (the user left, or a deadline passed). */
  signal?: AbortSignal;
}

export interface EditResult {
  /** The engine's raw output as PNG; it may differ in size from the seed and may have changed
   *  pixels outside the mask (GPT image models treat the mask as guidance). */
  image: Buffer;
  provider: EngineProvider;
  /** The exact model id that produced the image, as reported by the provider. */
  model: string;
  engineMs: number;
}

export interface ImageEngine {
  readonly provider: EngineProvider;
  /** The configured model id (the result reports the one actually used). */
  readonly model: string;
  edit(req: EditRequest): Promise<EditResult>;
}

/** Why an engine failed, in terms the action can map to a user message and a refund. */
export type EngineErrorCode = "REFUSED" | "TIMEOUT" | "RATE_LIMITED" | "UNAVAILABLE" | "BAD_OUTPUT" | "ABORTED";

export class EngineError extends Error {
  constructor(
    public readonly code: EngineErrorCode,
    /** Safe to show to the participant. */
    public readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = "EngineError";
  }
}
