import { getTranslations } from "next-intl/server";
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
      <label>
        {t("worlds.worldPicker")}{" "}
        <select name="world" defaultValue={value}>
          {worlds.map((w) => (
            <option key={w.id} value={w.id} dir="auto">
              {t("worlds.worldOption", { position: w.position, name: w.name })}
            </option>
          ))}
        </select>
      </label>{" "}
      <button className="button small secondary" type="submit">
        {t("overview.charts.show")}
      </button>
    </form>
  );
}
