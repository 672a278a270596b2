import { createHash } from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import type { IndexedDump } from '../../core/scan-index/entry.js'
import type { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import type { RawBytes } from '../../core/scan-index/prefilter.js'
import type { ScannedDump } from '../../core/dumps/scanner.js'

/** A dump read through the scan index: what the set needs, and the entry made for it, if one was. */
export interface IndexedFile {
  scanned: ScannedDump
  print?: string
  made?: IndexedDump
}

/**
 * The digest an entry is keyed by: of the file's bytes, so a dump rebuilt with other contents never
 * reuses its old answers, whatever its timestamps say. SHA-256 costs ~1 ms per MB here (less than
 * decoding the text), and no accidental or crafted change of the bytes keeps it.
 */
export function digestOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64')
}

/** One buffer per thread for every file read: a fresh Buffer per dump cost more in GC than the read. */
let scratch = Buffer.allocUnsafe(1 << 20)

/** The file's bytes, valid until the next call (they are hashed, searched, decoded, then dropped). */
function readBytes(abs: string): Buffer {
  const fd = openSync(abs, 'r')
  try {
    const size = fstatSync(fd).size
    if (size >= scratch.length) scratch = Buffer.allocUnsafe(Math.max(size + 1, scratch.length * 2))
    let n = 0
    for (;;) {
      // A file that grew since fstat: the whole of it is read all the same.
      if (n === scratch.length) scratch = Buffer.concat([scratch, Buffer.allocUnsafe(n)])
      const got = readSync(fd, scratch, n, scratch.length - n, null)
      if (got === 0) break
      n += got
    }
    return scratch.subarray(0, n)
  } finally {
    closeSync(fd)
  }
}

/** Needles are a handful of ASCII names, met once per dump: their Buffers are made once. */
const needles = new Map<string, Buffer>()

function rawBytes(bytes: Buffer): RawBytes {
  return {
    find(needle, from) {
      let b = needles.get(needle)
      if (!b) needles.set(needle, (b = Buffer.from(needle, 'latin1')))
      return bytes.indexOf(b, from)
    },
    at: i => (i >= 0 && i < bytes.length ? bytes[i] : -1)
  }
}

/**
 * Reads one dump file and scans it with the index's help: with an entry for these bytes, a dump the
 * focus cannot want is neither decoded nor validated (kgraft's grep, then the recorded answer);
 * any other is decoded, and validated unless the entry already says what validation finds.
 * `print`: the fingerprint Collector compares copies with, made from the text as it does.
 */
export function scanIndexedFile(
  scanner: IndexedScanner,
  abs: string,
  path: string,
  entry: IndexedDump | undefined,
  print: boolean
): IndexedFile | { error: string } {
  let bytes: Buffer
  try {
    bytes = readBytes(abs)
  } catch (error) {
    return { error: (error as Error).message }
  }
  const hash = digestOf(bytes)
  const valid = entry?.hash === hash ? entry : undefined
  if (valid && !print && !scanner.needsText(path, valid, rawBytes(bytes)))
    return { scanned: scanner.fromEntry(path, valid) }
  const text = bytes.toString('utf8')
  const { scanned, made } = scanner.scan(path, text, hash, valid)
  return {
    scanned,
    ...(print ? { print: `${text.length}:${crc32(text)}` } : {}),
    ...(made ? { made } : {})
  }
}
