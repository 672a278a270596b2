// Worker-thread entry (bundled as dist/scan-worker.js): reads and validates chunks of dump files
// for one dump set, synchronously, and hands back what the set needs of each (see scan-pool.ts);
// or searches a share of the dumps for names near a mistyped one (see near-search.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { NearNames } from '../../core/explain/near-names.js'
import { searchNearNames, type NearRequest } from './near-search.js'
import { walkReply, type WalkRequest } from './prewalk.js'
import { FileScanner } from './scan-file.js'
import type { ScanChunk, ScanSpec, ScannedFile } from './scan-pool.js'
import { post } from './scan-message.js'

// A prewarmed thread (scan-pool.ts) learns its set's spec from its first message.
let spec = (workerData as { deferred?: true }).deferred ? undefined : (workerData as ScanSpec)
let files = spec && new FileScanner(spec)

parentPort?.on('message', (message: ScanChunk | { spec: ScanSpec } | NearRequest | WalkRequest) => {
  if ('walk' in message) {
    parentPort?.postMessage(walkReply(message))
    return
  }
  if ('spec' in message) {
    spec = message.spec
    files = new FileScanner(spec)
    return
  }
  if ('near' in message) {
    const near = new NearNames(message.near)
    searchNearNames(near, message.files)
    parentPort?.postMessage(near.found())
    return
  }
  const scanner = files as FileScanner
  const chunk = message
  // Every thread is sent every chunk: the first to flag it scans it (see startScanPool).
  if (Atomics.compareExchange(new Int32Array(chunk.claims), chunk.slot, 0, spec?.tag ?? 2) !== 0)
    return
  const out = chunk.files.map(f => scanner.scan(f))
  parentPort?.postMessage({ id: chunk.id, out: out.map(post) }, out.flatMap(moved))
})

/** What crosses moved, not copied: a kept dump's bytes, or its graph's arrays (strings are cloned). */
function moved(r: ScannedFile): ArrayBuffer[] {
  if (!('scanned' in r)) return []
  if (r.bytes) return [r.bytes.buffer as ArrayBuffer]
  return r.graph ? [r.graph.nodes.buffer as ArrayBuffer, r.graph.edges.buffer as ArrayBuffer] : []
}
