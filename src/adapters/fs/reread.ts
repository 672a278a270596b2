import { readFileSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import type { CompactGraph } from '../../core/dumps/compact-graph.js'
import { graphBytes } from '../../core/dumps/graph-bytes.js'
import type { HeldText, MakeReread, Reread } from '../../core/dumps/text-store.js'

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

/** A kept dump's text as decoded from its bytes, as the scanner decoded it (byte-order mark dropped). */
function decoded(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * A kept dump whose bytes a scan thread handed over: held as they are, or, past the set's budget,
 * re-read from `file` and checked against them (by length and CRC of the bytes, as `rereadFrom`
 * checks the text), without holding them.
 */
export function heldBytes(bytes: Uint8Array, file: string, path: string): HeldText {
  return {
    size: bytes.byteLength,
    read: () => decoded(bytes),
    spill: () => bytesReread(file, path, { length: bytes.byteLength, crc: crc32(bytes) })
  }
}

/** A kept dump a thread sent as its graph (see HeldText.graph): its text re-read from `file`. */
export function heldGraph(
  graph: CompactGraph,
  print: BytesPrint,
  file: string,
  path: string,
  size = graphBytes(graph)
): HeldText {
  return { size, spill: () => bytesReread(file, path, print), graph }
}

/** What a thread sends of a kept dump past its share of the budget: how to check a re-read. */
export interface BytesPrint {
  length: number
  crc: number
}

/** A kept dump a thread sent no bytes of: re-read from `file`, checked against `print`. */
export function spilledBytes(print: BytesPrint, file: string, path: string): HeldText {
  return { size: print.length, spill: () => bytesReread(file, path, print) }
}

function bytesReread(file: string, path: string, print: BytesPrint): Reread {
  return () => {
    const again = readFileSync(file)
    if (again.byteLength !== print.length || crc32(again) !== print.crc)
      throw new Error(`${path} changed on disk while it was being analysed (${file})`)
    return decoded(again)
  }
}
