import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // sharp and the mariadb driver are native/Node-only; keep them out of the server bundle.
  serverExternalPackages: ["sharp", "mariadb"],
};

export default nextConfig;
