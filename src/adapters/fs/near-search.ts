import type { NearNames } from '../../core/explain/near-names.js'
import { readBytes } from './dump-bytes.js'

/** What a scan thread is sent to search its share of the dumps for names near `near`. */
export interface NearRequest {
  near: string
  files: string[]
}

/** Searches `files` (a share of the set's dumps) on this thread; unreadable ones are passed over. */
export function searchNearNames(near: NearNames, files: string[]): void {
  for (const abs of files) {
    let bytes: Buffer
    try {
      bytes = readBytes(abs)
    } catch {
      continue
    }
    near.addBytes(bytes)
  }
}
