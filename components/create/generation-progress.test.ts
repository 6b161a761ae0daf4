// How the create page shows an attempt waiting for an image worker: its place in line, in each
// language, and what leaving the page then means; and the usual progress once it runs.
import { NextIntlClientProvider } from "next-intl";
import { type ComponentProps, createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
import { GenerationProgress } from "./generation-progress";

// The provider's props type demands `children` among the props, where createElement takes them
// as its third argument; the provider itself reads them from either.
const Provider = NextIntlClientProvider as (props: Omit<ComponentProps<typeof NextIntlClientProvider>, "children">) => ReactNode;

/** The progress card as the server renders it for `locale`. */
function markup(locale: Locale, position: number | null): string {
  const progress = createElement(GenerationProgress, { startedAt: Date.now() - 5000, engine: "offline", position });
  return renderToStaticMarkup(createElement(Provider, { locale, messages: MESSAGES[locale], timeZone: "UTC" }, progress));
}

/** Its text as a reader sees it: markup and React's text separators left out. */
function render(locale: Locale, position: number | null): string {
  return markup(locale, position)
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

describe("GenerationProgress", () => {
  it("says where the attempt is in line, as an English ordinal, and that leaving gives the place up", () => {
    const text = render("en", 3);
    expect(text).toContain("you are 3rd in line");
    expect(text).toContain("If you leave this page now, you give up your place in line");
    expect(text).not.toContain("painting");
    expect([1, 2, 11, 22].map((n) => render("en", n).match(/you are (\S+) in line/)?.[1])).toEqual(["1st", "2nd", "11th", "22nd"]);
  });

  it("says it in Spanish and Arabic, with the number in the reader's digits", () => {
    expect(render("es", 3)).toContain("estás en el puesto 3 de la fila");
    expect(render("ar", 3)).toContain(`ترتيبك ${new Intl.NumberFormat("ar").format(3)} في الدور`);
  });

  it("marks the place for scripts, and once the attempt runs shows the engine at work and no place", () => {
    expect(markup("en", 2)).toContain('data-queue-position="2"');
    for (const position of [null, 0]) {
      const text = render("en", position);
      expect(text).toContain("The offline engine is painting your patch");
      expect(text).toContain("You can leave this page");
      expect(text).not.toContain("in line");
    }
  });
});
