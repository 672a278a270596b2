/**
 * Where parses outlive the run: the adapter's store (a folder of files keyed by the text's
 * digest). Values are `encodeParse` strings; `get` answers only what `set` was given for the same
 * text by this engine, or undefined.
 */
export interface ParseStore {
  get(text: string): string | undefined
  set(text: string, stored: string): void
}

const stores = new WeakMap<object, ParseStore>()

/**
 * Parses of `parser` are looked up in and added to `store` until `forgetParses`. Keyed by the
 * parser like the in-run cache (recent.ts): one process has one C parser, which every caller of the
 * locator shares, so the run's entry registers the store once rather than pass it down each path.
 */
export function keepParses(parser: object, store: ParseStore): void {
  stores.set(parser, store)
}

export function forgetParses(parser: object): void {
  stores.delete(parser)
}

export function parseStoreOf(parser: object): ParseStore | undefined {
  return stores.get(parser)
}
