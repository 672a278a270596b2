import { crc32 } from 'node:zlib'
import type { CompactGraph } from '../../core/dumps/compact-graph.js'
import { DumpScanner, type ScannedDump } from '../../core/dumps/scanner.js'
import { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import { readCmdHead } from './cmd-head.js'
import { dumpBytes, readBytes } from './dump-bytes.js'
import type { BytesPrint } from './reread.js'
import type { ScanFile, ScanSpec, ScannedFile } from './scan-pool.js'
import { scanIndexedFile } from './scan-indexed.js'
import { stableWindow } from './stat-key.js'

/**
 * Scans dump files as one scan thread does, for one dump set: a worker thread, or the main thread
 * when it lends the pool a hand (see ScanPool.lend) or scans without one (see DumpFeed). Files
 * must come in path order.
 */
export class FileScanner {
  private readonly scanner: DumpScanner
  private readonly indexed: IndexedScanner | undefined
  /** Bytes of kept dumps sent so far (see ScanSpec.share). */
  private held = 0
  private readonly stableMs: number

  constructor(private readonly spec: ScanSpec) {
    this.scanner = new DumpScanner(spec.label, spec.focus)
    this.indexed = spec.index ? new IndexedScanner(spec.label, spec.focus) : undefined
    this.stableMs = spec.stableMs ?? stableWindow()
  }

  scan(f: ScanFile): ScannedFile {
    const spec = this.spec
    if (f.cmd) {
      try {
        return { cmd: readCmdHead(f.abs) }
      } catch (error) {
        return { error: (error as Error).message }
      }
    }
    if (this.indexed) {
      const print = spec.print ?? false
      return scanIndexedFile(this.indexed, f.abs, f.path, f.entry, print, this.stableMs)
    }
    let bytes: Buffer
    try {
      // Synchronous on purpose: per file, fs.readFile's callback machinery cost more than the read.
      bytes = readBytes(f.abs)
    } catch (error) {
      return { error: (error as Error).message }
    }
    if (spec.print) {
      const text = bytes.toString('utf8')
      return { scanned: this.scanner.scan(f.path, text), print: `${text.length}:${crc32(text)}` }
    }
    // A kept dump held within the share goes back with its graph, read in the validating pass.
    const held = this.held + bytes.byteLength <= (spec.share ?? 0)
    const scanned = this.scanner.scanBytes(
      f.path,
      dumpBytes(bytes),
      () => bytes.toString('utf8'),
      held
    )
    const graph = scanned.graph
    if (graph) delete scanned.graph
    if (!scanned.kept || scanned.text === '') return { scanned }
    return this.hold(scanned, bytes, graph)
  }

  /**
   * The kept text goes back as its bytes, moved, not copied, with the graph read from it here
   * (see HeldText.graph), while this scanner's share of the set's budget lasts; past it, as what
   * checks a re-read.
   */
  private hold(
    scanned: ScannedDump,
    bytes: Buffer,
    graph: CompactGraph | undefined
  ): { scanned: ScannedDump; bytes?: Uint8Array; spilled?: BytesPrint; graph?: CompactGraph } {
    scanned.text = ''
    if (this.held + bytes.byteLength > (this.spec.share ?? 0))
      return { scanned, spilled: { length: bytes.byteLength, crc: crc32(bytes) } }
    this.held += bytes.byteLength
    return { scanned, bytes: new Uint8Array(bytes), ...(graph ? { graph } : {}) }
  }
}
