// The checks S3 makes on every SigV4 request, whichever way it carries its signature (the
// Authorization header or presigned query parameters): see ./s3-auth for the order they run in.
import { canonicalRequest, credentialScope, signature, stringToSign } from "./s3-sigv4";
import { s3Error, type S3ErrorSpec } from "./s3-errors";

/** An access key the stand-in knows. With a session token it is temporary, as STS keys are. */
export interface S3Credential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch milliseconds after which the session token answers ExpiredToken. */
  sessionExpiresAt?: number;
}

/** A request as it reached the server, before anything was decoded or normalised. */
export interface SignedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** Lowercased header name -> every value it was sent with, in order. */
  headers: ReadonlyMap<string, readonly string[]>;
  body: Buffer;
}

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
}

/** AKID/YYYYMMDD/region/service/aws4_request, or null when it does not have that shape. */
export function parseCredential(value: string): CredentialScope | null {
  const parts = value.split("/");
  if (parts.length !== 5 || parts.some((p) => p === "")) return null;
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  return /^\d{8}$/.test(date) ? { accessKeyId, date, region, service, terminator } : null;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** yyyyMMdd'T'HHmmss'Z' -> epoch milliseconds, or null. */
export function parseAmzDate(value: string): number | null {
  const m = AMZ_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

export const formatAmzDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

export const firstHeader = (req: SignedRequest, name: string) => req.headers.get(name)?.[0];

/** Temporary keys must bring their own, current session token; long-term keys must not bring one. */
export function checkSessionToken(credential: S3Credential, provided: string | undefined, now: number): S3ErrorSpec | null {
  if (credential.sessionToken === undefined) return provided === undefined ? null : s3Error.invalidToken();
  if (provided === undefined) return s3Error.invalidAccessKeyId(credential.accessKeyId);
  if (provided !== credential.sessionToken) return s3Error.invalidToken();
  if (credential.sessionExpiresAt !== undefined && now >= credential.sessionExpiresAt) return s3Error.expiredToken();
  return null;
}

/** S3 refuses a request whose Host or x-amz-* headers are not all covered by the signature. */
export function checkHeadersSigned(req: SignedRequest, signedHeaders: readonly string[]): S3ErrorSpec | null {
  const unsigned = [...req.headers.keys()].filter(
    (name) => (name === "host" || name.startsWith("x-amz-")) && !signedHeaders.includes(name),
  );
  return unsigned.length > 0 ? s3Error.headersNotSigned(unsigned) : null;
}

const spacedHex = (s: string) =>
  Buffer.from(s, "utf8")
    .toString("hex")
    .replace(/(..)(?!$)/g, "$1 ");

export interface SignatureInput {
  req: SignedRequest;
  query: readonly (readonly [string, string])[];
  scope: CredentialScope;
  secretAccessKey: string;
  amzDate: string;
  signedHeaders: readonly string[];
  payloadHash: string;
  provided: string;
}

/** Recomputes the signature; on a mismatch, answers with what S3 shows: both strings it signed. */
export function checkSignature(input: SignatureInput): S3ErrorSpec | null {
  const { req, scope } = input;
  const canonical = canonicalRequest({
    method: req.method,
    rawPath: req.rawPath,
    query: input.query,
    headers: req.headers,
    signedHeaders: input.signedHeaders,
    payloadHash: input.payloadHash,
  });
  const toSign = stringToSign(input.amzDate, credentialScope(scope.date, scope.region, scope.service), canonical);
  const expected = signature(input.secretAccessKey, scope.date, scope.region, scope.service, toSign);
  if (expected === input.provided) return null;
  return s3Error.signatureDoesNotMatch({
    AWSAccessKeyId: scope.accessKeyId,
    StringToSign: toSign,
    SignatureProvided: input.provided,
    StringToSignBytes: spacedHex(toSign),
    CanonicalRequest: canonical,
    CanonicalRequestBytes: spacedHex(canonical),
  });
}
