// The strict S3 front's verifier against AWS's own published SigV4 examples, then against the
// tampering, expiry and clock rules S3 enforces. Example values are copied from:
// - "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk",
//   section "Examples: Signature Calculations" (GET Object, PUT Object, GET Bucket Lifecycle, Get
//   Bucket (List Objects)): https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
// - "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", section "An
//   Example" (presigned GET of examplebucket/test.txt, 86400 s):
//   https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
import { describe, expect, it } from "vitest";
import { authenticate, type AuthResult, type SignedRequest } from "./s3-auth";
import { canonicalRequest, EMPTY_SHA256, parseQuery, sha256Hex } from "./s3-sigv4";

const credential = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const AT = Date.UTC(2013, 4, 24); // 20130524T000000Z, the examples' signing time
const ctx = (now = AT, credentials = [credential]) => ({ region: "us-east-1", credentials, now });
const HOST = "examplebucket.s3.amazonaws.com";
const scope = "AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request";

function request(method: string, target: string, headers: Record<string, string>, body = ""): SignedRequest {
  const q = target.indexOf("?");
  return {
    method,
    rawPath: q < 0 ? target : target.slice(0, q),
    rawQuery: q < 0 ? "" : target.slice(q + 1),
    headers: new Map(Object.entries({ host: HOST, ...headers }).map(([k, v]) => [k.toLowerCase(), [v]])),
    body: Buffer.from(body),
  };
}
const auth = (signed: string, sig: string) => `AWS4-HMAC-SHA256 Credential=${scope},SignedHeaders=${signed},Signature=${sig}`;
const errorOf = (r: AuthResult) => (r.ok ? null : { status: r.error.status, code: r.error.code, message: r.error.message });

// Example: GET Object (the first 10 bytes of examplebucket/test.txt).
const getObject = (overrides: Record<string, string> = {}) =>
  request("GET", "/test.txt", {
    Range: "bytes=0-9",
    "x-amz-content-sha256": EMPTY_SHA256,
    "x-amz-date": "20130524T000000Z",
    Authorization: auth("host;range;x-amz-content-sha256;x-amz-date", "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
    ...overrides,
  });

// Example: PUT Object ("Welcome to Amazon S3." to examplebucket/test$file.text).
const PUT_BODY = "Welcome to Amazon S3.";
const PUT_HASH = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
const putObject = (body = PUT_BODY) =>
  request(
    "PUT",
    "/test%24file.text",
    {
      Date: "Fri, 24 May 2013 00:00:00 GMT",
      "x-amz-date": "20130524T000000Z",
      "x-amz-storage-class": "REDUCED_REDUNDANCY",
      "x-amz-content-sha256": PUT_HASH,
      Authorization: auth(
        "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
      ),
    },
    body,
  );

// Presigned example.
const PRESIGNED =
  "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request" +
  "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host" +
  "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
const presigned = (target = PRESIGNED) => request("GET", target, {});

describe("SigV4 verifier: AWS's published examples", () => {
  it("reproduces the canonical requests AWS prints (by their SHA-256)", () => {
    const canonicalOf = (r: SignedRequest, signed: string[], payloadHash: string, omit = "") =>
      canonicalRequest({
        method: r.method,
        rawPath: r.rawPath,
        query: parseQuery(r.rawQuery).filter(([k]) => k !== omit),
        headers: r.headers,
        signedHeaders: signed,
        payloadHash,
      });
    expect(sha256Hex(canonicalOf(getObject(), ["host", "range", "x-amz-content-sha256", "x-amz-date"], EMPTY_SHA256))).toBe(
      "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
    );
    expect(
      sha256Hex(canonicalOf(putObject(), ["date", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-storage-class"], PUT_HASH)),
    ).toBe("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
    expect(sha256Hex(canonicalOf(presigned(), ["host"], "UNSIGNED-PAYLOAD", "X-Amz-Signature"))).toBe(
      "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04",
    );
  });

  it("accepts the GET Object, PUT Object, GET Bucket Lifecycle and List Objects examples", () => {
    const bucketGet = (target: string, sig: string) =>
      request("GET", target, {
        "x-amz-content-sha256": EMPTY_SHA256,
        "x-amz-date": "20130524T000000Z",
        Authorization: auth("host;x-amz-content-sha256;x-amz-date", sig),
      });
    expect(sha256Hex(PUT_BODY)).toBe(PUT_HASH);
    for (const r of [
      getObject(),
      putObject(),
      bucketGet("/?lifecycle", "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
      bucketGet("/?max-keys=2&prefix=J", "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"),
    ]) {
      expect(authenticate(r, ctx())).toEqual({ ok: true, accessKeyId: "AKIAIOSFODNN7EXAMPLE" });
    }
  });

  it("accepts the presigned URL example until it expires, then answers S3's 'Request has expired'", () => {
    expect(authenticate(presigned(), ctx())).toEqual({ ok: true, accessKeyId: "AKIAIOSFODNN7EXAMPLE" });
    expect(authenticate(presigned(), ctx(AT + 86_400_000))).toMatchObject({ ok: true });
    const expired = authenticate(presigned(), ctx(AT + 86_401_000));
    expect(expired).toMatchObject({
      ok: false,
      error: {
        status: 403,
        code: "AccessDenied",
        message: "Request has expired",
        details: { "X-Amz-Expires": "86400", Expires: "2013-05-25T00:00:00Z", ServerTime: "2013-05-25T00:00:01Z" },
      },
    });
  });
});

describe("SigV4 verifier: what S3 refuses", () => {
  it("answers SignatureDoesNotMatch (403) for a changed header, path, query or secret", () => {
    const mismatch = {
      status: 403,
      code: "SignatureDoesNotMatch",
      message: expect.stringMatching(/does not match the signature you provided/),
    };
    expect(errorOf(authenticate(getObject({ Range: "bytes=0-99" }), ctx()))).toEqual(mismatch);
    expect(errorOf(authenticate({ ...getObject(), rawPath: "/test.txt2" }, ctx()))).toEqual(mismatch);
    expect(errorOf(authenticate(presigned(PRESIGNED.replace("/test.txt", "/other.txt")), ctx()))).toEqual(mismatch);
    expect(errorOf(authenticate(presigned(PRESIGNED.replace("Expires=86400", "Expires=86401")), ctx()))).toEqual(mismatch);
    expect(errorOf(authenticate(presigned(), ctx(AT, [{ ...credential, secretAccessKey: "another-secret" }])))).toEqual(mismatch);
    const failed = authenticate(getObject({ Range: "bytes=0-99" }), ctx());
    expect(failed.ok ? null : failed.error.details).toMatchObject({
      AWSAccessKeyId: "AKIAIOSFODNN7EXAMPLE",
      CanonicalRequest: expect.stringContaining("range:bytes=0-99"),
    });
  });

  it("answers InvalidAccessKeyId (403) for a key it does not know", () => {
    expect(errorOf(authenticate(getObject(), ctx(AT, [{ ...credential, accessKeyId: "AKIAOTHERKEY0000000" }])))).toEqual({
      status: 403,
      code: "InvalidAccessKeyId",
      message: "The AWS Access Key Id you provided does not exist in our records.",
    });
  });

  it("refuses X-Amz-Expires beyond seven days before looking at the signature", () => {
    const week = PRESIGNED.replace("Expires=86400", "Expires=604801");
    expect(errorOf(authenticate(presigned(week), ctx()))).toEqual({
      status: 400,
      code: "AuthorizationQueryParametersError",
      message: expect.stringContaining("must be less than 604800 seconds"),
    });
  });

  it("answers RequestTimeTooSkewed (403) when a header-signed request is over 15 minutes off", () => {
    expect(authenticate(getObject(), ctx(AT + 15 * 60_000))).toMatchObject({ ok: true });
    expect(errorOf(authenticate(getObject(), ctx(AT + 15 * 60_000 + 1000)))).toMatchObject({ status: 403, code: "RequestTimeTooSkewed" });
    expect(errorOf(authenticate(getObject(), ctx(AT - 16 * 60_000)))).toMatchObject({ status: 403, code: "RequestTimeTooSkewed" });
  });

  it("answers XAmzContentSHA256Mismatch (400) when the body is not the one whose hash was signed", () => {
    expect(errorOf(authenticate(putObject("Welcome to Amazon S4."), ctx()))).toMatchObject({
      status: 400,
      code: "XAmzContentSHA256Mismatch",
    });
  });

  it("refuses unsigned x-amz-* headers, a missing content hash, a wrong region and two mechanisms at once", () => {
    expect(authenticate(getObject({ "x-amz-meta-extra": "1" }), ctx())).toMatchObject({
      ok: false,
      error: { status: 403, code: "AccessDenied", details: { HeadersNotSigned: "x-amz-meta-extra" } },
    });
    const noHash = getObject();
    (noHash.headers as Map<string, string[]>).delete("x-amz-content-sha256");
    expect(errorOf(authenticate(noHash, ctx()))).toMatchObject({ status: 400, code: "InvalidRequest" });
    expect(errorOf(authenticate(getObject(), { ...ctx(), region: "eu-west-1" }))).toMatchObject({
      status: 400,
      code: "AuthorizationHeaderMalformed",
      message: expect.stringContaining("the region 'us-east-1' is wrong; expecting 'eu-west-1'"),
    });
    const both = presigned();
    (both.headers as Map<string, string[]>).set("authorization", [auth("host", "0".repeat(64))]);
    expect(errorOf(authenticate(both, ctx()))).toMatchObject({ status: 400, code: "InvalidArgument" });
  });

  it("answers ExpiredToken (400) for a temporary key whose session has ended", () => {
    const temporary = { ...credential, sessionToken: "token-1", sessionExpiresAt: AT };
    const url = presigned(PRESIGNED.replace("&X-Amz-Signature", "&X-Amz-Security-Token=token-1&X-Amz-Signature"));
    expect(errorOf(authenticate(url, ctx(AT, [temporary])))).toEqual({
      status: 400,
      code: "ExpiredToken",
      message: "The provided token has expired.",
    });
    expect(errorOf(authenticate(presigned(), ctx(AT, [temporary])))).toMatchObject({ code: "InvalidAccessKeyId" });
  });

  it("treats a request with no signature at all as anonymous", () => {
    expect(authenticate(request("GET", "/test.txt", {}), ctx())).toEqual({ ok: true, accessKeyId: null });
  });
});
