import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { adminOrNotFound } from "@/lib/admin-guard";
import { listAudit } from "@/lib/admin/audit";

export const metadata: Metadata = { title: "Audit log" };

const querySchema = z.object({ cursor: z.coerce.number().int().positive().optional().catch(undefined) });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await adminOrNotFound();
  const { cursor } = querySchema.parse(await searchParams);
  const { entries, nextCursor } = await listAudit({ take: 50, cursor });
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every admin action: who, what, when, and the state before and after. Newest first.</p>
      {entries.length === 0 ? (
        <div className="empty">No admin actions yet.</div>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Reason</th>
                <th scope="col">Before → after</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="audit-entry">
                  <td>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td>{e.adminName ?? "system"}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.targetType} {e.targetId ?? ""}
                  </td>
                  <td>{e.reason ?? ""}</td>
                  <td>
                    <details>
                      <summary className="hint">Show</summary>
                      <pre style={{ whiteSpace: "pre-wrap", fontSize: "0.8rem", maxWidth: 480 }}>
                        {e.before ?? "—"}
                        {"\n→\n"}
                        {e.after ?? "—"}
                      </pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <p>
          <Link href={`/admin/audit?cursor=${nextCursor}`}>Older entries</Link>
        </p>
      )}
    </>
  );
}
