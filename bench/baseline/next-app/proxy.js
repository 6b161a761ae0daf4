// Matches no request. Turbopack, rooted at the repository (see next.config.mjs), would otherwise
// take the app's own proxy.ts as this one's, as it would its instrumentation.ts (instrumentation.js).
export function proxy() {}

export const config = { matcher: "/__bare-next-has-no-proxy" };
