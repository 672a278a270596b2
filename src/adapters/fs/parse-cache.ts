import { PARSE_CACHE_SCHEMA } from '../../core/parse-cache/stored-parse.js'
import type { ParseStore } from '../../core/parse-cache/store.js'
import { VERSION } from '../../version.js'
import { parserDigest } from '../tree-sitter.js'
import { keyedCache, openKeyedFolder, sha256, type KeyedCache } from './keyed-folder.js'

/** The folder under the cache folder (`--index-cache`) that holds the parses. */
export const PARSES_FOLDER = 'parses'

/** The parses a run read from the cache folder and the ones it made, saved by `flush`. */
export type ParseCache = KeyedCache<ParseStore>

/**
 * Parses kept in `dir/parses/<engine>/` (see openKeyedFolder), one file per source text, named by
 * the text's SHA-256. `engine` is the tool's version, the locator's schema and the digest of the
 * parser's code (both wasm files and the bundle).
 */
export function openParseCache(dir: string): ParseCache {
  const engine = sha256(`${VERSION}\n${PARSE_CACHE_SCHEMA}\n${parserDigest()}`).slice(0, 16)
  const folder = openKeyedFolder(dir, PARSES_FOLDER, engine, {
    what: 'parse',
    cache: 'parse cache',
    again: 'the files were parsed again'
  })
  // The locator stores a text right after asking for it (a miss): its digest is not made twice.
  let asked = { text: '', key: sha256('') }
  const keyOf = (text: string): string =>
    text === asked.text ? asked.key : (asked = { text, key: sha256(text) }).key
  return keyedCache<ParseStore>(folder, {
    get: text => folder.get(keyOf(text)),
    set: (text, stored) => folder.set(keyOf(text), stored)
  })
}
