// Worker-thread entry (bundled as dist/scan-worker.js): reads and validates chunks of dump files
// for one dump set, synchronously, and hands back what the set needs of each (see scan-pool.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { crc32 } from 'node:zlib'
import { DumpScanner } from '../../core/dumps/scanner.js'
import { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import type { ScanChunk, ScanSpec, ScannedFile } from './scan-pool.js'
import { scanIndexedFile, stableWindow } from './scan-indexed.js'
import { readBytes } from './dump-bytes.js'
import { post } from './scan-message.js'

const spec = workerData as ScanSpec
const scanner = new DumpScanner(spec.label, spec.focus)
const indexed = spec.index ? new IndexedScanner(spec.label, spec.focus) : undefined
/** Bytes of kept dumps sent so far (see ScanSpec.share). */
let held = 0

parentPort?.on('message', (chunk: ScanChunk) => {
  const out: ScannedFile[] = chunk.files.map(f => {
    if (indexed)
      return scanIndexedFile(
        indexed,
        f.abs,
        f.path,
        f.entry,
        spec.print ?? false,
        spec.stableMs ?? stableWindow()
      )
    let bytes: Buffer
    try {
      // Synchronous on purpose: per file, fs.readFile's callback machinery cost more than the read.
      bytes = readBytes(f.abs)
    } catch (error) {
      return { error: (error as Error).message }
    }
    if (spec.print) {
      const text = bytes.toString('utf8')
      return { scanned: scanner.scan(f.path, text), print: `${text.length}:${crc32(text)}` }
    }
    const scanned = scanner.scanBytes(f.path, bytes, () => bytes.toString('utf8'))
    if (!scanned.kept || scanned.text === '') return { scanned }
    // The kept text goes back as its bytes, moved, not copied, while this thread's share of the
    // set's budget lasts; past it, as what checks a re-read (see HeldText).
    scanned.text = ''
    if (held + bytes.byteLength > (spec.share ?? 0))
      return { scanned, spilled: { length: bytes.byteLength, crc: crc32(bytes) } }
    held += bytes.byteLength
    return { scanned, bytes: new Uint8Array(bytes) }
  })
  const moved = out.flatMap(r => ('bytes' in r && r.bytes ? [r.bytes.buffer as ArrayBuffer] : []))
  parentPort?.postMessage({ id: chunk.id, out: out.map(post) }, moved)
})
