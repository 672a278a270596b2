/**
 * The last few analyses of each parser, by text. One run analyses the same image many times: the
 * diff mapper twice (before the dumps are loaded, then again with each set's .config), the header
 * impact, the review tier's caller search; on `skbuff.h` (150 KB) each costs 0.3-0.7 s of
 * tree-sitter. An analysis is read-only data derived from the text alone, so equal text gives an
 * equal answer; the key is the whole text, never a path (an image differs from the file on disk).
 */
const KEPT = 8

const byParser = new WeakMap<object, Map<string, unknown>>()

export function recall<T>(parser: object, text: string, compute: () => T): T {
  let recent = byParser.get(parser) as Map<string, T> | undefined
  if (!recent) byParser.set(parser, (recent = new Map<string, T>()))
  let value = recent.get(text)
  if (value === undefined) {
    value = compute()
    if (recent.size >= KEPT) recent.delete(recent.keys().next().value as string)
  } else recent.delete(text)
  // Map order is the LRU order: a hit moves to the back.
  recent.set(text, value)
  return value
}
