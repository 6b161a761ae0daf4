import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { recordAudit } from "@/lib/admin/audit";
import { exportTable } from "@/lib/research/export";
import { EXPORT_TABLE_NAMES } from "@/lib/research/export-columns";
import { AuthError, requireAdmin } from "@/lib/auth/auth";
import { db } from "@/lib/server/db";
import { ActionError } from "@/lib/server/errors";
import { errorResponse, jsonError } from "@/lib/server/http";
import { fieldErrorsOf, issue } from "@/lib/validations/field-errors";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ table: z.enum(EXPORT_TABLE_NAMES) });
const querySchema = z.object({
  format: z.enum(["csv", "json"], issue("FIELD_ONE_OF")).default("csv"),
  raw: z.enum(["0", "1"], issue("FIELD_ONE_OF")).default("0"),
  lang: z.enum(LOCALES, issue("FIELD_ONE_OF")).optional(),
  /** Only one study's rows (lib/research/export.ts says what belongs to a study). */
  study: z.coerce.number(issue("ENTER_WHOLE_NUMBER")).int(issue("ENTER_WHOLE_NUMBER")).positive(issue("ENTER_WHOLE_NUMBER")).optional(),
});

/**
 * Streams one table for research (CSV or a JSON array), batch by batch, so a million votes never
 * sit in memory. Admins only; anyone else gets the same 404 as for a page that does not exist.
 */
export async function GET(req: Request, ctx: { params: Promise<{ table: string }> }) {
  let adminId: number;
  try {
    adminId = (await requireAdmin()).id;
  } catch (err) {
    if (err instanceof AuthError) return jsonError(req, "NOT_FOUND");
    throw err;
  }
  const params = paramsSchema.safeParse(await ctx.params);
  if (!params.success) return jsonError(req, "NOT_FOUND", "UNKNOWN_TABLE");
  const query = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return errorResponse(new ActionError("INVALID", { fieldErrors: fieldErrorsOf(query.error) }), req);
  const { table } = params.data;
  const { format, raw, lang, study } = query.data;
  let rows: AsyncGenerator<string, void, undefined>;
  try {
    rows = await exportTable(table, format, { raw: raw === "1", locale: lang, studyId: study });
  } catch (err) {
    return errorResponse(err, req);
  }
  await recordAudit(db, {
    adminId,
    action: "export",
    targetType: "table",
    targetId: table,
    after: { format, raw: raw === "1", lang: lang ?? null, study: study ?? null },
  });

  const iterator = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // Pull-based: the next batch is read from the database only when the client has taken the last.
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pixelpatchwork-${table}-${stamp}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
