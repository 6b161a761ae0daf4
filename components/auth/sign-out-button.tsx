"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("common");
  return (
    <button type="button" className="button secondary small" onClick={() => signOut({ callbackUrl: "/" })}>
      {t("header.signOut")}
    </button>
  );
}
