// Authenticates a request as Amazon S3 does for SigV4, either from the Authorization header
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html)
// or from presigned query parameters
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html), answering
// with S3's own error codes. Order: shape, access key, session token, time, scope, signed
// headers, signature, and last the body's hash (a valid signature over a wrong body is 400).
import { ALGORITHM, parseQuery, sha256Hex, UNSIGNED_PAYLOAD } from "./s3-sigv4";
import { s3Error, type S3ErrorSpec } from "./s3-errors";
import {
  checkHeadersSigned,
  checkSessionToken,
  checkSignature,
  firstHeader,
  formatAmzDate,
  parseAmzDate,
  parseCredential,
  type CredentialScope,
  type S3Credential,
  type SignedRequest,
} from "./s3-auth-checks";

export type { S3Credential, SignedRequest } from "./s3-auth-checks";

export interface AuthContext {
  region: string;
  credentials: readonly S3Credential[];
  /** The server's clock, epoch milliseconds. */
  now: number;
}

/** accessKeyId is null for an anonymous request (no signature at all). */
export type AuthResult = { ok: true; accessKeyId: string | null } | { ok: false; error: S3ErrorSpec };

/** Header-signed requests may be this far from the server's clock, either way. */
export const MAX_SKEW_MS = 15 * 60_000;
/** The longest X-Amz-Expires S3 accepts: seven days. */
export const MAX_EXPIRES_SECONDS = 604_800;

const fail = (error: S3ErrorSpec): AuthResult => ({ ok: false, error });
const UNSUPPORTED = "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.";

/** Checks that the scope names this endpoint; `wrong` words the message for header or query. */
function checkScope(scope: CredentialScope, region: string, wrong: (what: string) => S3ErrorSpec): S3ErrorSpec | null {
  if (scope.region !== region) return wrong(`the region '${scope.region}' is wrong; expecting '${region}'`);
  if (scope.service !== "s3") return wrong(`incorrect service '${scope.service}'. This endpoint belongs to 's3'.`);
  if (scope.terminator !== "aws4_request") return wrong(`incorrect terminal '${scope.terminator}'. This endpoint uses 'aws4_request'.`);
  return null;
}

function viaHeader(req: SignedRequest, ctx: AuthContext, authorization: string): AuthResult {
  if (/^AWS \S/.test(authorization)) return fail(s3Error.invalidRequest(UNSUPPORTED));
  if (!authorization.startsWith(`${ALGORITHM} `))
    return fail(s3Error.invalidArgument("Unsupported Authorization Type", "Authorization", authorization));
  const fields = new Map(
    authorization
      .slice(ALGORITHM.length + 1)
      .split(",")
      .map((part) => part.trim().split(/=(.*)/s, 2) as [string, string]),
  );
  const [credential, signed, provided] = [fields.get("Credential"), fields.get("SignedHeaders"), fields.get("Signature")];
  if (!credential || !signed || !provided) {
    return fail(
      s3Error.authorizationHeaderMalformed("the authorization header requires three components: Credential, SignedHeaders, and Signature."),
    );
  }
  const scope = parseCredential(credential);
  if (!scope)
    return fail(
      s3Error.authorizationHeaderMalformed('the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".'),
    );
  const key = ctx.credentials.find((c) => c.accessKeyId === scope.accessKeyId);
  if (!key) return fail(s3Error.invalidAccessKeyId(scope.accessKeyId));
  const tokenError = checkSessionToken(key, firstHeader(req, "x-amz-security-token"), ctx.now);
  if (tokenError) return fail(tokenError);

  const amzDateHeader = firstHeader(req, "x-amz-date");
  const dateHeader = firstHeader(req, "date");
  const requestMs = amzDateHeader !== undefined ? parseAmzDate(amzDateHeader) : dateHeader !== undefined ? Date.parse(dateHeader) : null;
  if (requestMs === null || !Number.isFinite(requestMs))
    return fail(s3Error.accessDenied("AWS authentication requires a valid Date or x-amz-date header"));
  if (Math.abs(ctx.now - requestMs) > MAX_SKEW_MS) return fail(s3Error.requestTimeTooSkewed(amzDateHeader ?? dateHeader ?? "", ctx.now));
  const amzDate = amzDateHeader ?? formatAmzDate(requestMs);
  if (scope.date !== amzDate.slice(0, 8))
    return fail(s3Error.authorizationHeaderMalformed("Invalid credential date. Date is not the same as X-Amz-Date."));
  const scopeError = checkScope(scope, ctx.region, (what) => s3Error.authorizationHeaderMalformed(what, { Region: ctx.region }));
  if (scopeError) return fail(scopeError);

  const contentSha = firstHeader(req, "x-amz-content-sha256");
  if (contentSha === undefined) return fail(s3Error.invalidRequest("Missing required header for this request: x-amz-content-sha256"));
  // Chunked uploads sign each chunk separately; the app's client never sends them
  // (requestChecksumCalculation: WHEN_REQUIRED), so the stand-in refuses rather than skips them.
  if (contentSha.startsWith("STREAMING-"))
    return fail(s3Error.notImplemented(`The strict S3 stand-in does not accept ${contentSha} bodies`));
  const hashed = /^[0-9a-fA-F]{64}$/.test(contentSha);
  if (contentSha !== UNSIGNED_PAYLOAD && !hashed) {
    return fail(
      s3Error.invalidArgument(
        "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.",
        "x-amz-content-sha256",
        contentSha,
      ),
    );
  }

  const signedHeaders = signed.split(";");
  const problem =
    checkHeadersSigned(req, signedHeaders) ??
    checkSignature({
      req,
      query: parseQuery(req.rawQuery),
      scope,
      secretAccessKey: key.secretAccessKey,
      amzDate,
      signedHeaders,
      payloadHash: contentSha,
      provided,
    });
  if (problem) return fail(problem);
  if (hashed) {
    const computed = sha256Hex(req.body);
    if (contentSha.toLowerCase() !== computed) return fail(s3Error.contentSha256Mismatch(contentSha, computed));
  }
  return { ok: true, accessKeyId: key.accessKeyId };
}

function viaQuery(req: SignedRequest, ctx: AuthContext, query: [string, string][]): AuthResult {
  const param = (name: string) => query.find(([k]) => k === name)?.[1];
  const bad = (message: string) => fail(s3Error.authorizationQueryParametersError(message));
  if (param("X-Amz-Algorithm") !== ALGORITHM) return bad('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  const [credential, amzDate, expires, signed, provided] = [
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-SignedHeaders",
    "X-Amz-Signature",
  ].map(param);
  if (credential === undefined || amzDate === undefined || expires === undefined || signed === undefined || provided === undefined) {
    return bad(
      "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
    );
  }
  const scope = parseCredential(credential);
  if (!scope)
    return bad(
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    );
  const requestMs = parseAmzDate(amzDate);
  if (requestMs === null) return bad("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
  if (/^-\d+$/.test(expires)) return bad("X-Amz-Expires must be non-negative");
  if (!/^\d+$/.test(expires)) return bad("X-Amz-Expires should be a number");
  if (Number(expires) > MAX_EXPIRES_SECONDS) {
    return bad("X-Amz-Expires must be less than a week (in seconds) that is, the given X-Amz-Expires must be less than 604800 seconds");
  }
  const key = ctx.credentials.find((c) => c.accessKeyId === scope.accessKeyId);
  if (!key) return fail(s3Error.invalidAccessKeyId(scope.accessKeyId));
  const tokenError = checkSessionToken(key, param("X-Amz-Security-Token"), ctx.now);
  if (tokenError) return fail(tokenError);
  const expiresAt = requestMs + Number(expires) * 1000;
  if (ctx.now > expiresAt) return fail(s3Error.expired(expires, expiresAt, ctx.now));
  if (scope.date !== amzDate.slice(0, 8))
    return bad(`Invalid credential date "${scope.date}". This date is not the same as X-Amz-Date: "${amzDate.slice(0, 8)}".`);
  const scopeError = checkScope(scope, ctx.region, (what) =>
    s3Error.authorizationQueryParametersError(`Error parsing the X-Amz-Credential parameter; ${what}`),
  );
  if (scopeError) return fail(scopeError);

  const signedHeaders = signed.split(";");
  const problem =
    checkHeadersSigned(req, signedHeaders) ??
    checkSignature({
      req,
      // Everything but the signature itself is signed, X-Amz-Content-Sha256 included when present.
      query: query.filter(([k]) => k !== "X-Amz-Signature"),
      scope,
      secretAccessKey: key.secretAccessKey,
      amzDate,
      signedHeaders,
      payloadHash: UNSIGNED_PAYLOAD,
      provided,
    });
  return problem ? fail(problem) : { ok: true, accessKeyId: key.accessKeyId };
}

/** Verifies the request's SigV4 signature as S3 would; a request with none is anonymous. */
export function authenticate(req: SignedRequest, ctx: AuthContext): AuthResult {
  const query = parseQuery(req.rawQuery);
  const authorization = firstHeader(req, "authorization");
  const presigned = query.some(([k]) => k === "X-Amz-Algorithm" || k === "X-Amz-Credential" || k === "X-Amz-Signature");
  if (authorization !== undefined && presigned) {
    return fail(
      s3Error.invalidArgument(
        "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
        "Authorization",
        authorization,
      ),
    );
  }
  if (authorization !== undefined) return viaHeader(req, ctx, authorization);
  if (presigned) return viaQuery(req, ctx, query);
  if (query.some(([k]) => k === "Signature" || k === "AWSAccessKeyId")) return fail(s3Error.invalidRequest(UNSUPPORTED));
  return { ok: true, accessKeyId: null };
}
