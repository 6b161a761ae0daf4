/**
 * How tests and benchmarks launch the system Chromium: no sandbox (root in containers), no GPU,
 * and none of the background traffic that this closed network refuses and that would skew byte counts.
 */
export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
