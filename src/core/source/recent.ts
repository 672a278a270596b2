/**
 * The recent analyses of each parser, by text, up to KEPT_CHARS of text. One run analyses the
 * same image many times: the diff mapper twice (before the dumps are loaded, then again with each
 * set's .config), the header impact, the review tier's caller search, which on a wide header
 * parse the same few hundred `.c` files and headers each (tree-sitter: 0.3-0.7 s on `skbuff.h`).
 * An analysis is read-only data derived from the text alone, so equal text gives an equal answer;
 * the key is the whole text, never a path (an image differs from the file on disk).
 */
export const KEPT_CHARS = 16_000_000

const byParser = new WeakMap<object, { recent: Map<string, unknown>; chars: number }>()

export function recall<T>(parser: object, text: string, compute: () => T): T {
  let cache = byParser.get(parser)
  if (!cache) byParser.set(parser, (cache = { recent: new Map<string, unknown>(), chars: 0 }))
  const { recent } = cache
  let value = recent.get(text) as T | undefined
  if (value === undefined) {
    value = compute()
    cache.chars += text.length
    // Map order is the LRU order: the least recently used goes first; the newest always stays.
    for (const old of recent.keys()) {
      if (cache.chars <= KEPT_CHARS) break
      recent.delete(old)
      cache.chars -= old.length
    }
  } else recent.delete(text)
  recent.set(text, value)
  return value
}
