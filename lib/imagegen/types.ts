// The one interface every image engine implements (OpenAI, offline). The server composites the
// seed back outside the mask afterwards, whatever the engine returns (lib/images/composite.ts).
import { type DetailArg, type ErrorCode, type ErrorDetail, toDetail } from "@/lib/server/error-codes";
import type { EngineParams } from "./params";
import type { ImageWork } from "./work/tasks";

export type EngineProvider = "openai" | "offline" | "sdwebui";

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
  /** Where the engine's CPU-heavy steps run: the app's worker pool (lib/imagegen/work), already
   *  bound to this request's signal. Without it they run on the calling thread. */
  work?: ImageWork;
  /** A replay (lib/imagegen/replay.ts): the recorded parameters this engine reuses where it has
   *  them (a seed, sampler and steps), instead of its configured or random ones. */
  replay?: EngineParams;
}

export interface EditResult {
  /** The engine's raw output as PNG; it may differ in size from the seed and may have changed
   *  pixels outside the mask (GPT image models treat the mask as guidance). */
  image: Buffer;
  provider: EngineProvider;
  /** The exact model (a dated snapshot where the provider has them) that produced the image. */
  model: string;
  /** The model id the configuration asked for: an alias such as "gpt-image-2", or `model` itself. */
  modelRequested: string;
  engineMs: number;
  /** Everything that determined the image, as the engine reports it (recorded on the image). */
  params: EngineParams;
}

export interface ImageEngine {
  readonly provider: EngineProvider;
  /** The configured model id (the result reports the snapshot actually used). */
  readonly model: string;
  edit(req: EditRequest): Promise<EditResult>;
  /** Does the start-up work of the first edit ahead of time (the OpenAI engine resolves its
   *  model); throws what that edit would throw. */
  prepare?(): Promise<void>;
}

/** Why an engine failed, in terms the action can map to a refusal and a refund. MISCONFIGURED:
 *  the operator's setup (key, billing, model) is at fault, and no retry or participant can fix it. */
export type EngineErrorCode = Extract<
  ErrorCode,
  "REFUSED" | "TIMEOUT" | "RATE_LIMITED" | "UNAVAILABLE" | "BAD_OUTPUT" | "ABORTED" | "MISCONFIGURED"
>;

/** A failure only the operator can act on, recorded for the admin overview (lib/imagegen/failures.ts). */
export interface OperatorIssue {
  service: EngineProvider;
  /** The service's own error code (insufficient_quota, invalid_api_key, model_not_found ...). */
  code: string;
  /** What the service said, with anything resembling a key removed. */
  detail: string;
}

export class EngineError extends Error {
  /** What the participant is told: the code itself, or a more specific code (ENGINE_BUSY ...). */
  readonly detail: ErrorDetail;

  constructor(
    public readonly code: EngineErrorCode,
    options?: { detail?: DetailArg; cause?: unknown; operator?: OperatorIssue },
  ) {
    const said = options?.detail !== undefined ? toDetail(options.detail) : ({ code } as ErrorDetail);
    super(said.code === code ? code : `${code} (${said.code})`, options);
    this.name = "EngineError";
    this.detail = said;
    this.operator = options?.operator;
  }

  /** Set when the operator should see this failure on the admin overview. */
  readonly operator?: OperatorIssue;
}
