#!/usr/bin/env node
// One Lighthouse audit, printed as one JSON line: {"score":0.97,"lcp":1234}. Plain JavaScript
// run by plain node, on purpose: Lighthouse sends some of its functions to the page as source
// text, and tsx (which runs the benchmarks) would rewrite them with a helper the page lacks.
// Usage: node bench/lib/lighthouse-audit.mjs <chrome debugging port> <url> [cookie]
// With BENCH_LIGHTHOUSE_DIR set, the whole report is also saved there, to see where time goes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";

const [port, url, cookie] = process.argv.slice(2);
if (!port || !url) {
  console.error("usage: lighthouse-audit.mjs <port> <url> [cookie]");
  process.exit(2);
}
const result = await lighthouse(url, {
  port: Number(port),
  output: "json",
  logLevel: "error",
  onlyCategories: ["performance"],
  ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
});
const lhr = result?.lhr;
if (!lhr) {
  console.error(`Lighthouse returned nothing for ${url}`);
  process.exit(1);
}
const dir = process.env.BENCH_LIGHTHOUSE_DIR;
if (dir) {
  mkdirSync(dir, { recursive: true });
  const slug = new URL(url).pathname.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root";
  writeFileSync(join(dir, `${new URL(url).port}-${slug}-${Date.now()}.json`), JSON.stringify(lhr));
}
const audits = lhr.audits;
console.log(
  JSON.stringify({
    score: lhr.categories.performance?.score ?? null,
    lcp: audits["largest-contentful-paint"]?.numericValue ?? null,
    lcpElement: audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null,
    unusedJsBytes: audits["unused-javascript"]?.details?.overallSavingsBytes ?? 0,
    tbt: audits["total-blocking-time"]?.numericValue ?? null,
    fcp: audits["first-contentful-paint"]?.numericValue ?? null,
    cls: audits["cumulative-layout-shift"]?.numericValue ?? null,
  }),
);
