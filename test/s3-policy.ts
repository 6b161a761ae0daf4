// Which IAM action each S3 request needs, and a policy that grants a set of them. Names follow
// "Actions, resources, and condition keys for Amazon S3"
// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html) and the
// "Permissions" sections of the S3 API Reference: HeadBucket and ListObjectsV2 need s3:ListBucket
// on the bucket; GetObject/HeadObject need s3:GetObject, PutObject (and multipart parts)
// s3:PutObject, DeleteObject(s) s3:DeleteObject on bucket/*; and "If you don't have the
// s3:ListBucket permission, Amazon S3 returns an HTTP status code 403 Access Denied error" for an
// object that does not exist (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html).

export type S3Action =
  | "s3:ListAllMyBuckets"
  | "s3:CreateBucket"
  | "s3:ListBucket"
  | "s3:GetBucketLocation"
  | "s3:GetObject"
  | "s3:PutObject"
  | "s3:DeleteObject"
  | "s3:AbortMultipartUpload"
  /** Bucket configuration calls the stand-in does not model; no policy but full access grants them. */
  | "s3:Unmodelled";

export interface S3Policy {
  /** "*" grants every action, like an administrator's key. */
  allow: "*" | readonly S3Action[];
}

export const FULL_ACCESS: S3Policy = { allow: "*" };

/** The least-privilege policy the app is meant to run with: object actions on bucket/* only. */
export const OBJECT_ONLY: S3Policy = { allow: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"] };

export function allows(policy: S3Policy, action: S3Action): boolean {
  return policy.allow === "*" || policy.allow.includes(action);
}

export interface ClassifiedRequest {
  action: S3Action;
  bucket?: string;
  key?: string;
  /** GET/HEAD of an object: the request whose 404 S3 hides behind 403 without s3:ListBucket. */
  objectRead: boolean;
}

/** Path-style requests only: the stand-in listens on an IP address, where the SDK never uses virtual hosts. */
export function classify(method: string, rawPath: string, queryNames: readonly string[]): ClassifiedRequest {
  const [, bucket = "", ...rest] = rawPath.split("/");
  const key = rest.length > 0 && rest.join("/") !== "" ? rest.join("/") : undefined;
  const has = (name: string) => queryNames.includes(name);
  if (bucket === "") return { action: method === "GET" ? "s3:ListAllMyBuckets" : "s3:Unmodelled", objectRead: false };
  if (key === undefined) {
    if (method === "PUT" && queryNames.length === 0) return { action: "s3:CreateBucket", bucket, objectRead: false };
    if (method === "POST" && has("delete")) return { action: "s3:DeleteObject", bucket, objectRead: false };
    if (method === "GET" && has("location")) return { action: "s3:GetBucketLocation", bucket, objectRead: false };
    const listing = (method === "GET" || method === "HEAD") && !queryNames.some((n) => BUCKET_SUBRESOURCES.has(n));
    return { action: listing ? "s3:ListBucket" : "s3:Unmodelled", bucket, objectRead: false };
  }
  if (method === "GET" || method === "HEAD") return { action: "s3:GetObject", bucket, key, objectRead: !has("uploadId") };
  if (method === "PUT" || method === "POST") return { action: "s3:PutObject", bucket, key, objectRead: false };
  if (method === "DELETE")
    return { action: has("uploadId") ? "s3:AbortMultipartUpload" : "s3:DeleteObject", bucket, key, objectRead: false };
  return { action: "s3:Unmodelled", bucket, key, objectRead: false };
}

/** Query names that turn a bucket GET into a configuration call rather than a listing. */
const BUCKET_SUBRESOURCES = new Set([
  "acl",
  "cors",
  "lifecycle",
  "policy",
  "tagging",
  "versioning",
  "website",
  "logging",
  "notification",
  "replication",
  "encryption",
  "uploads",
  "versions",
]);
