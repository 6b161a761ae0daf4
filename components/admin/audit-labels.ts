import type { Translator } from "@/i18n/locales";

/**
 * The audit log's stored names (lib/admin/audit.ts: an action such as "hide", a target such as
 * "table" with the id "users") in the reader's language. The log keeps the names as data for
 * exports; a name this table does not know yet is shown as stored rather than hidden.
 */
export function auditLabels(t: Translator<"admin">) {
  const actions: Record<string, string> = {
    hide: t("audit.action.hide"),
    unhide: t("audit.action.unhide"),
    ban: t("audit.action.ban"),
    unban: t("audit.action.unban"),
    veto: t("audit.action.veto"),
    settings: t("audit.action.settings"),
    rollover: t("audit.action.rollover"),
    export: t("audit.action.export"),
    "study.start": t("audit.action.studyStart"),
    "world.conditions": t("audit.action.worldConditions"),
    "seed.upload": t("audit.action.seedUpload"),
    "image.replay": t("audit.action.imageReplay"),
  };
  const tables: Record<string, string> = {
    users: t("audit.table.users"),
    days: t("audit.table.days"),
    images: t("audit.table.images"),
    votes: t("audit.table.votes"),
    flags: t("audit.table.flags"),
    audit: t("audit.table.audit"),
  };
  function target(type: string, id: string | null): string {
    if (type === "image" && id) return t("audit.target.image", { id });
    if (type === "user" && id) return t("audit.target.user", { id });
    if (type === "day") return id ? t("audit.target.day", { id }) : t("audit.target.dueDays");
    if (type === "settings") return t("audit.target.settings");
    if (type === "study" && id) return t("audit.target.study", { id });
    if (type === "world" && id) return t("audit.target.world", { id });
    if (type === "table" && id) return t("audit.target.table", { table: tables[id] ?? id });
    return id ? `${type} ${id}` : type;
  }
  return { action: (name: string) => actions[name] ?? name, target };
}
