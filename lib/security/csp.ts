import type { Env } from "@/lib/env";

/** Where images may load from besides this origin: the S3 bucket or CDN in front of it. */
export function imageOrigins(env: Env): string[] {
  if (env.STORAGE_DRIVER !== "s3") return [];
  if (env.S3_PUBLIC_BASE_URL) return [new URL(env.S3_PUBLIC_BASE_URL).origin];
  if (env.S3_ENDPOINT) {
    const endpoint = new URL(env.S3_ENDPOINT);
    // Virtual-hosted addressing puts the bucket in the host name.
    return [env.S3_FORCE_PATH_STYLE ? endpoint.origin : `${endpoint.protocol}//${env.S3_BUCKET}.${endpoint.host}`];
  }
  return [`https://${env.S3_BUCKET}.s3.${env.S3_REGION}.amazonaws.com`];
}

/** Where sign-in forms may send the browser (form-action also covers the redirect to a provider). */
function signInOrigins(env: Env): string[] {
  return [...(env.GITHUB_ID ? ["https://github.com"] : []), ...(env.GOOGLE_CLIENT_ID ? ["https://accounts.google.com"] : [])];
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next puts
 * it on its own scripts, read from the request's CSP header) or when loaded by such a script
 * ('strict-dynamic'); no inline script without it, no eval outside development. Styles allow
 * inline because React's style attributes and the canvas editor's layout need them; styles
 * cannot run code.
 */
export function pageCsp(env: Env, nonce: string): string {
  const dev = env.NODE_ENV === "development";
  const secure = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' blob: data:", ...imageOrigins(env)].join(" "),
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "font-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...signInOrigins(env)].join(" "),
    `frame-ancestors ${frameAncestors(env)}`,
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** For responses that are not pages (JSON, files): nothing may load, run or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** FRAME_ANCESTORS as a CSP source list: 'self' plus the crowd platforms allowed to embed us. */
export function frameAncestors(env: Env): string {
  return ["'self'", ...env.FRAME_ANCESTORS].join(" ");
}
