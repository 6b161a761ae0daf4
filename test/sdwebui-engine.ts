// The self-hosted engine pointed at a stand-in, for the unit and integration tests (the e2e specs
// import the stand-in alone: it stays free of the app's server-only modules).
import { createSdwebuiEngine, type SdwebuiEngineOptions } from "@/lib/imagegen/sdwebui";
import type { ImageEngine } from "@/lib/imagegen/types";
import { DEFAULT_CHECKPOINTS, type FakeSdwebui } from "./fake-sdwebui";

/** An engine on `fake`: its first checkpoint, `sampling` and `size` as the test sets them, then any overrides. */
export function engineOn(
  fake: FakeSdwebui,
  sampling: Omit<SdwebuiEngineOptions, "url" | "checkpoint" | "maxSide" | "timeoutMs">,
  size: Pick<SdwebuiEngineOptions, "maxSide" | "timeoutMs">,
  o: Partial<SdwebuiEngineOptions> = {},
): ImageEngine {
  return createSdwebuiEngine({
    url: fake.url,
    checkpoint: (fake.checkpoints[0] ?? DEFAULT_CHECKPOINTS[0]!).title,
    ...sampling,
    ...size,
    ...o,
  });
}
