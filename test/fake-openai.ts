// An OpenAI-compatible HTTP server for tests: the real SDK talks to it over real HTTP, so the
// multipart encoding, headers and error shapes the engine sees are the ones production sees.
// Only POST /v1/images/edits and POST /v1/moderations exist; responses are scripted per call.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

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
/** A successful edit; by default the uploaded image is echoed back. */
export interface FakeEdit extends Delayed {
  status?: 200;
  b64Png?: Buffer;
  /** Raw b64_json to send instead (null: leave it out), for malformed output. */
  b64Json?: string | null;
  /** The response's `model` field; omitted when not given. */
  model?: string;
}
export interface FakeModeration extends Delayed {
  status?: 200;
  flagged: boolean;
  categories?: string[];
}
/** An error in OpenAI's shape, e.g. { status: 400, code: "moderation_blocked" } or { status: 429, retryAfter: 1 }. */
export interface FakeError extends Delayed {
  status: 400 | 401 | 403 | 404 | 408 | 429 | 500 | 502 | 503 | 504;
  code?: string | null;
  message?: string;
  /** Seconds, sent as a Retry-After header. */
  retryAfter?: number;
}
export type FakeResponse = FakeEdit | FakeModeration | FakeError;

export interface FakeOpenAI {
  /** Base URL including /v1, for the SDK's baseURL. */
  url: string;
  requests: RecordedRequest[];
  /** Replaces the queue of responses; each request takes the next, then defaults apply. */
  script(responses: FakeResponse[]): void;
  close(): Promise<void>;
}

const MODERATION_CATEGORIES = [
  "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent",
  "self-harm", "self-harm/instructions", "self-harm/intent", "sexual", "sexual/minors", "violence", "violence/graphic",
];

const ERROR_DEFAULTS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: "Invalid request.", type: "invalid_request_error", code: null },
  401: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" },
  429: { message: "Rate limit reached for requests. Please try again later.", type: "requests", code: "rate_limit_exceeded" },
  500: { message: "The server had an error while processing your request. Sorry about that!", type: "server_error", code: null },
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return; // the client gave up (timeout or abort) while we waited
  res.writeHead(status, { "content-type": "application/json", "x-request-id": `req_fake_${Date.now()}`, ...headers });
  res.end(JSON.stringify(body));
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

function respond(res: ServerResponse, request: RecordedRequest, scripted: FakeResponse | undefined): void {
  if (isError(scripted)) {
    const defaults = ERROR_DEFAULTS[scripted.status] ?? ERROR_DEFAULTS[500]!;
    const code = scripted.code === undefined ? defaults.code : scripted.code;
    const blocked = code === "moderation_blocked";
    const message = scripted.message ?? (blocked ? "Your request was rejected by the safety system." : defaults.message);
    const type = blocked ? "image_generation_user_error" : defaults.type;
    const headers: Record<string, string> = scripted.retryAfter === undefined ? {} : { "retry-after": String(scripted.retryAfter) };
    return sendJson(res, scripted.status, { error: { message, type, param: null, code } }, headers);
  }
  if (request.path === "/v1/moderations") {
    const verdict = scripted && "flagged" in scripted ? scripted : { flagged: false, categories: [] };
    const hits = new Set(verdict.categories ?? []);
    const categories = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, hits.has(c)]));
    const scores = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, hits.has(c) ? 0.98 : 0.0001]));
    const result = { flagged: verdict.flagged, categories, category_scores: scores, category_applied_input_types: {} };
    return sendJson(res, 200, { id: `modr-fake-${Date.now()}`, model: "omni-moderation-latest", results: [result] });
  }
  const edit: FakeEdit = scripted && !("flagged" in scripted) ? scripted : {};
  const png = edit.b64Png ?? request.files.image?.bytes ?? Buffer.alloc(0);
  const b64 = edit.b64Json !== undefined ? edit.b64Json : png.toString("base64");
  const usage = { input_tokens: 50, output_tokens: 200, total_tokens: 250, input_tokens_details: { image_tokens: 40, text_tokens: 10 } };
  const data = [b64 === null ? {} : { b64_json: b64 }];
  sendJson(res, 200, { created: Math.floor(Date.now() / 1000), data, ...(edit.model ? { model: edit.model } : {}), usage });
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let queue: FakeResponse[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    void (async () => {
      const request = await record(req);
      requests.push(request);
      if (req.method !== "POST" || !["/v1/images/edits", "/v1/moderations"].includes(request.path)) {
        const message = `Unknown route ${req.method} ${request.path}`;
        return sendJson(res, 404, { error: { message, type: "invalid_request_error", param: null, code: null } });
      }
      const scripted = queue.shift();
      if (!scripted?.delayMs) return respond(res, request, scripted);
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond(res, request, scripted);
      }, scripted.delayMs);
      timers.add(timer);
    })().catch((err: unknown) => {
      const message = `fake-openai: ${String(err)}`;
      sendJson(res, 500, { error: { message, type: "server_error", param: null, code: null } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script(responses) {
      queue = [...responses];
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
