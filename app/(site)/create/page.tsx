import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CreateClient } from "@/components/create/create-client";
import { listAttempts } from "@/lib/creating/attempts";
import { getCurrentUser } from "@/lib/auth/auth";
import { dayEndsAt, getCurrentDay } from "@/lib/days/days";
import { viewerWorldId } from "@/lib/worlds/assignment";
import { imageUrls } from "@/lib/images/urls";
import { getImageEngine } from "@/lib/imagegen";
import { getUsage } from "@/lib/creating/quotas";
import { getWorldSettings } from "@/lib/worlds/conditions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("create");
  return { title: t("meta.title") };
}

export default async function CreatePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/create");
  const t = await getTranslations("create");
  if (user.bannedAt) {
    return (
      <p className="alert" role="alert">
        {t("page.suspended")}
      </p>
    );
  }
  const day = await getCurrentDay(await viewerWorldId(user));
  if (!day) return <div className="empty">{t("page.preparing")}</div>;
  const [settings, usage, attempts, seedUrls] = await Promise.all([
    getWorldSettings(day.worldId),
    getUsage(user.id, day.id),
    listAttempts(user.id, day.id),
    imageUrls(day.seedImage),
  ]);
  const engine = getImageEngine();

  return (
    <CreateClient
      day={{ id: day.id, dateKey: day.dateKey, endsAt: dayEndsAt(day.dateKey).toISOString() }}
      seed={{ id: day.seedImage.id, url: seedUrls.url, width: day.seedImage.width, height: day.seedImage.height }}
      limits={{
        generationQuota: settings.generationQuota,
        generationsUsed: usage.generations,
        submissionsPerDay: settings.submissionsPerDay,
        minCoverage: settings.minMaskCoverage,
        maxCoverage: settings.maxMaskCoverage,
      }}
      engine={{ provider: engine.provider, model: engine.model }}
      initialAttempts={attempts}
    />
  );
}
