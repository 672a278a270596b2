import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import type { CompactGraph } from '../../core/dumps/compact-graph.js'
import type { IndexedDump } from '../../core/scan-index/entry.js'
import type { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import { dumpBytes, rawBytes, readBytes } from './dump-bytes.js'
import { currentStatKey } from './stat-key.js'
import type { ScannedDump } from '../../core/dumps/scanner.js'

/** A dump read through the scan index: what the set needs, and the entry made for it, if one was. */
export interface IndexedFile {
  scanned: ScannedDump
  print?: string
  made?: IndexedDump
  /** A kept dump's SHA-256 (the entry's key): its graph's key in the graph cache. */
  digest?: string
  /**
   * A kept dump's graph, read with its bytes by the line check's module, and those bytes (valid
   * until the next read): the caller holds one or the other in place of the text (FileScanner).
   */
  graph?: CompactGraph
  bytes?: Buffer
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
 * Reads one dump file and scans it with the index's help. An entry whose `stat` the file still
 * has, and whose summary holds no focus name or file, answers without a read. Else, with an entry
 * for these bytes, the line check's module answers on the bytes where it can (no line names the
 * focus; or, with `graph`, one does and the module reads the dump's graph: see
 * IndexedScanner.scanBytes); else a dump the focus cannot want is neither decoded nor validated
 * (kgraft's grep, then the recorded answer); any other is decoded, and validated unless the entry
 * already says what validation finds. `print`: the fingerprint Collector compares copies with,
 * made from the text as it does. `made`: a new entry, or one whose `stat` changed.
 */
export function scanIndexedFile(
  scanner: IndexedScanner,
  abs: string,
  path: string,
  entry: IndexedDump | undefined,
  print: boolean,
  stableMs: number,
  graph = false
): IndexedFile | { error: string } {
  let bytes: Buffer
  let stat: string | undefined
  let unchanged: IndexedDump | undefined
  try {
    stat = currentStatKey(abs, stableMs)
  } catch {
    // Gone or unreadable: the read says so in the words a run without the index uses (`open`).
    stat = undefined
  }
  try {
    unchanged = stat !== undefined && entry?.stat === stat ? entry : undefined
    if (unchanged && !print && scanner.ruledOut(path, unchanged))
      return { scanned: scanner.fromEntry(path, unchanged) }
    bytes = readBytes(abs)
  } catch (error) {
    return { error: (error as Error).message }
  }
  // Unchanged: the bytes are the entry's (the premise of not reading at all), not hashed again.
  const hash = unchanged ? unchanged.hash : digestOf(bytes)
  const valid = entry?.hash === hash ? entry : undefined
  const restated = valid && valid.stat !== stat ? withStat(valid, stat) : undefined
  const read = valid && !print ? scanner.scanBytes(path, valid, dumpBytes(bytes), graph) : undefined
  if (read) {
    const held = read.graph
      ? {
          graph: read.graph,
          bytes,
          digest: unchanged ? readDigest(abs, stat, hash, bytes, stableMs) : hash
        }
      : {}
    return { scanned: read.scanned, ...(restated ? { made: restated } : {}), ...held }
  }
  if (valid && !print && !scanner.needsText(path, valid, rawBytes(bytes)))
    return { scanned: scanner.fromEntry(path, valid), ...(restated ? { made: restated } : {}) }
  const text = bytes.toString('utf8')
  const { scanned, made } = scanner.scan(path, text, hash, valid)
  const fresh = made && withStat(made, stat)
  return {
    scanned,
    ...(print ? { print: `${text.length}:${crc32(text)}` } : {}),
    ...(fresh || restated ? { made: fresh ?? restated } : {}),
    ...(scanned.kept
      ? { digest: unchanged ? readDigest(abs, stat, hash, bytes, stableMs) : hash }
      : {})
  }
}

/**
 * The digest of a kept dump whose bytes were taken for its entry's on the strength of its stat,
 * taken before the read: it files the dump's graph across runs (graph cache), so it must be of
 * the bytes read. A write between the stat and the read moves the change time: the same stat
 * after the read means these are the entry's bytes; else they are hashed.
 */
export function readDigest(
  abs: string,
  stat: string | undefined,
  hash: string,
  bytes: Buffer,
  stableMs: number
): string {
  let after: string | undefined
  try {
    after = currentStatKey(abs, stableMs)
  } catch {
    after = undefined
  }
  return after !== undefined && after === stat ? hash : digestOf(bytes)
}

function withStat(entry: IndexedDump, stat: string | undefined): IndexedDump {
  const out = { ...entry }
  if (stat === undefined) delete out.stat
  else out.stat = stat
  return out
}
