// An S3 stand-in as strict as S3 where the app depends on it. s3rver stores the objects but
// accepts any signature; this front, on its own loopback port, first does what S3 does:
// verifies SigV4 (header or presigned, ./s3-auth), answers with S3's error statuses and XML
// (./s3-errors), and enforces an IAM-like policy (./s3-policy), including S3's rule that without
// s3:ListBucket a GET/HEAD of a missing object is 403 AccessDenied, not 404. Only then does it
// forward the request to s3rver. It also counts the object bytes it serves, so a browser test
// can prove a repeat view downloads no picture. Plain Node: usable from Vitest and Playwright.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { authenticate, type S3Credential } from "./s3-auth";
import { formatAmzDate } from "./s3-auth-checks";
import { errorXml, newRequestId, s3Error, type S3ErrorSpec } from "./s3-errors";
import { allows, classify, FULL_ACCESS, type S3Policy } from "./s3-policy";
import { parseQuery, UNSIGNED_PAYLOAD } from "./s3-sigv4";

export { FULL_ACCESS, OBJECT_ONLY, type S3Action, type S3Policy } from "./s3-policy";
export type { S3Credential } from "./s3-auth";

export interface StrictS3Options {
  /** Created before the front starts; default "pixelpatchwork-test". */
  bucket?: string;
  region?: string;
  /** Keys the front accepts; default one fresh random key pair. */
  credentials?: S3Credential[];
  policy?: S3Policy;
  /** The front's clock (epoch ms) for signature dates and expiry; default Date.now. */
  now?: () => number;
}

export interface StrictS3Stats {
  requests: number;
  /** Requests answered with an error by the front itself (auth or policy). */
  rejected: number;
  /** GETs of objects answered 2xx, and the body bytes they carried. */
  objectGets: number;
  objectBytesServed: number;
  /** The same for presigned URLs only: what browsers download (the app's SDK signs headers). */
  presignedGets: number;
  presignedBytesServed: number;
}

export interface StrictS3 {
  /** http://127.0.0.1:<port>: the SDK addresses it path-style, as it does any IP endpoint. */
  endpoint: string;
  region: string;
  bucket: string;
  /** The first accepted key pair. */
  credentials: S3Credential;
  readonly stats: StrictS3Stats;
  setPolicy(policy: S3Policy): void;
  resetStats(): void;
  close(): Promise<void>;
}

const emptyStats = (): StrictS3Stats => ({
  requests: 0,
  rejected: 0,
  objectGets: 0,
  objectBytesServed: 0,
  presignedGets: 0,
  presignedBytesServed: 0,
});

/** A key pair shaped like AWS's (AKIA + 16 characters, a 40-character secret), fresh per start. */
function randomCredential(): S3Credential {
  const id = randomBytes(10)
    .toString("base64url")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "Q")
    .slice(0, 16)
    .padEnd(16, "Q");
  return { accessKeyId: `AKIA${id}`, secretAccessKey: randomBytes(30).toString("base64") };
}

function headerMap(raw: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    map.set(name, [...(map.get(name) ?? []), raw[i + 1]!]);
  }
  return map;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Headers that belonged to the client's signature or connection, not to the S3 operation. */
const NOT_FORWARDED = new Set([
  "host",
  "authorization",
  "x-amz-date",
  "x-amz-content-sha256",
  "x-amz-security-token",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "expect",
]);

/** Starts s3rver and the strict front before it; close() stops both and deletes the objects. */
export async function startStrictS3(options: StrictS3Options = {}): Promise<StrictS3> {
  const bucket = options.bucket ?? "pixelpatchwork-test";
  const region = options.region ?? "us-east-1";
  const credentials = options.credentials ?? [randomCredential()];
  // Looked up on every call, so a test that fakes Date moves this clock too.
  const now = options.now ?? (() => Date.now());
  let policy = options.policy ?? FULL_ACCESS;
  const stats = emptyStats();

  const dir = await mkdtemp(path.join(tmpdir(), "pp-strict-s3-"));
  const store = new S3rver({ address: "127.0.0.1", port: 0, directory: dir, silent: true, configureBuckets: [{ name: bucket }] });
  const upstreamPort = (await store.run()).port;
  // No keep-alive: s3rver's close() would otherwise wait on idle sockets.
  const agent = new Agent({ keepAlive: false });

  function reject(req: IncomingMessage, res: ServerResponse, error: S3ErrorSpec, resource: string) {
    stats.rejected += 1;
    const requestId = newRequestId();
    const body = req.method === "HEAD" ? "" : errorXml(error, resource, requestId);
    res.writeHead(error.status, {
      "content-type": "application/xml",
      "x-amz-request-id": requestId,
      "content-length": Buffer.byteLength(body),
    });
    res.end(body);
  }

  /** s3rver skips SigV4 checks but still wants a parseable, current signature of a key it knows. */
  function forward(req: IncomingMessage, rawPath: string, rawQuery: string, body: Buffer): Promise<IncomingMessage> {
    const query = rawQuery.split("&").filter((pair) => pair !== "" && !pair.startsWith("X-Amz-"));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (!NOT_FORWARDED.has(name) && typeof value === "string") headers[name] = value;
    const date = formatAmzDate(Date.now());
    Object.assign(headers, {
      authorization: `AWS4-HMAC-SHA256 Credential=S3RVER/${date.slice(0, 8)}/${region}/s3/aws4_request, SignedHeaders=host, Signature=0`,
      "x-amz-date": date,
      "x-amz-content-sha256": UNSIGNED_PAYLOAD,
      "content-length": String(body.length),
    });
    const target = `${rawPath}${query.length > 0 ? `?${query.join("&")}` : ""}`;
    return new Promise((resolve, fail) => {
      const upstream = httpRequest({ host: "127.0.0.1", port: upstreamPort, method: req.method, path: target, headers, agent }, resolve);
      upstream.on("error", fail);
      upstream.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    stats.requests += 1;
    const body = await readBody(req);
    const target = req.url ?? "/";
    const q = target.indexOf("?");
    const [rawPath, rawQuery] = q < 0 ? [target, ""] : [target.slice(0, q), target.slice(q + 1)];
    const method = req.method ?? "GET";
    const auth = authenticate({ method, rawPath, rawQuery, headers: headerMap(req.rawHeaders), body }, { region, credentials, now: now() });
    if (!auth.ok) return reject(req, res, auth.error, rawPath);
    // The bucket is private: no bucket policy grants anything to anonymous callers.
    if (auth.accessKeyId === null) return reject(req, res, s3Error.accessDenied(), rawPath);
    const op = classify(
      method,
      rawPath,
      parseQuery(rawQuery).map(([name]) => name),
    );
    if (!allows(policy, op.action)) return reject(req, res, s3Error.accessDenied(), rawPath);

    const upstream = await forward(req, rawPath, rawQuery, body);
    const status = upstream.statusCode ?? 502;
    if (op.objectRead && status === 404 && !allows(policy, "s3:ListBucket")) {
      upstream.resume();
      return reject(req, res, s3Error.accessDenied(), rawPath);
    }
    res.writeHead(status, upstream.headers);
    if (op.objectRead && method === "GET" && status >= 200 && status < 300) {
      const presigned = rawQuery.includes("X-Amz-Signature=");
      stats.objectGets += 1;
      if (presigned) stats.presignedGets += 1;
      upstream.on("data", (chunk: Buffer) => {
        stats.objectBytesServed += chunk.length;
        if (presigned) stats.presignedBytesServed += chunk.length;
      });
    }
    upstream.pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        reject(
          req,
          res,
          { status: 500, code: "InternalError", message: `We encountered an internal error. Please try again. (${String(err)})` },
          req.url ?? "/",
        );
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    bucket,
    credentials: credentials[0]!,
    stats,
    setPolicy(next) {
      policy = next;
    },
    resetStats() {
      Object.assign(stats, emptyStats());
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
