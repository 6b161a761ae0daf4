"use client";

import { csvLine, type Cell } from "@/lib/research/csv";

/**
 * A chart's numbers as a CSV file, made in the browser from the figures the page already holds
 * (the same writer as the research exports: RFC 4180, formula-safe).
 */
export function CsvDownload({ filename, header, rows, label }: { filename: string; header: string[]; rows: Cell[][]; label: string }) {
  function download() {
    const text = [header, ...rows].map(csvLine).join("");
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <button type="button" className="button small secondary" onClick={download}>
      {label}
    </button>
  );
}
