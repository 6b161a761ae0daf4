// The real image worker (as built into .image-worker) with faults a test can ask for through an
// inpainting task's prompt: "exit" ends the worker thread as a crash would, "spin:<ms>" keeps the
// thread busy in a loop that never yields for that long ("spin:Infinity": until it is stopped),
// then does the real work. Tests hand this file to a pool of their own (createLocalImageWorkPool).
import runTask from "../.image-worker/image-worker.mjs";

export default async function faultyTask(task) {
  const prompt = typeof task.prompt === "string" ? task.prompt : "";
  if (prompt === "exit") process.exit(7);
  if (prompt.startsWith("spin:")) {
    const until = Date.now() + Number(prompt.slice("spin:".length));
    while (Date.now() < until) {
      // Busy on purpose: only stopping the thread ends this.
    }
  }
  return runTask(task);
}
