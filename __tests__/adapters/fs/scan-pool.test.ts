import { jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import * as realOs from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../helpers/temp-dir.js'

/**
 * The scan pool sends every chunk to every thread; a flag in shared memory says who scans it (a
 * thread, or this one lending a hand). Modelled here with threads that run in this process, as
 * the real one does (scan-worker.ts): each chunk scanned exactly once whoever claims it, and a
 * thread that dies fails the chunks it claimed, never a chunk another scanner took, and never
 * leaves a file unanswered. A dying thread is an `error` event, then `exit` once Node handed on
 * the messages it posted before (a thread may hold one back until after its error, as Node's
 * ports can deliver it).
 */
const threads: FakeThread[] = []

class FakeThread extends EventEmitter {
  readonly scanned: number[] = []
  /** Dies on claiming its `dieAt`-th chunk, before answering it. */
  dieAt = Infinity
  /** Its last answer before dying reaches the pool after its error (and before its exit). */
  answerLate = false
  private held: { id: number; out: unknown[] } | undefined
  private spec: { tag?: number }
  private scanner: { scan(f: unknown): unknown } | undefined
  private dead = false

  constructor(_url: URL, options: { workerData: { tag?: number } }) {
    super()
    this.spec = options.workerData
    threads.push(this)
  }

  postMessage(m: { id: number; files: unknown[]; claims: SharedArrayBuffer; slot: number }): void {
    // A thread answers later, from its own queue: never within the sender's turn.
    setImmediate(() => {
      if (this.dead) return
      const tag = this.spec.tag ?? 2
      if (Atomics.compareExchange(new Int32Array(m.claims), m.slot, 0, tag) !== 0) return
      if (this.scanned.length + 1 >= this.dieAt) {
        this.dead = true
        this.emit('error', new Error(`thread ${tag} died`))
        if (this.held) this.emit('message', this.held)
        this.emit('exit', 1)
        return
      }
      this.scanned.push(m.id)
      this.scanner ??= new FileScanner(this.spec as ScanSpec)
      const out = m.files.map(f => post(this.scanner?.scan(f) as ScannedFile))
      if (this.answerLate && this.scanned.length + 1 === this.dieAt) this.held = { id: m.id, out }
      else this.emit('message', { id: m.id, out })
    })
  }

  terminate(): Promise<number> {
    if (!this.dead) this.emit('exit', 1)
    this.dead = true
    return Promise.resolve(1)
  }

  ref(): void {}
  unref(): void {}
}

jest.unstable_mockModule('node:worker_threads', () => ({
  Worker: FakeThread,
  default: { Worker: FakeThread }
}))
jest.unstable_mockModule('node:os', () => {
  const availableParallelism = (): number => 4
  return { ...realOs, default: { ...realOs, availableParallelism }, availableParallelism }
})

const { startScanPool } = await import('../../../src/adapters/fs/scan-pool.js')
const { FileScanner } = await import('../../../src/adapters/fs/scan-file.js')
const { post } = await import('../../../src/adapters/fs/scan-message.js')
type ScanSpec = import('../../../src/adapters/fs/scan-pool.js').ScanSpec
type ScannedFile = import('../../../src/adapters/fs/scan-pool.js').ScannedFile

/** 48 files a chunk: 300 dumps are six full chunks and one of 12. */
const FILES = 300
const SPEC: ScanSpec = { label: 'x', focus: { names: ['helper_7'], files: [] } }

function dumps(): Array<{ abs: string; path: string }> {
  const root = tempDir('klp-pool-')
  const files = []
  for (let k = 0; k < FILES; k++) {
    const path = `net/d${k % 9}/x${String(k).padStart(3, '0')}.c.000i.ipa-clones`
    mkdirSync(join(root, path, '..'), { recursive: true })
    // Every 40th dump is damaged: its finding must come back from whoever scanned it.
    const line =
      k % 40 === 39
        ? 'Callgraph clone;broken\n'
        : `Callgraph clone;helper_${k % 10};1;net/x${k}.c;1;1;caller_${k};2;net/x${k}.c;5;1;inlining to\n`
    writeFileSync(join(root, path), line)
    files.push({ abs: join(root, path), path })
  }
  return files
}

/** Every ticket's answer, or its rejection's message. */
async function answers(
  pool: NonNullable<ReturnType<typeof startScanPool>>,
  tickets: number[]
): Promise<Array<ScannedFile | string>> {
  return Promise.all(
    tickets.map(t =>
      Promise.resolve()
        .then(() => pool.result(t))
        .catch((e: unknown) => (e as Error).message)
    )
  )
}

/**
 * A scan without its sample: every scanner samples the first dumps it scans for the set's vote
 * on the tree's prefix (see DumpScanner.sample), so which scanner was first shows there.
 */
function unsampled(r: ScannedFile | string): unknown {
  if (typeof r === 'string' || !('scanned' in r)) return r
  const scanned: Partial<typeof r.scanned> = { ...r.scanned }
  delete scanned.sampled
  delete scanned.rename
  return { ...r, scanned }
}

function lendAll(pool: NonNullable<ReturnType<typeof startScanPool>>): number {
  let lent = 0
  while (pool.lend()) lent++
  return lent
}

/**
 * 300 dumps, what this thread alone makes of them, and a pool of two threads; `dieAt` per thread
 * is set before the first file goes out.
 */
function started(dieAt: number[] = []): {
  files: Array<{ abs: string; path: string }>
  expected: ScannedFile[]
  pool: NonNullable<ReturnType<typeof startScanPool>>
} {
  const files = dumps()
  const alone = new FileScanner(SPEC)
  const expected = files.map(f => alone.scan(f))
  const pool = startScanPool(SPEC, 2)
  if (!pool) throw new Error('no pool')
  dieAt.forEach((d, i) => (threads[i].dieAt = d))
  return { files, expected, pool }
}

beforeEach(() => {
  threads.length = 0
})

describe('a scan pool whose threads claim chunks', () => {
  it('scans each chunk once, on a thread or this one, as this thread alone would', async () => {
    const { files, expected, pool } = started()
    const tickets = files.map(f => pool.add(f))
    pool.end()
    // This thread claims the first two chunks before the threads reach them, then whatever
    // they left.
    const lent = Number(pool.lend()) + Number(pool.lend())
    await new Promise(resolve => setImmediate(resolve))
    expect(lendAll(pool)).toBe(0)
    // Chunk 0 was scanned here: its answers are at hand, and each is given once.
    const first = pool.result(tickets[0])
    expect(first).not.toBeInstanceOf(Promise)
    expect(() => pool.result(tickets[0])).toThrow(/taken twice/)
    const got = [first, ...(await answers(pool, tickets.slice(1)))]
    const byThreads = threads.flatMap(t => t.scanned)
    expect(new Set(byThreads).size).toBe(byThreads.length)
    expect(byThreads.length + lent).toBe(7)
    expect(lent).toBe(2)
    expect(byThreads).not.toContain(0)
    expect(got).toEqual(expected)
    expect(got.filter(g => typeof g !== 'string' && 'scanned' in g && g.scanned.kept)).toHaveLength(
      30
    )
    // A ticket is answered once: its scan is not held for the rest of the load.
    expect(() => pool.result(tickets[5])).toThrow(/taken twice/)
    await pool.close()
  })

  it('fails the chunk a dying thread claimed and no other; the rest is scanned', async () => {
    const { files, expected, pool } = started([2])
    const tickets = files.map(f => pool.add(f))
    pool.end()
    await new Promise(resolve => setImmediate(resolve))
    lendAll(pool)
    const got = await answers(pool, tickets)
    const failed = got.flatMap((g, i) => (typeof g === 'string' ? [i] : []))
    // The second chunk the first thread claimed: one whole chunk, its thread's error.
    expect(failed).toHaveLength(48)
    expect(failed[0] % 48).toBe(0)
    expect(new Set(failed.map(i => got[i]))).toEqual(new Set(['thread 2 died']))
    for (const [i, g] of got.entries())
      if (typeof g !== 'string') expect(unsampled(g)).toEqual(unsampled(expected[i]))
    await pool.close()
  })

  it('keeps a chunk a dying thread answered before its error reached the pool', async () => {
    const { files, expected, pool } = started([3])
    threads[0].answerLate = true
    const tickets = files.map(f => pool.add(f))
    pool.end()
    await new Promise(resolve => setImmediate(resolve))
    const got = await answers(pool, tickets)
    const failed = got.flatMap((g, i) => (typeof g === 'string' ? [i] : []))
    // Its third chunk only: the second, answered late, is kept.
    expect(threads[0].scanned).toHaveLength(2)
    expect(failed).toHaveLength(48)
    for (const [i, g] of got.entries())
      if (typeof g !== 'string') expect(unsampled(g)).toEqual(unsampled(expected[i]))
    await pool.close()
  })

  it('scans here what no thread claimed once every thread died; claimed chunks fail', async () => {
    const { files, expected, pool } = started([1, 2])
    const tickets = files.map(f => pool.add(f))
    pool.end()
    // Asked before the threads die: the waiter is woken and its chunk scanned here.
    const early = pool.result(tickets[FILES - 1])
    expect(early).toBeInstanceOf(Promise)
    await new Promise(resolve => setImmediate(resolve))
    await new Promise(resolve => setImmediate(resolve))
    expect(threads.map(t => t.scanned.length)).toEqual([0, 1])
    // Thread 2 died on its first chunk, thread 3 on its second: those two fail, with their
    // threads' errors; this thread scans the rest: for the waiter woken by the last thread's
    // end, by lending, and when asked.
    const last = await Promise.resolve(early)
    expect(pool.lend()).toBe(true)
    const got = [...(await answers(pool, tickets.slice(0, FILES - 1))), last]
    const failed = got.flatMap((g, i) => (typeof g === 'string' ? [i] : []))
    expect(failed).toHaveLength(96)
    expect(new Set(failed.map(i => got[i]))).toEqual(new Set(['thread 2 died', 'thread 3 died']))
    for (const [i, g] of got.entries())
      if (typeof g !== 'string') expect(unsampled(g)).toEqual(unsampled(expected[i]))
    // A failed file is answered once, as any other; a file added now is scanned here too.
    expect(() => pool.result(tickets[failed[0]])).toThrow(/taken twice/)
    const late = pool.add(files[0])
    pool.end()
    expect(unsampled(pool.result(late) as ScannedFile)).toEqual(unsampled(expected[0]))
    await pool.close()
  })
})
