import type { Metadata } from "next";
import { adminOrNotFound } from "@/lib/admin-guard";

export const metadata: Metadata = { title: "Export" };

const TABLES = [
  ["users", "Users (participant ids replaced by a stable salted hash)"],
  ["days", "Days, with winners and daily totals"],
  ["images", "Images: every attempt, submitted or not, with prompt, parent, engine, model, mask coverage and timings"],
  ["votes", "Votes, with time, display position and whether tallies were visible"],
  ["flags", "Flags raised by participants"],
  ["audit", "Moderation and other admin actions"],
] as const;

export default async function ExportPage() {
  await adminOrNotFound();
  return (
    <>
      <h1>Export for research</h1>
      <p className="muted">
        Each file streams straight from the database, so large tables download without delay. Columns are described in the data
        dictionary (docs/data-dictionary.md in the repository). Exports are recorded in the audit log.
      </p>
      <table className="data-table">
        <tbody>
          {TABLES.map(([table, label]) => (
            <tr key={table}>
              <th scope="row">{label}</th>
              <td>
                <a href={`/admin/export/${table}?format=csv`} download data-testid={`export-${table}-csv`}>
                  CSV
                </a>
              </td>
              <td>
                <a href={`/admin/export/${table}?format=json`} download>
                  JSON
                </a>
              </td>
              {table === "users" && (
                <td>
                  <a href={`/admin/export/users?format=csv&raw=1`} download>
                    CSV with raw participant ids
                  </a>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
