import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ScannedDump } from '../../core/dumps/scanner.js'
import type { IndexedDump } from '../../core/scan-index/entry.js'

/** What a worker needs to scan dumps as the set would (see DumpSet.scanSpec). */
export interface ScanSpec {
  label: string
  focus?: { names: string[]; files: string[] }
  /** Fingerprint each text (several inputs joined in one set, see Collector). */
  print?: boolean
  /** Read through the scan index (see scan-indexed.ts): chunks carry the entries to check. */
  index?: boolean
}

export interface ScanChunk {
  id: number
  files: Array<{ abs: string; path: string; entry?: IndexedDump }>
}

/** `made`: the scan index's new entry for the file, when it was validated (index on). */
export type ScannedFile =
  { scanned: ScannedDump; print?: string; made?: IndexedDump } | { error: string }

/** Files per message: large enough that messaging is noise, small enough to balance the threads. */
const CHUNK = 48
/** Below this many dumps the threads' start (~40 ms each) costs more than they save. */
const MIN_FILES = 256
/** Chunks handed to a worker ahead, so it never waits for the main thread. */
const AHEAD = 2

/** The worker script beside this module: in dist/ and build/, not in the TypeScript sources. */
const SCRIPT = new URL('./scan-worker.js', import.meta.url)

/**
 * Threads to use for `files` dumps: KLP_AFFECTED_SCAN_THREADS forces a count (0: none; tests use it
 * to compare both paths), else one per core when there are at least two and enough files.
 */
export function scanThreads(files: number): number {
  const forced = process.env.KLP_AFFECTED_SCAN_THREADS
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced)
  if (files < MIN_FILES) return 0
  const cores = availableParallelism()
  return cores >= 2 ? Math.min(cores, 4) : 0
}

export function scanWorkerAvailable(): boolean {
  return SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(SCRIPT))
}

/**
 * Reads and validates dump files on `threads` worker threads, a chunk at a time, in path order per
 * thread (which DumpSet.addScanned relies on). Returns one promise per file, in the order given;
 * call `close` once every promise has settled. A worker that dies fails its files' promises.
 */
export function scanInWorkers(
  spec: ScanSpec,
  files: Array<{ abs: string; path: string; entry?: IndexedDump }>,
  threads: number
): { results: Array<Promise<ScannedFile>>; close: () => Promise<void> } {
  const settle: Array<{ resolve: (r: ScannedFile) => void; reject: (e: unknown) => void }> = []
  const results = files.map(
    () => new Promise<ScannedFile>((resolve, reject) => settle.push({ resolve, reject }))
  )
  // A reader that stops early (its consumer threw) leaves results nobody awaits; their failure
  // when the threads are stopped is not news.
  for (const r of results) r.catch(() => undefined)
  const chunks: ScanChunk[] = []
  for (let i = 0; i < files.length; i += CHUNK)
    chunks.push({ id: i, files: files.slice(i, i + CHUNK) })
  let next = 0
  let live = 0
  const workers: Worker[] = []
  // With every thread gone, the chunks no thread took would wait forever.
  const orphan = (error: unknown): void => {
    for (; next < chunks.length; next++) {
      const { id, files: some } = chunks[next]
      for (let k = 0; k < some.length; k++) settle[id + k].reject(error)
    }
  }
  for (let t = 0; t < Math.min(threads, chunks.length); t++) {
    const worker = new Worker(SCRIPT, { workerData: spec })
    const pending = new Set<number>()
    const give = (): void => {
      if (next < chunks.length) {
        const chunk = chunks[next++]
        pending.add(chunk.id)
        worker.postMessage(chunk)
      } else if (pending.size === 0) void worker.terminate()
    }
    worker.on('message', ({ id, out }: { id: number; out: ScannedFile[] }) => {
      pending.delete(id)
      out.forEach((r, k) => settle[id + k].resolve(r))
      give()
    })
    const fail = (error: unknown): void => {
      for (const id of pending) {
        const n = Math.min(CHUNK, files.length - id)
        for (let k = 0; k < n; k++) settle[id + k].reject(error)
      }
      pending.clear()
    }
    let failure: unknown
    worker.on('error', error => {
      failure = error
      fail(error)
    })
    worker.on('exit', code => {
      failure ??= new Error(`dump scan thread exited (${code}) with files pending`)
      fail(failure)
      if (--live === 0) orphan(failure)
    })
    live++
    for (let a = 0; a < AHEAD; a++) give()
    workers.push(worker)
  }
  return {
    results,
    close: async () => {
      await Promise.all(workers.map(w => w.terminate()))
    }
  }
}
