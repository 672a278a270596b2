import { fileName, normalizePath } from '../../core/paths.js'
import type { IndexedDump } from '../../core/scan-index/entry.js'
import { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import { FileScanner } from './scan-file.js'
import type { ScanIndex } from '../../core/scan-index/store.js'
import {
  MIN_INDEXED_READS,
  poolCheckpoint,
  scanThreads,
  scanWorkerAvailable,
  startScanPool,
  type ScanPool,
  type ScanSpec,
  type ScannedFile
} from './scan-pool.js'
import { NOT_STATTED } from './prewalk.js'
import { currentStatKey, stableWindow } from './stat-key.js'
import { RootDetector } from './set-root.js'
import type { WalkedFile } from './walk-tree.js'

/** Stats `unchangedAnswer` tries before it judges whether they pay. */
const PROBES = 256

/**
 * Hands the dumps of one directory to scan threads as the walk finds them (in path order), under
 * the root-relative path the collector will give each (the same root detection, fed the same
 * files in the same order). The threads start at the dump that makes them worth it
 * (`scanThreads`); the dumps found before wait for them. Without threads, dumps are read where
 * the collector asks, on this thread, in path order: read as bytes and checked undecoded as a
 * thread would (the collector's own text read decodes and scans every line).
 */
export class DumpFeed {
  /** Files by their index in the walk (the order of `offer`), which stands for each below. */
  private readonly offered: WalkedFile[] = []
  private readonly root = new RootDetector<number>()
  /**
   * A pooled dump's ticket (see ScanPool.add), or the answer found here, by walk index: at
   * 27,000 dumps, maps keyed by the file objects cost this thread ~25 ms in their identity hashes.
   */
  private readonly results: Array<number | ScannedFile | undefined> = []
  /** Dumps placed while no thread runs, by walk index, with their root-relative paths. */
  private waiting: Array<{ item: number; path: string }> = []
  private readonly pathOf: Array<string | undefined> = []
  private dumps = 0
  /** With an index: the files placed that it did not answer (see `place`). */
  private reads = 0
  private pool: ScanPool | undefined
  /** Without threads: the scanner on this thread, for the dumps placed (see `result`). */
  private local: FileScanner | undefined

  private readonly spec: ScanSpec | undefined
  private readonly stableMs = stableWindow()
  /** Answers, on this thread, the dumps the index rules out unread (see `unchangedAnswer`). */
  private checker: IndexedScanner | undefined
  private probes = 0
  private equalStats = 0
  /** The walk's stat keys, by walk index, where the walking thread took them (see prewalk.ts). */
  private stats: string[] | undefined

  constructor(
    spec: ScanSpec | undefined,
    private readonly index: ScanIndex | undefined
  ) {
    this.spec = spec && index ? { ...spec, index: true, stableMs: this.stableMs } : spec
  }

  /** The stat keys the walking thread took, by walk index: `offer` must hand that walk's files. */
  useStats(stats: string[]): void {
    this.stats = stats
  }

  offer(f: WalkedFile): void {
    if (!this.spec) return
    // With an index, threads are for the files that must be read (see `place`).
    if (!this.index && f.role === 'dump' && poolCheckpoint(++this.dumps)) this.threads(this.dumps)
    this.place(this.root.offer(f.rel, this.offered.push(f) - 1))
  }

  /** Threads for `files` files to read: started, or more of them. */
  private threads(files: number): void {
    const spec = this.spec as ScanSpec
    const threads = this.index ? scanThreads(files, MIN_INDEXED_READS) : scanThreads(files)
    if (this.pool) this.pool.grow(threads)
    else if (threads > 0 && scanWorkerAvailable()) {
      this.pool = startScanPool(spec, threads)
      if (this.pool) {
        for (const w of this.waiting) this.add(w.item, w.path)
        this.waiting = []
      }
    }
  }

  /** Scan threads run: their answers come in while the walk goes on. */
  get pooled(): boolean {
    return this.pool !== undefined
  }

  /** The walk is over: every dump goes out. */
  end(): void {
    if (!this.spec) return
    this.place(this.root.finish())
    if (this.pool) this.pool.end()
    else {
      this.local = new FileScanner({ ...this.spec, share: this.spec.keptTextBudget ?? 0 })
      for (const w of this.waiting)
        if (this.offered[w.item].role === 'dump') this.pathOf[w.item] = w.path
    }
    this.waiting = []
  }

  /**
   * The scan of the `i`-th walked file, a dump, or undefined to read it as any other file. Asked
   * once per file, in path order, as a scanner must be fed (the indexed scan here runs then).
   */
  result(i: number): ScannedFile | Promise<ScannedFile> | undefined {
    const pooled = this.results[i]
    // Asked once: kept, every scanned dump would live until the whole load ends.
    this.results[i] = undefined
    if (typeof pooled === 'number') return (this.pool as ScanPool).result(pooled)
    const path = this.pathOf[i]
    if (pooled || !this.local || path === undefined) return pooled
    const { abs } = this.offered[i]
    const entry = this.index?.lookup(path)
    return this.local.scan(entry ? { abs, path, entry } : { abs, path })
  }

  /** After `end`: `f` is at the root of the kernel tree the walk found (e.g. its modules.order). */
  atRoot(f: WalkedFile): boolean {
    const root = this.spec ? this.root.root : undefined
    if (root === undefined) return false
    const base = fileName(f.rel)
    return normalizePath(f.rel) === (root === '' ? base : `${root}/${base}`)
  }

  /**
   * After `end`: this thread scans queued dumps too, while the threads leave a core idle (one
   * thread on two cores: a kernel's 2,711 dumps). Yields between chunks, so results flow meanwhile.
   */
  async lend(): Promise<void> {
    const pool = this.pool
    if (!pool) return
    while (pool.lend()) await new Promise(resolve => setImmediate(resolve))
  }

  /**
   * A dump whose entry rules it out for the focus and whose stat is the entry's, answered here:
   * a thread would only stat it too, and at 27,000 dumps posting each entry to a thread and its
   * answer back cost the main thread more than the stat (warm `explain` at 10x: 1.43 -> 1.33 s).
   * Where the stats mostly differ (dumps downloaded afresh, the index restored from a cache), the
   * stat here would be wasted: after PROBES tries with fewer than half equal, it stops.
   */
  private unchangedAnswer(i: number, path: string, entry: IndexedDump): ScannedFile | undefined {
    const abs = this.offered[i].abs
    const spec = this.spec as ScanSpec
    if (entry.stat === undefined || spec.print) return undefined
    if (this.probes >= PROBES && this.equalStats * 2 < this.probes) return undefined
    this.checker ??= new IndexedScanner(spec.label, spec.focus)
    if (!this.checker.ruledOut(path, entry)) return undefined
    this.probes++
    let stat: string | undefined
    const taken = this.stats?.[i]
    if (taken !== undefined && taken !== NOT_STATTED) stat = taken === '' ? undefined : taken
    else {
      try {
        stat = currentStatKey(abs, this.stableMs)
      } catch {
        return undefined
      }
    }
    if (stat !== entry.stat) return undefined
    this.equalStats++
    return { scanned: this.checker.fromEntry(path, entry) }
  }

  async close(): Promise<void> {
    await this.pool?.close()
  }

  private place(out: Array<{ path: string; item: number }>): void {
    for (const { path, item: i } of out) {
      const item = this.offered[i]
      // A `.cmd` file goes to a thread too (its dependency list is parsed there), unless the
      // set fingerprints its texts (several inputs joined: the collector compares whole texts).
      if (item.role !== 'dump' && (item.role !== 'cmd' || this.spec?.print)) continue
      if (this.index) {
        if (item.role === 'dump' && this.settle(i, path)) continue
        // A warm index answers most dumps here from a stat: the threads start when enough
        // files are left to read (warm `explain` at 10x: 0.66 -> 0.59 s without a thread).
        if (poolCheckpoint(++this.reads, MIN_INDEXED_READS)) this.threads(this.reads)
      }
      if (this.pool) this.add(i, path)
      else this.waiting.push({ item: i, path })
    }
  }

  /** A dump the index answers on this thread (see `unchangedAnswer`): true when it did. */
  private settle(i: number, path: string): boolean {
    const entry = this.index?.lookup(path)
    const settled = entry && this.unchangedAnswer(i, path, entry)
    if (settled) this.results[i] = settled
    return settled !== undefined
  }

  private add(i: number, path: string): void {
    const pool = this.pool as ScanPool
    const item = this.offered[i]
    if (item.role === 'cmd') {
      this.results[i] = pool.add({ abs: item.abs, path, cmd: true })
      return
    }
    const entry = this.index?.lookup(path)
    this.results[i] = pool.add(entry ? { abs: item.abs, path, entry } : { abs: item.abs, path })
  }
}
