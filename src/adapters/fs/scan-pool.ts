import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ScannedDump } from '../../core/dumps/scanner.js'
import type { IndexedDump } from '../../core/scan-index/entry.js'
import { received, type PostedFile } from './scan-message.js'

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

/**
 * Whether the `dumps`-th dump found is where `scanThreads` may first say yes: the first (a forced
 * count) or the MIN_FILES-th. The walk asks at each dump; reading the environment each time would not be free.
 */
export function poolCheckpoint(dumps: number): boolean {
  return dumps === 1 || dumps === MIN_FILES
}

export function scanWorkerAvailable(): boolean {
  return SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(SCRIPT))
}

/** Worker threads, started before the files to scan are known (see `startScanPool`). */
export interface ScanPool {
  /**
   * Reads and validates `files` a chunk at a time, in path order per thread (which
   * DumpSet.addScanned relies on). Returns one promise per file, in the order given. Called once;
   * a worker that dies fails its files' promises.
   */
  scan(
    files: Array<{ abs: string; path: string; entry?: IndexedDump }>
  ): Array<Promise<ScannedFile>>
  /** Stops the threads; after `scan`, once every promise has settled. */
  close(): Promise<void>
}

/**
 * Starts `threads` scan threads for dumps scanned as `spec` says. They are started while the
 * caller still walks the tree: a thread takes ~40 ms to boot, as long as the whole walk of 2,700
 * dumps, and boots on its own core.
 */
export function startScanPool(spec: ScanSpec, threads: number): ScanPool {
  const workers = Array.from({ length: threads }, () => new Worker(SCRIPT, { workerData: spec }))
  // A thread can fail while booting, before `scan` listens: its error is kept for the files.
  const gone = new Map<Worker, unknown>()
  for (const w of workers) {
    w.on('error', error => gone.set(w, error))
    w.on('exit', code => {
      if (!gone.has(w)) gone.set(w, new Error(`dump scan thread exited (${code}) before the scan`))
    })
  }
  const close = async (): Promise<void> => {
    await Promise.all(workers.map(w => w.terminate()))
  }
  return { scan: files => scanOn(workers, gone, files), close }
}

function scanOn(
  all: Worker[],
  gone: Map<Worker, unknown>,
  files: Array<{ abs: string; path: string; entry?: IndexedDump }>
): Array<Promise<ScannedFile>> {
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
  // With every thread gone, the chunks no thread took would wait forever.
  const orphan = (error: unknown): void => {
    for (; next < chunks.length; next++) {
      const { id, files: some } = chunks[next]
      for (let k = 0; k < some.length; k++) settle[id + k].reject(error)
    }
  }
  const alive = all.filter(w => !gone.has(w))
  const workers = alive.slice(0, chunks.length)
  for (const idle of alive.slice(chunks.length)) void idle.terminate()
  if (workers.length === 0 && chunks.length > 0) orphan(gone.values().next().value)
  for (const worker of workers) {
    const pending = new Set<number>()
    const give = (): void => {
      if (next < chunks.length) {
        const chunk = chunks[next++]
        pending.add(chunk.id)
        worker.postMessage(chunk)
      } else if (pending.size === 0) void worker.terminate()
    }
    worker.on('message', ({ id, out }: { id: number; out: PostedFile[] }) => {
      pending.delete(id)
      out.forEach((r, k) => settle[id + k].resolve(received(r, files[id + k].path)))
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
  }
  return results
}
