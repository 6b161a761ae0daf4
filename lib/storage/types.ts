// The one storage interface the app talks to; drivers (local disk, S3) live beside it.

/** An object store addressed by keys that pass assertStorageKey (see ./keys). */
export interface Storage {
  /** Stores `body` under `key`, replacing any existing object. */
  put(key: string, body: Buffer, contentType?: string): Promise<void>;
  /** The object's bytes and content type, or null when there is no object under `key`. */
  get(key: string): Promise<{ body: Buffer; contentType: string } | null>;
  /** Removes the object; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** A URL a browser can load the object from (may be relative, or expire for private buckets). */
  url(key: string): Promise<string>;
  /**
   * The origins (scheme://host[:port]) of the URLs url() returns, for the pages'
   * Content-Security-Policy; empty when url() returns same-origin paths.
   */
  origins(): Promise<string[]>;
  /** Resolves when the store is reachable and usable; rejects otherwise (for a health endpoint). */
  check(): Promise<void>;
}
