// The strict front over HTTP with the real AWS SDK: its signatures pass the independent
// verifier, wrong ones fail with the errors AWS sends, and the policy behaves as IAM does for an
// object-only key (status codes and codes from https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
import {
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FULL_ACCESS, OBJECT_ONLY, startStrictS3, type S3Credential, type StrictS3 } from "./strict-s3";

let s3: StrictS3;

beforeAll(async () => {
  s3 = await startStrictS3();
});
afterAll(async () => {
  await s3?.close();
});
beforeEach(() => {
  s3.setPolicy(FULL_ACCESS);
  s3.resetStats();
});

const clientWith = (credentials: S3Credential = s3.credentials) =>
  new S3Client({
    region: s3.region,
    endpoint: s3.endpoint,
    credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

/** What the SDK raised: the S3 error code as its name, and the HTTP status. */
async function failure(p: Promise<unknown>): Promise<{ name: string; status: number | undefined }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof S3ServiceException)) throw new Error(`expected an S3 error, got ${String(err)}`);
  return { name: err.name, status: err.$metadata.httpStatusCode };
}

describe("strict S3 front", () => {
  it("accepts the SDK's header-signed and presigned requests and serves the objects", async () => {
    const client = clientWith();
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "a/b.png", Body: Buffer.from("0123456789") }));
    const res = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "a/b.png" }));
    expect(await res.Body?.transformToString()).toBe("0123456789");
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: s3.bucket, Key: "a/b.png" }), { expiresIn: 60 });
    expect(await (await fetch(url)).text()).toBe("0123456789");
    expect(s3.stats).toMatchObject({ rejected: 0, objectGets: 2, objectBytesServed: 20, presignedGets: 1, presignedBytesServed: 10 });
  });

  it("answers a wrong secret, an unknown key and an anonymous request as S3 does", async () => {
    const wrongSecret = clientWith({ ...s3.credentials, secretAccessKey: "not-the-secret" });
    expect(await failure(wrongSecret.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "a/b.png" })))).toEqual({
      name: "SignatureDoesNotMatch",
      status: 403,
    });
    const unknown = clientWith({ accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "x" });
    expect(await failure(unknown.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "a/b.png" })))).toEqual({
      name: "InvalidAccessKeyId",
      status: 403,
    });

    const anonymous = await fetch(`${s3.endpoint}/${s3.bucket}/a/b.png`);
    expect(anonymous.status).toBe(403);
    expect(anonymous.headers.get("content-type")).toBe("application/xml");
    expect(await anonymous.text()).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>AccessDenied<\/Code><Message>Access Denied<\/Message><Resource>\/pixelpatchwork-test\/a\/b.png<\/Resource><RequestId>[0-9A-F]{16}<\/RequestId><\/Error>$/,
    );
    expect(s3.stats.rejected).toBe(3);
  });

  it("with an object-only policy refuses bucket calls and hides missing objects behind 403", async () => {
    s3.setPolicy(OBJECT_ONLY);
    const client = clientWith();
    expect((await failure(client.send(new HeadBucketCommand({ Bucket: s3.bucket })))).status).toBe(403);
    expect(await failure(client.send(new ListObjectsV2Command({ Bucket: s3.bucket })))).toEqual({ name: "AccessDenied", status: 403 });
    expect(await failure(client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "no/such.png" })))).toEqual({
      name: "AccessDenied",
      status: 403,
    });

    s3.setPolicy({ allow: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"] });
    expect(await failure(client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "no/such.png" })))).toEqual({
      name: "NoSuchKey",
      status: 404,
    });
  });

  it("refuses a GET the policy does not grant even when the object exists", async () => {
    const client = clientWith();
    await client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: "exists.png", Body: Buffer.from("x") }));
    s3.setPolicy({ allow: ["s3:PutObject", "s3:DeleteObject"] });
    expect(await failure(client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: "exists.png" })))).toEqual({
      name: "AccessDenied",
      status: 403,
    });
  });
});
