// Runs once when the server starts. The Node-only part lives in its own module so the Edge
// compilation of this file never sees Node APIs.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkImageEngine } = await import("./instrumentation-node");
    await checkImageEngine();
  }
}
