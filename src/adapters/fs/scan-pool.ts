import type { ScriptList } from '../../core/scripts/targets.js'
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
  /** Set by the pool: what this thread writes in a chunk's claim flag (see startScanPool). */
  tag?: number
}

export interface ScanChunk {
  id: number
  files: ScanFile[]
  /** Claim flags shared by the threads: the chunk is scanned by whoever sets `slot` first. */
  claims: SharedArrayBuffer
  slot: number
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
      /** With `graph`: its graphBytes, counted where it was read (a pass over every string). */
      size?: number
    }
  | { error: string }
  | { cmd: CmdHead }

/** A dump's answer from a scan (not a read error, not a `.cmd` file). */
export type ScannedDumpFile = Extract<ScannedFile, { scanned: ScannedDump }>

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
  /** An object assembled from a `.S` (src/core/scripts), its files joined alike. */
  script?: Omit<ScriptList, 'files'> & { files: string }
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
/**
 * With a scan index, the files left to read are those it could not answer from a stat: nearly all
 * kept dumps, each read as a graph (~200-300 µs, not ~20). Warm at 10x (two cores, threads 0 / 1):
 * `explain skb_headlen`, 1,180 reads, 0.92 / 0.81 s; `explain sk_free`, 440 reads, 0.53 / 0.54 s;
 * `analyze` of the bench patch, 1,780 reads, 1.18 / 1.09 s.
 */
export const MIN_INDEXED_READS = 1024
/** Threads at most: four with this one, as before it lent a hand (not measured past two cores). */
const MAX_THREADS = 3

/** The worker script beside this module: in dist/ and build/, not in the TypeScript sources. */
const SCAN_SCRIPT = new URL('./scan-worker.js', import.meta.url)

/**
 * Threads to use for `files` dumps: KLP_AFFECTED_SCAN_THREADS forces a count (0: none; tests use it
 * to compare both paths), else, for enough files, one fewer than the cores.
 */
export function scanThreads(files: number, min = MIN_FILES): number {
  const forced = process.env.KLP_AFFECTED_SCAN_THREADS
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced)
  if (files < min) return 0
  // This thread scans too once the walk is over (ScanPool.lend): one thread fewer than cores.
  return Math.min(availableParallelism() - 1, MAX_THREADS)
}

/**
 * Whether the `dumps`-th dump found is where `scanThreads` may change its answer: the first (a
 * forced count) or the MIN_FILES-th. The walk asks at each dump; reading the environment each
 * time would not be free.
 */
export function poolCheckpoint(dumps: number, min = MIN_FILES): boolean {
  return dumps === 1 || dumps === min
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
export function prewarmScanThread(
  roots: readonly string[] = [],
  statted: ReadonlySet<string> = new Set()
): void {
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
  startPrewalks(warm.worker, roots, statted)
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
   * Queues one file; its ticket is what `result` takes. Files must be added in path order: each
   * thread scans its chunks in the order given, which DumpSet.addScanned relies on.
   */
  add(file: ScanFile): number
  /**
   * The scan of the file with `ticket`, once (its thread's failure as a rejection): the value
   * itself when its chunk is back, else a promise.
   */
  result(ticket: number): ScannedFile | Promise<ScannedFile>
  /** Up to `threads` threads in all (more dumps than the first ones made worth it). */
  grow(threads: number): void
  /** No more files: the last partial chunk goes out. */
  end(): void
  /**
   * After `end`, on a core the threads leave idle: scans the next chunk no thread has claimed on
   * the calling thread. False when there is none left (or a thread per core).
   */
  lend(): boolean
  /** Stops the threads, once every result was taken (or nobody wants them). */
  close(): Promise<void>
}

/**
 * A chunk: its claim flag (0 while unclaimed, else the claimer's tag), then its scans or the
 * failure of the thread that claimed it. `back` settles (never rejects) when either arrives.
 */
interface Chunk {
  id: number
  files: ScanFile[]
  /** The claim table the chunk's flag is in (shared with the threads), and its place there. */
  flags: Int32Array
  slot: number
  out?: Array<ScannedFile | undefined>
  error?: Error
  /** What a scan on this thread threw, by index in the chunk (a rejection of that file alone). */
  thrown?: Map<number, Error>
  /** Per file of the chunk: its answer was given (see `result`). */
  given: Uint8Array
  taken: number
  back?: Promise<void>
  wake?: () => void
}

/** Chunks per claim table: one shared buffer of flags serves this many chunks. */
const CLAIMS_PER_TABLE = 1024
/** The claim tag of the calling thread when it lends a hand; threads are 2, 3, ... */
const LENDER = 1

/**
 * Starts `threads` scan threads for dumps scanned as `spec` says, fed while the caller still walks
 * the tree: a thread takes ~40 ms to boot and the walk of 27,000 dumps ~400 ms, during which the
 * threads would otherwise wait. Every chunk goes to every thread as soon as it is full, with a
 * flag in shared memory that the first thread to reach it claims (so does this thread, in
 * `lend`): a thread never waits for this one to hand it work. When chunks went out a few at a
 * time per answer, a thread drained them whenever this one was busy (a kept dump's scan, a
 * collection): 170 ms idle of the other core's 1.26 s load at 27,000 dumps. (Each thread
 * unpacks every chunk, those it skips too: cheap against a scan, for the few threads there are.)
 * Files are tickets, not promises: a promise per dump, its callbacks and its waiter were 27,000
 * of each for this thread to make and collect. A thread that dies fails the chunks it claimed
 * (a dump it died on may kill this thread too); once none is left, this thread scans the rest.
 */
export function startScanPool(spec: ScanSpec, threads: number): ScanPool | undefined {
  // Shares of the most threads the pool can grow to, so that together they stay in the budget.
  const share = Math.floor((spec.keptTextBudget ?? 0) / Math.max(threads, scanThreads(Infinity)))
  const workers = new Map<Worker, number>()
  const focused = spec.focus !== undefined
  /** Chunks made and not yet wholly taken, in id order (a Map keeps insertion order). */
  const chunks = new Map<number, Chunk>()
  let queue: ScanFile[] = []
  let added = 0
  let ended = false
  let nextId = 0
  let nextTag = LENDER + 1
  /** Chunks below this id are claimed (or failed): `lend` looks from here. */
  let lendFrom = 0
  let table: Int32Array | undefined
  let failure: Error = new Error('no dump scan thread is running')
  let closed = false
  let lender: FileScanner | undefined

  const message = (c: Chunk): ScanChunk => ({
    id: c.id,
    files: c.files,
    claims: c.flags.buffer as SharedArrayBuffer,
    slot: c.slot
  })
  const back = (c: Chunk, out: Array<ScannedFile | undefined>): void => {
    c.out = out
    c.wake?.()
  }
  const fail = (c: Chunk, error: Error): void => {
    c.error = error
    c.wake?.()
  }
  /** The queued files as chunks, to every thread: full ones, or all once the files end. */
  const send = (): void => {
    while (queue.length >= CHUNK || (ended && queue.length > 0)) {
      const files = queue.length > CHUNK ? queue.slice(0, CHUNK) : queue
      queue = files === queue ? [] : queue.slice(CHUNK)
      const id = nextId++
      const slot = id % CLAIMS_PER_TABLE
      if (slot === 0) table = new Int32Array(new SharedArrayBuffer(4 * CLAIMS_PER_TABLE))
      const c: Chunk = {
        id,
        files,
        flags: table as Int32Array,
        slot,
        given: new Uint8Array(files.length),
        taken: 0
      }
      // A ticket's chunk is its number over CHUNK: after a short chunk, the next starts afresh.
      if (files.length < CHUNK) added = nextId * CHUNK
      chunks.set(id, c)
      const m = message(c)
      for (const w of workers.keys()) w.postMessage(m)
    }
  }
  const pending = (c: Chunk): boolean => c.out === undefined && c.error === undefined
  /** Scans `c` on this thread if no thread claimed it: false when one had. */
  const scanHere = (c: Chunk): boolean => {
    if (Atomics.compareExchange(c.flags, c.slot, 0, LENDER) !== 0) return false
    lender ??= new FileScanner({ ...spec, share })
    const out: Array<ScannedFile | undefined> = []
    for (const [k, f] of c.files.entries()) {
      try {
        out.push(lender.scan(f))
      } catch (error) {
        out.push(undefined)
        ;(c.thrown ??= new Map()).set(k, error instanceof Error ? error : new Error(String(error)))
      }
    }
    back(c, out)
    return true
  }
  const spawn = (): void => {
    const tag = nextTag++
    const worker = scanWorker({ ...spec, share, tag })
    workers.set(worker, tag)
    worker.on('message', ({ id, out }: { id: number; out: PostedFile[] }) => {
      const c = chunks.get(id)
      if (c && pending(c))
        back(
          c,
          out.map((r, k) => received(r, c.files[k].path, focused))
        )
    })
    // Failed on 'exit', not 'error': Node hands on the messages a thread posted before it died
    // only then, and a chunk it answered before its error is not lost with it.
    let error: Error | undefined
    worker.on('error', (e: Error) => (error ??= e))
    worker.on('exit', code => {
      if (!workers.delete(worker)) return
      const lost = error ?? new Error(`dump scan thread exited (${code}) with files pending`)
      failure = lost
      for (const c of chunks.values())
        if (pending(c) && Atomics.load(c.flags, c.slot) === tag) fail(c, lost)
      // With every thread gone, whoever waits for a chunk none claimed has it scanned here.
      if (workers.size > 0 || closed) return
      for (const c of chunks.values()) if (pending(c)) c.wake?.()
    })
    // A thread started late takes the chunks sent before it too, those still unclaimed.
    for (const c of chunks.values())
      if (Atomics.load(c.flags, c.slot) === 0) worker.postMessage(message(c))
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
  if (workers.size === 0) return undefined
  let spawned = workers.size
  const result = (ticket: number): ScannedFile | Promise<ScannedFile> => {
    const id = Math.floor(ticket / CHUNK)
    const c = chunks.get(id)
    const k = ticket % CHUNK
    if (!c || c.given[k]) throw new Error(`internal: scan ticket ${ticket} taken twice`)
    if (pending(c) && workers.size === 0 && !closed) scanHere(c)
    if (!pending(c)) {
      c.given[k] = 1
      // Taken once: kept, every scan would live until the whole load ends.
      if (++c.taken === c.files.length) chunks.delete(id)
      if (c.error) return Promise.reject(c.error)
      const thrown = c.thrown?.get(k)
      if (thrown) return Promise.reject(thrown)
      const out = (c.out as Array<ScannedFile | undefined>)[k] as ScannedFile
      ;(c.out as Array<ScannedFile | undefined>)[k] = undefined
      return out
    }
    if (closed) return Promise.reject(failure)
    const arrived = (c.back ??= new Promise<void>(resolve => (c.wake = resolve)))
    return arrived.then(() => {
      c.back = undefined
      return result(ticket)
    })
  }
  return {
    grow(more) {
      // Only while files are still coming: a thread started at the end would only boot. Not
      // after one was lost (it would be the one that failed for want of resources).
      while (!ended && spawned < more && workers.size === spawned) {
        if (!started()) break
        spawned++
      }
    },
    add(file) {
      const ticket = added++
      queue.push(file)
      send()
      return ticket
    },
    result,
    end() {
      ended = true
      send()
    },
    lend() {
      if (!ended || closed) return false
      if (workers.size >= availableParallelism()) return false
      for (let id = lendFrom; id < nextId; id++) {
        lendFrom = id + 1
        const c = chunks.get(id)
        if (c && scanHere(c)) return true
      }
      return false
    },
    async close() {
      closed = true
      await Promise.all([...workers.keys()].map(w => w.terminate()))
    }
  }
}
