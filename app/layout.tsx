import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { CrowdSignIn } from "@/components/auth/crowd-sign-in";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "PixelPatchwork", template: "%s · PixelPatchwork" },
  description: "One picture a day, repainted patch by patch by the crowd. Mask a region, write a prompt, vote; the winner seeds tomorrow.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#6b3fd4" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that response's CSP nonce (proxy.ts),
  // which a page rendered once at build time could not.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        {/* Crowd platforms send people here with their worker id in the URL. */}
        <Suspense fallback={null}>
          <CrowdSignIn />
        </Suspense>
        {children}
      </body>
    </html>
  );
}
