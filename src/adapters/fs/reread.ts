import { readFileSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import type { MakeReread, Reread } from '../../core/dumps/text-store.js'

/**
 * Re-reads a dump file the set chose not to keep in memory. The text must be the one validated on
 * the first read: a dump rebuilt or replaced meanwhile would silently answer for another build.
 */
export function rereadFrom(file: string, path: string): MakeReread {
  return (text: string): Reread => {
    const length = text.length
    const print = crc32(text)
    return () => {
      const again = readFileSync(file, 'utf8')
      const now = again.charCodeAt(0) === 0xfeff ? again.slice(1) : again
      if (now.length !== length || crc32(now) !== print)
        throw new Error(`${path} changed on disk while it was being analysed (${file})`)
      return now
    }
  }
}
