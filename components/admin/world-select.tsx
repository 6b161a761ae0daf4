import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/admin/filter-select";
import type { WorldInfo } from "@/lib/worlds/studies";

/**
 * Which of the running study's worlds an admin page shows (a GET form, `?world=`), with the page's
 * other filters kept as hidden fields. Nothing to choose with one world, so nothing is shown.
 */
export async function WorldSelect({
  worlds,
  value,
  keep = {},
}: {
  worlds: WorldInfo[];
  value: number;
  keep?: Record<string, string | number | undefined>;
}) {
  if (worlds.length < 2) return null;
  const t = await getTranslations("admin");
  return (
    <form className="hint" data-testid="world-select">
      {Object.entries(keep).map(([name, v]) => v !== undefined && <input key={name} type="hidden" name={name} value={v} />)}
      <FilterSelect
        name="world"
        label={t("worlds.worldPicker")}
        value={value}
        options={worlds.map((w) => ({ value: w.id, label: t("worlds.worldOption", { position: w.position, name: w.name }) }))}
      />{" "}
      <button className="button small secondary" type="submit">
        {t("overview.charts.show")}
      </button>
    </form>
  );
}
