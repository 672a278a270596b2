import { GRAPH_CACHE_SCHEMA } from '../../core/graph-cache/stored-graph.js'
import type { GraphStore } from '../../core/graph-cache/store.js'
import { VERSION } from '../../version.js'
import { keyedCache, openKeyedFolder, sha256, type KeyedCache } from './keyed-folder.js'

/** Characters of new graphs one run keeps for the folder, in all its sets. */
const MAX_PENDING = 64 * 1024 * 1024

/** The folder under the cache folder (`--index-cache`) that holds the dump graphs. */
export const GRAPHS_FOLDER = 'graphs'

/** The dump graphs a run read from the cache folder and the ones it made, saved by `flush`. */
export type GraphCache = KeyedCache<GraphStore>

/**
 * Dump graphs kept in `dir/graphs/<engine>/` (see openKeyedFolder), one file per dump, named by
 * the SHA-256 of the dump's bytes that the scan index gives (base64 there, hex here). `engine` is
 * the tool's version and the graph schema.
 */
export function openGraphCache(dir: string): GraphCache {
  const engine = sha256(`${VERSION}\n${GRAPH_CACHE_SCHEMA}`).slice(0, 16)
  const folder = openKeyedFolder(dir, GRAPHS_FOLDER, engine, {
    what: 'dump graph',
    cache: 'graph cache',
    again: 'the dumps were read again'
  })
  let pending = 0
  return keyedCache<GraphStore>(folder, {
    get: digest => {
      const key = hexOf(digest)
      return key === undefined ? undefined : folder.get(key)
    },
    set: (digest, stored) => {
      const key = hexOf(digest)
      // Held until the run saves them: a header inline's thousands of TUs at distribution
      // scale, in every set of the run, would otherwise hold every graph.
      if (key === undefined || pending + stored.length > MAX_PENDING) return
      pending += stored.length
      folder.set(key, stored)
    }
  })
}

/** A SHA-256 given in base64 (the scan index's), in hex; undefined for anything else. */
function hexOf(digest: string): string | undefined {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(digest)) return undefined
  return Buffer.from(digest, 'base64').toString('hex')
}
