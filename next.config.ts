import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
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

export default nextConfig;
