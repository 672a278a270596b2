import { crc32 } from 'node:zlib'
import type { CompactGraph } from '../../core/dumps/compact-graph.js'
import { graphBytes } from '../../core/dumps/graph-bytes.js'
import { DumpScanner, type ScannedDump } from '../../core/dumps/scanner.js'
import { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import { readCmdHead } from './cmd-head.js'
import { dumpBytes, readBytes } from './dump-bytes.js'
import type { BytesPrint } from './reread.js'
import type { ScanFile, ScanSpec, ScannedDumpFile, ScannedFile } from './scan-pool.js'
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
      const room = spec.focus !== undefined && this.held < (spec.share ?? 0)
      const read = scanIndexedFile(this.indexed, f.abs, f.path, f.entry, print, this.stableMs, room)
      if (!('scanned' in read) || !read.graph) return read
      // A kept dump the module read: held as the cold scan holds it (its graph, or what checks a
      // re-read), with the entry's news and the digest the graph cache would file it under.
      const { graph, bytes, ...rest } = read
      return { ...rest, ...this.hold(read.scanned, bytes as Buffer, graph) }
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
    // While the share has room, a kept dump's graph is read in the pass that validates it. With a
    // focus only: then the scan lists the focus names each dump holds and the set needs no text
    // for them (without one, its name lookups would re-read every dump held as a graph).
    const room = spec.focus !== undefined && this.held < (spec.share ?? 0)
    const scanned = this.scanner.scanBytes(
      f.path,
      dumpBytes(bytes),
      () => bytes.toString('utf8'),
      room
    )
    const graph = scanned.graph
    if (graph) delete scanned.graph
    if (!scanned.kept || scanned.text === '') return { scanned }
    return this.hold(scanned, bytes, graph)
  }

  /**
   * A kept dump goes back as its graph, in place of its text, while this scanner's share of the
   * set's budget lasts (see HeldText.graph); without one, as its bytes, moved, not copied; past the
   * share, as what checks a re-read.
   */
  private hold(
    scanned: ScannedDump,
    bytes: Buffer,
    graph: CompactGraph | undefined
  ): ScannedDumpFile {
    scanned.text = ''
    const share = this.spec.share ?? 0
    const size = graph ? graphBytes(graph) : bytes.byteLength
    const spilled = (): BytesPrint => ({ length: bytes.byteLength, crc: crc32(bytes) })
    if (this.held + size > share) return { scanned, spilled: spilled() }
    this.held += size
    return graph
      ? { scanned, spilled: spilled(), graph, size }
      : { scanned, bytes: new Uint8Array(bytes) }
  }
}
