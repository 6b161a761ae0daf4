import "server-only";
// Where a participant's generation stands while the create page waits for its action: in line for
// an image worker (and where), or under way. The page names its attempt with a random ticket,
// polls GET /api/generations/<ticket>, and can give up its place (DELETE). Kept in this process's
// memory, like the pool whose line it reports: behind a load balancer, only the instance running
// the generation knows it, and any other answers "unknown" (the page then just shows progress).

export type GenerationStatus = { state: "waiting"; position: number } | { state: "working" } | { state: "unknown" };

type Entry = { userId: number; position: number; controller: AbortController };

// On globalThis: the action (a page's bundle) and the status route must share one registry.
const slot = globalThis as typeof globalThis & { __pixelpatchworkGenerations?: Map<string, Entry> };
const entries = (slot.__pixelpatchworkGenerations ??= new Map());

export interface TrackedGeneration {
  /** Aborts when the participant gives up the attempt. */
  signal: AbortSignal;
  /** For GenerationInput.onQueuePosition. */
  onQueuePosition: (position: number) => void;
  /** The generation ended, whichever way; the ticket is forgotten. */
  end(): void;
}

/** Starts reporting a generation under `ticket`; null when the ticket is already in use. */
export function trackGeneration(ticket: string, userId: number): TrackedGeneration | null {
  if (entries.has(ticket)) return null;
  const entry: Entry = { userId, position: 0, controller: new AbortController() };
  entries.set(ticket, entry);
  return {
    signal: entry.controller.signal,
    onQueuePosition: (position) => void (entry.position = position),
    end: () => {
      if (entries.get(ticket) === entry) entries.delete(ticket);
    },
  };
}

/** What the participant's own ticket stands for; someone else's ticket is "unknown", as is a finished one. */
export function generationStatus(ticket: string, userId: number): GenerationStatus {
  const entry = entries.get(ticket);
  if (!entry || entry.userId !== userId) return { state: "unknown" };
  return entry.position > 0 ? { state: "waiting", position: entry.position } : { state: "working" };
}

/** Gives up the participant's own attempt; false when this process knows no such attempt of theirs. */
export function cancelGeneration(ticket: string, userId: number): boolean {
  const entry = entries.get(ticket);
  if (!entry || entry.userId !== userId) return false;
  entry.controller.abort();
  return true;
}
