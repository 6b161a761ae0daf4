import type { Metadata } from "next";
import { SettingsForm } from "@/components/admin/settings-form";
import { adminOrNotFound } from "@/lib/admin-guard";
import { getImageEngine } from "@/lib/imagegen";
import { getSettings } from "@/lib/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await adminOrNotFound();
  const [settings, engine] = [await getSettings(), getImageEngine()];
  return (
    <>
      <h1>Settings</h1>
      <p className="muted">
        Limits and experimental conditions. Changes are validated, audited and take effect at once for everyone. The image
        engine is set by configuration (IMAGE_ENGINE, OPENAI_IMAGE_MODEL): now <strong>{engine.provider}</strong>, model{" "}
        <code>{engine.model}</code>.
      </p>
      <SettingsForm settings={settings} />
    </>
  );
}
