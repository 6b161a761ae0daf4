import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP } from "./lib/security/csp";
import { IMAGE_WORKER_DIR } from "./lib/imagegen/work/worker-file";
import { buildImageWorker } from "./scripts/image-worker";

// On every response. Pages also get a nonce-based Content-Security-Policy from proxy.ts;
// everything else (JSON, stored files, build assets) gets the locked-down one below.
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];
const notAPage = [{ key: "Content-Security-Policy", value: API_CSP }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      ...["/api/:path*", "/files/:path*", "/_next/static/:path*", "/_next/image", "/icon.svg"].map((source) => ({
        source,
        headers: notAPage,
      })),
    ];
  },
  reactStrictMode: true,
  // sharp and the mariadb driver are native/Node-only; keep them out of the server bundle. piscina
  // starts its threads from a file beside its own code, which must stay where npm put it.
  serverExternalPackages: ["sharp", "mariadb", "piscina"],
  // Worker threads load the image worker by path at run time, which no import shows the tracer:
  // name it, and what it loads, for the functions that generate (Vercel copies only traced files).
  outputFileTracingIncludes: {
    "/create": [`./${IMAGE_WORKER_DIR}/**`, "./node_modules/piscina/**", "./node_modules/sharp/**", "./node_modules/@img/**"],
  },
  // Benchmarks build into their own folder so they never clobber a dev or test build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // A mask at the largest seed size is a few hundred KB as PNG; 9 MB leaves room for any
    // honest mask while lib/mask refuses anything larger than it accepts.
    serverActions: { bodySizeLimit: "9mb" },
    // The stylesheets (about 5 kB compressed in all) go inside each page instead of as <link>s:
    // on a phone's slow link, two render-blocking requests before the first paint cost more than
    // those bytes again on every page (bench/lighthouse.ts measures both ways).
    inlineCss: true,
  },
};

// Points next-intl at i18n/request.ts, which picks each request's language and catalogue.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/**
 * The image worker (.image-worker/image-worker.mjs) is bundled here, so that whatever builds or
 * serves the app in development ships it too: `npm run build`, a bare `next build` (the
 * benchmarks', Vercel's), `next dev` (`npm run dev` also rebuilds it when its sources change).
 * Next reads this file in several processes; building again is quick and changes nothing.
 */
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) await buildImageWorker();
  return withNextIntl(nextConfig);
}
