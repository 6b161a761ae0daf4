// The bare Next.js app of the vote benchmark's floor: one route handler doing the vote
// transaction (../vote-tx.mjs), built by the benchmark with the project's own `next`. It is never
// part of the app; it shows what Next.js itself costs around the same database work.
import { fileURLToPath } from "node:url";

/** @type {import("next").NextConfig} */
const config = {
  poweredByHeader: false,
  serverExternalPackages: ["mariadb"],
  // The shared transaction module and node_modules live above this folder, in the repository.
  turbopack: { root: fileURLToPath(new URL("../../..", import.meta.url)) },
  outputFileTracingRoot: fileURLToPath(new URL("../../..", import.meta.url)),
};

export default config;
