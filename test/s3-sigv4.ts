// AWS Signature Version 4 as Amazon S3 computes it, written from AWS's documentation with
// node:crypto only (no SDK code), so the SDK's signatures are checked by an independent
// implementation:
// - https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
// - https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
// S3 differs from other services in two ways that matter here: the path is URI-encoded once (not
// twice) and is never normalised, and presigned requests sign the literal UNSIGNED-PAYLOAD.
import { createHash, createHmac } from "node:crypto";

export const ALGORITHM = "AWS4-HMAC-SHA256";
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** UriEncode() of the documentation: every byte but A-Z a-z 0-9 - . _ ~ as %XY, uppercase hex. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes %XY escapes; a malformed escape stays as sent (and then cannot match a signature). */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** CanonicalURI: each segment of the raw path decoded, then encoded once; "/" kept, nothing normalised. */
export function canonicalUri(rawPath: string): string {
  const path = rawPath === "" ? "/" : rawPath;
  return path
    .split("/")
    .map((segment) => uriEncode(decode(segment)))
    .join("/");
}

/** The raw query string as decoded [name, value] pairs, in the order sent. */
export function parseQuery(rawQuery: string): [string, string][] {
  if (rawQuery === "") return [];
  return rawQuery.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    return eq < 0 ? [decode(pair), ""] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
  });
}

/** CanonicalQueryString: encoded names and values, sorted by name then value; "name=" when empty. */
export function canonicalQuery(params: readonly (readonly [string, string])[]): string {
  const encoded = params.map(([name, value]) => [uriEncode(name), uriEncode(value)] as const);
  encoded.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return encoded.map(([name, value]) => `${name}=${value}`).join("&");
}

/** A header's values as signed: each trimmed, inner runs of spaces collapsed, joined with ",". */
export function canonicalHeaderValue(values: readonly string[]): string {
  return values.map((v) => v.trim().replace(/ +/g, " ")).join(",");
}

export interface CanonicalRequestParts {
  method: string;
  rawPath: string;
  query: readonly (readonly [string, string])[];
  /** Lowercased header name -> every value it was sent with, in order. */
  headers: ReadonlyMap<string, readonly string[]>;
  signedHeaders: readonly string[];
  payloadHash: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  const headerLines = parts.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(parts.headers.get(name) ?? [])}\n`);
  return [
    parts.method,
    canonicalUri(parts.rawPath),
    canonicalQuery(parts.query),
    headerLines.join(""),
    parts.signedHeaders.join(";"),
    parts.payloadHash,
  ].join("\n");
}

/** <date>/<region>/s3/aws4_request */
export function credentialScope(date: string, region: string, service = "s3"): string {
  return `${date}/${region}/${service}/aws4_request`;
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join("\n");
}

const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

/** The hex signature of `toSign` under the key derived from the secret and the credential scope. */
export function signature(secretAccessKey: string, date: string, region: string, service: string, toSign: string): string {
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), "aws4_request");
  return createHmac("sha256", signingKey).update(toSign, "utf8").digest("hex");
}
