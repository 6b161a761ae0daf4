// S3's error responses as the strict front sends them: the status and <Error><Code>... body of
// "Error responses" (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html, REST
// error responses and the list of error codes), with the messages S3 puts on the wire and the
// extra elements it adds for authentication failures, so the SDK raises the same typed errors
// (error.name === Code, $metadata.httpStatusCode === status) it raises against AWS.
import { randomBytes } from "node:crypto";

export interface S3ErrorSpec {
  status: number;
  code: string;
  message: string;
  /** Extra child elements of <Error>, in order (e.g. AWSAccessKeyId, StringToSign). */
  details?: Record<string, string>;
}

const err = (status: number, code: string, message: string, details?: Record<string, string>): S3ErrorSpec => ({
  status,
  code,
  message,
  details,
});

/** ISO 8601 without milliseconds, as S3 writes ServerTime and Expires. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const s3Error = {
  /** 403: a policy denies the action, the URL expired, or (without s3:ListBucket) the key is missing. */
  accessDenied: (message = "Access Denied", details?: Record<string, string>) => err(403, "AccessDenied", message, details),
  invalidAccessKeyId: (accessKeyId: string) =>
    err(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", { AWSAccessKeyId: accessKeyId }),
  signatureDoesNotMatch: (details: Record<string, string>) =>
    err(
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
      details,
    ),
  requestTimeTooSkewed: (requestTime: string, serverMs: number) =>
    err(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", {
      RequestTime: requestTime,
      ServerTime: isoSeconds(serverMs),
      MaxAllowedSkewMilliseconds: "900000",
    }),
  expired: (expires: string, expiresAtMs: number, serverMs: number) =>
    err(403, "AccessDenied", "Request has expired", {
      "X-Amz-Expires": expires,
      Expires: isoSeconds(expiresAtMs),
      ServerTime: isoSeconds(serverMs),
    }),
  headersNotSigned: (names: readonly string[]) =>
    err(403, "AccessDenied", "There were headers present in the request which were not signed", { HeadersNotSigned: names.join(", ") }),
  authorizationHeaderMalformed: (message: string, details?: Record<string, string>) =>
    err(400, "AuthorizationHeaderMalformed", `The authorization header is malformed; ${message}`, details),
  authorizationQueryParametersError: (message: string) => err(400, "AuthorizationQueryParametersError", message),
  invalidArgument: (message: string, name: string, value: string) =>
    err(400, "InvalidArgument", message, { ArgumentName: name, ArgumentValue: value }),
  invalidRequest: (message: string) => err(400, "InvalidRequest", message),
  contentSha256Mismatch: (client: string, computed: string) =>
    err(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", {
      ClientComputedContentSHA256: client,
      S3ComputedContentSHA256: computed,
    }),
  expiredToken: () => err(400, "ExpiredToken", "The provided token has expired."),
  invalidToken: () => err(400, "InvalidToken", "The provided token is malformed or otherwise invalid."),
  notImplemented: (message: string) => err(501, "NotImplemented", message),
};

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** S3's request ids: 16 uppercase hex characters. */
export const newRequestId = () => randomBytes(8).toString("hex").toUpperCase();

/** The XML body of an error for the request to `resource` (the request's path). */
export function errorXml(spec: S3ErrorSpec, resource: string, requestId: string): string {
  const fields: [string, string][] = [
    ["Code", spec.code],
    ["Message", spec.message],
    ...Object.entries(spec.details ?? {}),
    ["Resource", resource],
    ["RequestId", requestId],
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${fields.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join("")}</Error>`;
}
