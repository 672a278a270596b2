// Worker-thread entry (bundled as dist/scan-worker.js): reads and validates chunks of dump files
// for one dump set, synchronously, and hands back what the set needs of each (see scan-pool.ts).
import { parentPort, workerData } from 'node:worker_threads'
import { FileScanner } from './scan-file.js'
import type { ScanChunk, ScanSpec } from './scan-pool.js'
import { post } from './scan-message.js'

const files = new FileScanner(workerData as ScanSpec)

parentPort?.on('message', (chunk: ScanChunk) => {
  const out = chunk.files.map(f => files.scan(f))
  const moved = out.flatMap(r => ('bytes' in r && r.bytes ? [r.bytes.buffer as ArrayBuffer] : []))
  parentPort?.postMessage({ id: chunk.id, out: out.map(post) }, moved)
})
