// An OpenAI-compatible HTTP server for tests: the real SDK talks to it over real HTTP, so the
// multipart encoding, headers and error shapes the engine sees are the ones production sees. It is
// as strict as the real service (./fake-openai-rules: keys, models, sizes, masks, formats), lists
// its models with shutdown dates, and repaints the whole picture as GPT image models may
// (./fake-openai-repaint). Edits and moderations can be scripted per call; so can the Models API.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkAuth, checkEdit, modelNotFound, type ApiErrorBody, type FakeModel } from "./fake-openai-rules";
import { repaint } from "./fake-openai-repaint";

export type { FakeModel } from "./fake-openai-rules";

export interface RecordedFile {
  name: string;
  type: string;
  bytes: Buffer;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Text fields of a multipart request (model, prompt, size, ...). */
  fields: Record<string, string>;
  /** File fields of a multipart request (image, mask). */
  files: Record<string, RecordedFile>;
  /** Parsed body of a JSON request (moderations). */
  json?: unknown;
}

interface Delayed {
  /** Wait this long before answering (to exercise timeouts and aborts). */
  delayMs?: number;
}
/** A successful edit; by default the model repaints the whole uploaded picture at the requested size. */
export interface FakeEdit extends Delayed {
  status?: 200;
  b64Png?: Buffer;
  /** Raw b64_json to send instead (null: leave it out), for malformed output. */
  b64Json?: string | null;
}
export interface FakeModeration extends Delayed {
  status?: 200;
  flagged: boolean;
  categories?: string[];
}
/** An error in OpenAI's shape, e.g. { status: 400, code: "moderation_blocked" }, { status: 429, code: "insufficient_quota" } or { status: 429, retryAfter: 1 }. */
export interface FakeError extends Delayed {
  status: 400 | 401 | 403 | 404 | 408 | 429 | 500 | 502 | 503 | 504;
  code?: string | null;
  message?: string;
  type?: string;
  /** Seconds, sent as a Retry-After header. */
  retryAfter?: number;
}
export type FakeResponse = FakeEdit | FakeModeration | FakeError;

export interface FakeOpenAIOptions {
  /** The models the account can use (default: DEFAULT_MODELS). */
  models?: FakeModel[];
  /** Keys the server accepts (default: ["sk-test"]). */
  apiKeys?: string[];
}

export interface FakeOpenAI {
  /** Base URL including /v1, for the SDK's baseURL. */
  url: string;
  requests: RecordedRequest[];
  /** Replaces the queue of responses to edits and moderations; each valid request takes the next, then defaults apply. */
  script(responses: FakeResponse[]): void;
  /** Replaces the queue of errors for GET /v1/models and /v1/models/{id}. */
  scriptModels(responses: FakeError[]): void;
  /** Replaces the model listing. */
  setModels(models: FakeModel[]): void;
  close(): Promise<void>;
}

/** gpt-image-2 as the API lists it: the alias and its dated snapshot (SDK ImageModel), and the shut-down gpt-image-1.5. */
export const DEFAULT_MODELS: FakeModel[] = [
  { id: "gpt-image-2", created: 1776729600, shutdown_date: null },
  { id: "gpt-image-2-2026-04-21", created: 1776729600, shutdown_date: null },
  { id: "gpt-image-1.5", created: 1765843200, shutdown_date: "2026-12-01" },
  { id: "omni-moderation-latest", created: 1731024000, shutdown_date: null },
];

const MODERATION_CATEGORIES = [
  "harassment",
  "harassment/threatening",
  "hate",
  "hate/threatening",
  "illicit",
  "illicit/violent",
  "self-harm",
  "self-harm/instructions",
  "self-harm/intent",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic",
];

/** Error codes guide: each status's usual body, and the codes whose type differs from the status's. */
const STATUS_DEFAULTS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: "Invalid request.", type: "invalid_request_error", code: null },
  401: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" },
  403: { message: "You have insufficient permissions for this operation.", type: "invalid_request_error", code: null },
  404: { message: "The model does not exist or you do not have access to it.", type: "invalid_request_error", code: "model_not_found" },
  429: { message: "Rate limit reached for requests. Please try again later.", type: "requests", code: "rate_limit_exceeded" },
  500: { message: "The server had an error while processing your request. Sorry about that!", type: "server_error", code: null },
};
const CODE_DEFAULTS: Record<string, { message: string; type: string }> = {
  moderation_blocked: { message: "Your request was rejected by the safety system.", type: "image_generation_user_error" },
  insufficient_quota: {
    message: "You exceeded your current quota, please check your plan and billing details.",
    type: "insufficient_quota",
  },
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return; // the client gave up (timeout or abort) while we waited
  res.writeHead(status, { "content-type": "application/json", "x-request-id": `req_fake_${Date.now()}`, ...headers });
  res.end(JSON.stringify(body));
}
const sendError = (res: ServerResponse, e: ApiErrorBody) => sendJson(res, e.status, { error: e.error });
const serverError = (res: ServerResponse, err: unknown) =>
  sendJson(res, 500, { error: { message: `fake-openai: ${String(err)}`, type: "server_error", param: null, code: null } });

function sendScriptedError(res: ServerResponse, s: FakeError): void {
  const base = STATUS_DEFAULTS[s.status] ?? STATUS_DEFAULTS[500]!;
  const code = s.code === undefined ? base.code : s.code;
  const byCode = code ? CODE_DEFAULTS[code] : undefined;
  const error = { message: s.message ?? byCode?.message ?? base.message, type: s.type ?? byCode?.type ?? base.type, param: null, code };
  sendJson(res, s.status, { error }, s.retryAfter === undefined ? {} : { "retry-after": String(s.retryAfter) });
}

async function record(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = String(value);
  const path = (req.url ?? "").split("?")[0] ?? "";
  const recorded: RecordedRequest = { method: req.method ?? "", path, headers, fields: {}, files: {} };
  const type = headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) {
    // The web Request parses multipart for real, boundary and all.
    const form = await new Request("http://fake.local/", { method: "POST", headers: { "content-type": type }, body }).formData();
    for (const [name, value] of form.entries()) {
      if (typeof value === "string") recorded.fields[name] = value;
      else recorded.files[name] = { name: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) };
    }
  } else if (type.startsWith("application/json")) {
    recorded.json = JSON.parse(body.toString("utf8"));
  }
  return recorded;
}

const isError = (r: FakeResponse | undefined): r is FakeError => r?.status !== undefined && r.status !== 200;

/** API reference, Models: the model object is exactly { id, object, created, owned_by, shutdown_date }. */
const modelObject = (m: FakeModel) => ({
  id: m.id,
  object: "model",
  created: m.created ?? 1_700_000_000,
  owned_by: m.owned_by ?? "system",
  shutdown_date: m.shutdown_date ?? null,
});

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let queue: FakeResponse[] = [];
  let modelQueue: FakeError[] = [];
  let models = options.models ?? DEFAULT_MODELS;
  const apiKeys = new Set(options.apiKeys ?? ["sk-test"]);
  const timers = new Set<NodeJS.Timeout>();

  async function handle(request: RecordedRequest, res: ServerResponse): Promise<void> {
    const route = `${request.method} ${request.path}`;
    const modelPath = /^\/v1\/models\/(.+)$/.exec(request.path);
    if (!["GET /v1/models", "POST /v1/images/edits", "POST /v1/moderations"].includes(route) && !(request.method === "GET" && modelPath)) {
      return sendJson(res, 404, { error: { message: `Invalid URL (${route})`, type: "invalid_request_error", param: null, code: null } });
    }
    const denied = checkAuth(request.headers, apiKeys);
    if (denied) return sendError(res, denied);
    if (request.method === "GET") {
      const scripted = modelQueue.shift();
      if (scripted) return sendScriptedError(res, scripted);
      if (!modelPath) return sendJson(res, 200, { object: "list", data: models.map(modelObject) });
      const id = decodeURIComponent(modelPath[1]!);
      const model = models.find((m) => m.id === id);
      return model ? sendJson(res, 200, modelObject(model)) : sendError(res, modelNotFound(id));
    }
    const edit = request.path === "/v1/images/edits" ? await checkEdit(request, models, new Date()) : null;
    if (edit && "error" in edit) return sendError(res, edit);
    const scripted = queue.shift();
    const answer = async () => {
      if (isError(scripted)) return sendScriptedError(res, scripted);
      if (!edit) return moderate(res, scripted && "flagged" in scripted ? scripted : undefined);
      const given: FakeEdit = scripted && !("flagged" in scripted) ? scripted : {};
      const b64 =
        given.b64Json !== undefined
          ? given.b64Json
          : (given.b64Png ?? (await repaint(edit.image.bytes, edit.size, edit.format))).toString("base64");
      // ImagesResponse (SDK): created, data, background, output_format, quality, size, usage.
      const usage = {
        input_tokens: 50,
        output_tokens: 200,
        total_tokens: 250,
        input_tokens_details: { image_tokens: 40, text_tokens: 10 },
      };
      sendJson(res, 200, {
        created: Math.floor(Date.now() / 1000),
        data: [b64 === null ? {} : { b64_json: b64 }],
        output_format: edit.format,
        usage,
      });
    };
    if (!scripted?.delayMs) return answer();
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer().catch((err: unknown) => serverError(res, err));
    }, scripted.delayMs);
    timers.add(timer);
  }

  function moderate(res: ServerResponse, verdict: FakeModeration | undefined): void {
    const hits = new Set(verdict?.categories ?? []);
    const categories = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, hits.has(c)]));
    const scores = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, hits.has(c) ? 0.98 : 0.0001]));
    const result = { flagged: verdict?.flagged ?? false, categories, category_scores: scores, category_applied_input_types: {} };
    sendJson(res, 200, { id: `modr-fake-${Date.now()}`, model: "omni-moderation-latest", results: [result] });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const request = await record(req);
      requests.push(request);
      await handle(request, res);
    })().catch((err: unknown) => serverError(res, err));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script(responses) {
      queue = [...responses];
    },
    scriptModels(responses) {
      modelQueue = [...responses];
    },
    setModels(next) {
      models = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
