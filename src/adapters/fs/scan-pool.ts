import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { CompactGraph } from '../../core/dumps/compact-graph.js'
import type { ScannedDump } from '../../core/dumps/scanner.js'
import type { IndexedDump } from '../../core/scan-index/entry.js'
import { forgetPrewalks, startPrewalks } from './prewalk.js'
import { received, type PostedFile } from './scan-message.js'
import type { BytesPrint } from './reread.js'
import { FileScanner } from './scan-file.js'

/** What a worker needs to scan dumps as the set would (see DumpSet.scanSpec). */
export interface ScanSpec {
  label: string
  focus?: { names: string[]; files: string[] }
  /** Fingerprint each text (several inputs joined in one set, see Collector). */
  print?: boolean
  /** Read through the scan index (see scan-indexed.ts): chunks carry the entries to check. */
  index?: boolean
  /** With `index`: how old a file's change time must be for its entry to keep its stat. */
  stableMs?: number
  /** The set's kept-text budget; each of the threads sends the bytes of at most its share. */
  keptTextBudget?: number
  /** Set by the pool: this thread's share. */
  share?: number
}

export interface ScanChunk {
  id: number
  files: ScanFile[]
}

/**
 * `made`: the scan index's new entry for the file, when it was validated (index on). `bytes`: a
 * kept dump's bytes, sent in place of its text (see HeldText); `spilled`, in place of the bytes
 * once the thread's share of the budget is spent.
 */
export type ScannedFile =
  | {
      scanned: ScannedDump
      print?: string
      made?: IndexedDump
      bytes?: Uint8Array
      spilled?: BytesPrint
      digest?: string
      /** With `spilled`: the kept dump's graph, held in place of its text (see HeldText.graph). */
      graph?: CompactGraph
    }
  | { error: string }
  | { cmd: CmdHead }

/** A kbuild `.cmd` file read on a thread: what the collector keeps of it (see cmd-head.ts). */
export interface CmdHead {
  /** Its `cmd_`/`source_` lines (trimCmd). */
  text: string
  /**
   * Its dependency list, the files joined by newlines: one string crosses threads and waits for
   * the collector's turn far cheaper than an array of 600 (as arrays, the 1.7 million paths of a
   * build outlived the young generation and cost the main thread a second of collection).
   */
  deps?: { tu: string; files: string; complete: boolean }
}

/** `cmd`: a kbuild `.cmd` file, read for its head (see CmdHead), not a dump. */
export type ScanFile = { abs: string; path: string; entry?: IndexedDump; cmd?: true }

/** Files per message: large enough that messaging is noise, small enough to balance the threads. */
const CHUNK = 48
/**
 * Below MIN_FILES dumps this thread alone does best: a dump is read and checked in ~15 µs (see
 * core/line-check), and a thread's boot and messages cost more than it takes over. Measured on
 * two cores, `explain` (median of 3, seconds, threads 0 / 1 / 2): 2,711 dumps 0.25 / 0.28 / 0.30,
 * 8,133 dumps 0.49 / 0.45 / 0.48, 13,555 dumps 0.61 / 0.60 / 0.62, 27,110 dumps 1.05 / 0.88 /
 * 0.93 (`analyze` of the bench patch: 2.16 s with one thread, 2.24 s with two).
 */
const MIN_FILES = 6144
/** Threads at most: four with this one, as before it lent a hand (not measured past two cores). */
const MAX_THREADS = 3
/** Chunks handed to a worker ahead, so it never waits for the main thread (busy walking, say). */
const AHEAD = 4

/** The worker script beside this module: in dist/ and build/, not in the TypeScript sources. */
const SCAN_SCRIPT = new URL('./scan-worker.js', import.meta.url)

/**
 * Threads to use for `files` dumps: KLP_AFFECTED_SCAN_THREADS forces a count (0: none; tests use it
 * to compare both paths), else, for enough files, one fewer than the cores.
 */
export function scanThreads(files: number): number {
  const forced = process.env.KLP_AFFECTED_SCAN_THREADS
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced)
  if (files < MIN_FILES) return 0
  // This thread scans too once the walk is over (ScanPool.lend): one thread fewer than cores.
  return Math.min(availableParallelism() - 1, MAX_THREADS)
}

/**
 * Whether the `dumps`-th dump found is where `scanThreads` may change its answer: the first (a
 * forced count) or the MIN_FILES-th. The walk asks at each dump; reading the environment each
 * time would not be free.
 */
export function poolCheckpoint(dumps: number): boolean {
  return dumps === 1 || dumps === MIN_FILES
}

export function scanWorkerAvailable(): boolean {
  return SCAN_SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(SCAN_SCRIPT))
}

/** A scan thread told what to do by its first message; undefined when none can start (EAGAIN). */
export function deferredScanWorker(): Worker | undefined {
  try {
    return new Worker(SCAN_SCRIPT, { workerData: { deferred: true } })
  } catch {
    return undefined
  }
}

/** A thread booted before any set knew it would want one (see `prewarmScanThread`). */
let warm: { worker: Worker; drop: () => void } | undefined

/**
 * Boots one scan thread now, for the first pool to take: booting takes ~80 ms, which `analyze`
 * can hide on the idle core while it maps the diff (0.4 s, one core), where a pool started by the
 * walk would boot while the walk is already handing out dumps. It walks `roots` meanwhile (see
 * prewalk.ts). Unused, it holds nothing open.
 */
export function prewarmScanThread(roots: readonly string[] = []): void {
  forgetPrewalks()
  if (!warm) {
    if (scanThreads(MIN_FILES) === 0 || !scanWorkerAvailable()) return
    // Out of threads (a pids limit, EAGAIN): the pool tries again when the walk wants one.
    const booted = deferredScanWorker()
    if (!booted) return
    booted.unref()
    // A thread that failed or ended before a pool took it is a cold start, not an error of the run.
    const drop = (): void => {
      if (warm?.worker === booted) warm = undefined
    }
    booted.on('error', drop)
    booted.on('exit', drop)
    warm = { worker: booted, drop }
  }
  // A thread an earlier run in this process booted and left untaken walks for this one.
  startPrewalks(warm.worker, roots)
}

/** The prewarmed thread, told its set's spec (its first message), or a new thread. */
function scanWorker(spec: ScanSpec): Worker {
  const booted = warm
  warm = undefined
  if (!booted) return new Worker(SCAN_SCRIPT, { workerData: spec })
  booted.worker.off('error', booted.drop)
  booted.worker.off('exit', booted.drop)
  booted.worker.ref()
  booted.worker.postMessage({ spec })
  return booted.worker
}

/** Worker threads, started before the files to scan are known (see `startScanPool`). */
export interface ScanPool {
  /**
   * Queues one file; the promise settles with its scan (rejects if its thread dies). Files must
   * be added in path order: each thread scans its chunks in the order given, which
   * DumpSet.addScanned relies on.
   */
  add(file: ScanFile): Promise<ScannedFile>
  /** Up to `threads` threads in all (more dumps than the first ones made worth it). */
  grow(threads: number): void
  /** No more files: the last partial chunk goes out. */
  end(): void
  /**
   * After `end`, on a core the threads leave idle: scans the next queued chunk on the calling
   * thread and settles its files. False when there is nothing to take (or a thread per core).
   */
  lend(): boolean
  /** Stops the threads, once every promise has settled (or nobody awaits them). */
  close(): Promise<void>
}

interface Waiting {
  path: string
  resolve: (r: ScannedFile) => void
  reject: (e: unknown) => void
}

/**
 * Starts `threads` scan threads for dumps scanned as `spec` says, fed while the caller still walks
 * the tree: a thread takes ~40 ms to boot and the walk of 27,000 dumps ~400 ms, during which the
 * threads would otherwise wait. Files go out in chunks, AHEAD per thread; a thread gets its next
 * chunk when it answers, so a slow one (its dumps kept and decoded) takes fewer.
 */
export function startScanPool(spec: ScanSpec, threads: number): ScanPool | undefined {
  // Shares of the most threads the pool can grow to, so that together they stay in the budget.
  const share = Math.floor((spec.keptTextBudget ?? 0) / Math.max(threads, scanThreads(Infinity)))
  const workers: Worker[] = []
  const focused = spec.focus !== undefined
  const pending = new Map<Worker, Map<number, Waiting[]>>()
  const queue: Array<{ file: ScanFile; wait: Waiting }> = []
  let head = 0
  let ended = false
  let nextId = 0
  let failure: Error = new Error('no dump scan thread is running')
  let closed = false
  let lender: FileScanner | undefined

  const fail = (waits: Iterable<Waiting>, error: Error): void => {
    for (const w of waits) w.reject(error)
  }
  /** The next `n` queued files, off the front. */
  const take = (n: number): Array<{ file: ScanFile; wait: Waiting }> => {
    const batch = queue.slice(head, head + n)
    head += n
    // The queue's front is spent: drop it now and then rather than shift one by one.
    if (head > 4096) {
      queue.splice(0, head)
      head = 0
    }
    return batch
  }
  const give = (worker: Worker): void => {
    const mine = pending.get(worker)
    while (mine && mine.size < AHEAD) {
      const left = queue.length - head
      const n = left >= CHUNK ? CHUNK : ended ? left : 0
      if (n === 0) break
      const batch = take(n)
      const id = nextId++
      mine.set(
        id,
        batch.map(b => b.wait)
      )
      const chunk: ScanChunk = { id, files: batch.map(b => b.file) }
      worker.postMessage(chunk)
    }
  }
  const giveAll = (): void => {
    for (const w of pending.keys()) give(w)
  }
  // With every thread gone, queued files would wait forever.
  const orphan = (): void => {
    if (pending.size > 0) return
    fail(
      queue.slice(head).map(q => q.wait),
      failure
    )
    queue.length = 0
    head = 0
  }
  const spawn = (): void => {
    const worker = scanWorker({ ...spec, share })
    workers.push(worker)
    pending.set(worker, new Map())
    worker.on('message', ({ id, out }: { id: number; out: PostedFile[] }) => {
      const waits = pending.get(worker)?.get(id)
      if (!waits) return
      pending.get(worker)?.delete(id)
      out.forEach((r, k) => waits[k].resolve(received(r, waits[k].path, focused)))
      give(worker)
    })
    const lost = (error: Error): void => {
      if (pending.has(worker)) failure = error
      const mine = pending.get(worker)
      pending.delete(worker)
      for (const waits of mine?.values() ?? []) fail(waits, error)
      orphan()
    }
    worker.on('error', lost)
    worker.on('exit', code =>
      lost(new Error(`dump scan thread exited (${code}) with files pending`))
    )
    give(worker)
  }
  // Out of threads (a pids limit: `new Worker` throws EAGAIN): fewer threads, or none and the
  // caller scans on the main thread, rather than a failed run.
  const started = (): boolean => {
    try {
      spawn()
      return true
    } catch {
      return false
    }
  }
  for (let t = 0; t < threads; t++) if (!started()) break
  if (workers.length === 0) return undefined
  return {
    grow(more) {
      // Only while files are still coming: a thread started at the end would only boot.
      while (!ended && workers.length < more && pending.size === workers.length)
        if (!started()) break
    },
    add(file) {
      const result = new Promise<ScannedFile>((resolve, reject) => {
        const wait = { path: file.path, resolve, reject }
        if (pending.size === 0) reject(failure)
        else queue.push({ file, wait })
      })
      // A reader that stops early (its consumer threw) leaves results nobody awaits; their
      // failure when the threads are stopped is not news.
      result.catch(() => undefined)
      if (queue.length - head >= CHUNK) giveAll()
      return result
    },
    end() {
      ended = true
      giveAll()
    },
    lend() {
      const left = queue.length - head
      if (!ended || closed || left === 0 || pending.size === 0) return false
      if (workers.length >= availableParallelism()) return false
      const batch = take(Math.min(CHUNK, left))
      lender ??= new FileScanner({ ...spec, share })
      for (const b of batch) {
        try {
          b.wait.resolve(lender.scan(b.file))
        } catch (error) {
          b.wait.reject(error)
        }
      }
      return true
    },
    async close() {
      closed = true
      await Promise.all(workers.map(w => w.terminate()))
    }
  }
}
