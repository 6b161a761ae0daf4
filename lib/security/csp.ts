import type { Env } from "@/lib/server/env";
// Relative, not "@/": next.config.ts imports this file, and its loader knows no path aliases.
import { MTURK_ORIGINS } from "../validations/constants";
import { configuredHttps } from "./session-cookie";

/**
 * Where forms may send the browser: the sign-in providers (form-action also covers the redirect to
 * a provider), and MTurk's externalSubmit, where a worker's finished assignment is posted.
 */
function formOrigins(env: Env): string[] {
  return [
    ...(env.GITHUB_ID ? ["https://github.com"] : []),
    ...(env.GOOGLE_CLIENT_ID ? ["https://accounts.google.com"] : []),
    ...MTURK_ORIGINS,
    ...env.MTURK_SUBMIT_ORIGINS,
  ];
}

/**
 * The Content-Security-Policy of a page. Scripts run only with this response's nonce (Next puts
 * it on its own scripts, read from the request's CSP header) or when loaded by such a script
 * ('strict-dynamic'); no inline script without it, no eval outside development. Styles allow
 * inline because React's style attributes and the canvas editor's layout need them; styles
 * cannot run code. Images may also come from `imageOrigins`: the storage's own account of where
 * its URLs point (Storage.origins()), never a guess from the configuration.
 */
export function pageCsp(env: Env, nonce: string, imageOrigins: readonly string[]): string {
  const dev = env.NODE_ENV === "development";
  const secure = configuredHttps(env);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' blob: data:", ...imageOrigins].join(" "),
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "font-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...formOrigins(env)].join(" "),
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
