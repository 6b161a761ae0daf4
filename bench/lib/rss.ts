// Resident memory of a server and every process under it (next start may fork workers), read
// from /proc, sampled on an interval while a benchmark runs.
import { readFileSync, readdirSync } from "node:fs";

function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Total RSS in bytes of `pid` and its descendants (0 when /proc is unavailable). */
export function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      continue;
    }
    stack.push(...children(p));
  }
  return total;
}

/** Samples treeRss every `everyMs`; stop() returns the first, peak and last samples. */
export function sampleRss(pid: number, everyMs = 500) {
  const samples: number[] = [treeRss(pid)];
  const timer = setInterval(() => samples.push(treeRss(pid)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(treeRss(pid));
      return { first: samples[0]!, peak: Math.max(...samples), last: samples.at(-1)!, samples: samples.length };
    },
  };
}
