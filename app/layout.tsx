import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { directionOf, isLocale } from "@/i18n/locales";
import { Suspense } from "react";
import { CrowdSignIn } from "@/components/auth/crowd-sign-in";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "PixelPatchwork", template: "%s · PixelPatchwork" }, description: t("meta.description") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#6b3fd4" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that response's CSP nonce (proxy.ts),
  // which a page rendered once at build time could not.
  await connection();
  const locale = await getLocale();
  const t = await getTranslations("common");
  return (
    <html lang={locale} dir={isLocale(locale) ? directionOf(locale) : "ltr"}>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          {/* Crowd platforms send people here with their worker id in the URL. */}
          <Suspense fallback={null}>
            <CrowdSignIn />
          </Suspense>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
