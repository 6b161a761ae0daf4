// The catalogues: one JSON file per namespace and language under messages/<locale>/, merged into
// one object per language. English is the reference every other language must match.
import type { Locale } from "./locales";

import arAdmin from "@/messages/ar/admin.json";
import arCommon from "@/messages/ar/common.json";
import arCreate from "@/messages/ar/create.json";
import arErrors from "@/messages/ar/errors.json";
import arPages from "@/messages/ar/pages.json";
import arPlay from "@/messages/ar/play.json";
import arVote from "@/messages/ar/vote.json";
import enAdmin from "@/messages/en/admin.json";
import enCommon from "@/messages/en/common.json";
import enCreate from "@/messages/en/create.json";
import enErrors from "@/messages/en/errors.json";
import enPages from "@/messages/en/pages.json";
import enPlay from "@/messages/en/play.json";
import enVote from "@/messages/en/vote.json";
import esAdmin from "@/messages/es/admin.json";
import esCommon from "@/messages/es/common.json";
import esCreate from "@/messages/es/create.json";
import esErrors from "@/messages/es/errors.json";
import esPages from "@/messages/es/pages.json";
import esPlay from "@/messages/es/play.json";
import esVote from "@/messages/es/vote.json";

export const NAMESPACES = ["common", "pages", "play", "create", "vote", "admin", "errors"] as const;

export const MESSAGES = {
  en: { common: enCommon, pages: enPages, play: enPlay, create: enCreate, vote: enVote, admin: enAdmin, errors: enErrors },
  es: { common: esCommon, pages: esPages, play: esPlay, create: esCreate, vote: esVote, admin: esAdmin, errors: esErrors },
  ar: { common: arCommon, pages: arPages, play: arPlay, create: arCreate, vote: arVote, admin: arAdmin, errors: arErrors },
} satisfies Record<Locale, Record<(typeof NAMESPACES)[number], object>>;

export type Messages = (typeof MESSAGES)["en"];
