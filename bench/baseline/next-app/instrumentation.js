// No start-up work. Turbopack, rooted at the repository (see next.config.mjs), would otherwise
// take the app's own instrumentation.ts as this one's.
export function register() {}
