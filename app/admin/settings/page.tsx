import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/admin/settings-form";
import { adminOrNotFound } from "@/lib/auth/admin-guard";
import { getImageEngine } from "@/lib/imagegen";
import { getSettings } from "@/lib/settings/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("meta.settings") };
}

export default async function SettingsPage() {
  await adminOrNotFound();
  const t = await getTranslations("admin");
  const [settings, engine] = [await getSettings(), getImageEngine()];
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <p className="muted">
        {t.rich("settings.intro", {
          provider: engine.provider,
          model: engine.model,
          strong: (chunks) => <strong>{chunks}</strong>,
          code: (chunks) => <code>{chunks}</code>,
        })}
      </p>
      <SettingsForm settings={settings} />
    </>
  );
}
