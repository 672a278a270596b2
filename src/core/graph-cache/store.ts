/**
 * Where dump graphs outlive the run: the adapter's store (a folder of files keyed by the dump's
 * content digest, the scan index's). Values are `encodeGraph` strings; `get` answers only what
 * `set` was given for the same digest by this engine, or undefined.
 */
export interface GraphStore {
  get(digest: string): string | undefined
  set(digest: string, stored: string): void
}
