// Presigned URLs that stay the same string for a while. A browser or CDN caches a picture under
// its URL; a URL signed at request time changes every second, so every view downloaded every
// picture again. Signing at the start of a fixed window instead gives one URL per key per window.

/** SigV4 refuses a presigned URL whose X-Amz-Expires is longer than seven days. */
export const MAX_PRESIGN_SECONDS = 604_800;

export interface PresignWindow {
  /** When the URL is signed: the start of the window `now` falls in. */
  signingDate: Date;
  /** X-Amz-Expires: long enough that a URL handed out at the window's end still lasts `minValidSeconds`. */
  expiresIn: number;
  /** Start of the window in whole seconds since the epoch; the same for every URL of the window. */
  windowStart: number;
}

/**
 * How long one URL stays the same: as long as it must stay valid, but never so long that the
 * window plus that validity passes SigV4's seven days (0 at the maximum: a URL per second).
 */
export function urlWindowSeconds(minValidSeconds: number): number {
  return Math.max(0, Math.min(minValidSeconds, MAX_PRESIGN_SECONDS - minValidSeconds));
}

/**
 * Signing time and lifetime for a URL handed out at `nowMs` that must stay valid for at least
 * `minValidSeconds` after that. Windows are aligned to the epoch, not to the process start, so
 * every app instance with the same credentials hands out the same URL for the same key.
 */
export function presignWindow(nowMs: number, minValidSeconds: number): PresignWindow {
  const window = urlWindowSeconds(minValidSeconds);
  const nowSeconds = Math.floor(nowMs / 1000);
  const windowStart = window === 0 ? nowSeconds : nowSeconds - (nowSeconds % window);
  return { signingDate: new Date(windowStart * 1000), expiresIn: window + minValidSeconds, windowStart };
}
