import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import type { IndexedDump } from '../../core/scan-index/entry.js'
import type { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import { rawBytes, readBytes } from './dump-bytes.js'
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
