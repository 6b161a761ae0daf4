// Client-safe: the pages that change a participant's progress (a vote, a submission, a
// withdrawal) tell the progress panel (components/study/study-progress.tsx) to read it again.

/** The window event the progress panel listens for. */
export const PROGRESS_EVENT = "pixelpatchwork:study-progress";

/** Says that this participant's progress may have changed. */
export function announceProgress(): void {
  window.dispatchEvent(new Event(PROGRESS_EVENT));
}
