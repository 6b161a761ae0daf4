import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_CSP } from "./lib/security/csp";

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
  // sharp and the mariadb driver are native/Node-only; keep them out of the server bundle.
  serverExternalPackages: ["sharp", "mariadb"],
  // Benchmarks build into their own folder so they never clobber a dev or test build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // A mask at the largest seed size is a few hundred KB as PNG; 9 MB leaves room for any
    // honest mask while lib/mask refuses anything larger than it accepts.
    serverActions: { bodySizeLimit: "9mb" },
  },
};

// Points next-intl at i18n/request.ts, which picks each request's language and catalogue.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
