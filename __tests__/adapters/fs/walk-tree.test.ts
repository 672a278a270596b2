import { execFileSync } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Worker } from 'node:worker_threads'
import {
  NOT_STATTED,
  startPrewalks,
  takePrewalk,
  walkReply,
  type WalkRequest
} from '../../../src/adapters/fs/prewalk.js'
import {
  MIN_INDEXED_READS,
  prewarmScanThread,
  scanThreads
} from '../../../src/adapters/fs/scan-pool.js'
import { currentStatKey } from '../../../src/adapters/fs/stat-key.js'
import {
  replayWalk,
  walkTree,
  walkTreeSync,
  type Walk,
  type WalkedFile
} from '../../../src/adapters/fs/walk-tree.js'
import { tempDir } from '../../helpers/temp-dir.js'

/** A dump tree with what a walk must sort, skip, name as links or refuse. */
function tree(): string {
  const root = join(tempDir('klp-walk-'), 'linux')
  const file = (rel: string, text = 'x'): void => {
    mkdirSync(join(root, rel, '..'), { recursive: true })
    writeFileSync(join(root, rel), text)
  }
  file('net/ipv4/tcp.c.000i.ipa-clones')
  file('net/ipv4-x/a.c.000i.ipa-clones')
  file('net/core/sock.c.000i.ipa-clones')
  file('net/modules.order')
  file('net/core/sock.mod')
  file('net/README')
  file('.config')
  file('z.c.000i.ipa-clones')
  mkdirSync(join(root, 'dir.c.000i.ipa-clones/sub'), { recursive: true })
  file('dir.c.000i.ipa-clones/sub/in.c.000i.ipa-clones')
  symlinkSync(join(root, 'z.c.000i.ipa-clones'), join(root, 'net/link.c.000i.ipa-clones'))
  execFileSync('mkfifo', [join(root, 'net/fifo.c.000i.ipa-clones')])
  return root
}

async function walked(run: (onFile: (f: WalkedFile) => void) => Promise<Walk>): Promise<unknown> {
  const handed: string[] = []
  const w = await run(f => handed.push(f.rel))
  return { handed, ...w }
}

describe('walkTree', () => {
  const root = tree()

  it('gives every file of interest in path order, links and non-files named', async () => {
    const w = await walkTree(root, () => undefined)
    const rels = w.files.map(f => f.rel)
    expect(rels).toEqual([
      '.config',
      'dir.c.000i.ipa-clones/sub/in.c.000i.ipa-clones',
      'net/core/sock.c.000i.ipa-clones',
      'net/core/sock.mod',
      'net/ipv4-x/a.c.000i.ipa-clones',
      'net/ipv4/tcp.c.000i.ipa-clones',
      'net/modules.order',
      'z.c.000i.ipa-clones'
    ])
    // A folder sorts as its name plus '/': `ipv4-x/` before `ipv4/`, as the whole paths sort.
    expect([...rels].sort()).toEqual(rels)
    expect(w.files.every(f => f.abs === join(root, f.rel))).toBe(true)
    expect(w.files.map(f => f.role)).toEqual([
      'config',
      'dump',
      'dump',
      'mod',
      'dump',
      'dump',
      'modules-order',
      'dump'
    ])
    expect(w.links).toEqual(['net/link.c.000i.ipa-clones'])
    expect(w.errors.map(e => `${e.rel}: ${e.message}`)).toEqual([
      'dir.c.000i.ipa-clones: it is a directory, not a file',
      'net/fifo.c.000i.ipa-clones: it is a FIFO, not a regular file'
    ])
  })

  it('in one go (a thread walking ahead) and replayed, hands on the same files in the same order', async () => {
    const live = await walked(onFile => walkTree(root, onFile))
    expect(await walked(onFile => replayWalk(walkTreeSync(root), onFile))).toEqual(live)
  })

  it('yields to the event loop between folders only while someone can be served', async () => {
    // 100 folders: three turns at 32 folders a turn, when asked for.
    const wide = join(tempDir('klp-walk-wide-'), 'linux')
    for (let i = 0; i < 100; i++) {
      mkdirSync(join(wide, 'net', `d${String(i).padStart(3, '0')}`), { recursive: true })
      writeFileSync(join(wide, 'net', `d${String(i).padStart(3, '0')}`, 'a.c.000i.ipa-clones'), '')
    }
    const turns = async (yields?: () => boolean): Promise<[number, number]> => {
      let n = 0
      let on = true
      const tick = (): void => {
        n++
        if (on) setImmediate(tick)
      }
      setImmediate(tick)
      const w = await walkTree(wide, () => undefined, yields)
      on = false
      return [n, w.files.length]
    }
    expect(await turns(() => false)).toEqual([0, 100])
    const [asked, files] = await turns(() => true)
    expect([asked >= 3, files]).toEqual([true, 100])
    const [byDefault] = await turns()
    expect(byDefault).toBeGreaterThanOrEqual(3)
  })

  it('names a root it cannot read', async () => {
    const w = await walkTree(join(root, 'missing'), () => undefined)
    expect(w.files).toEqual([])
    expect(w.errors.map(e => e.rel)).toEqual(['.'])
    expect(w.errors[0].message).toMatch(/ENOENT/)
    expect(walkTreeSync(join(root, 'missing'))).toEqual(w)
  })
})

/** A scan thread stand-in: answers walk requests as scan-worker.ts does, or dies. */
class FakeThread extends EventEmitter {
  /** Whether the thread would keep the process alive (a listener references a real one). */
  referenced = false
  constructor(private readonly dies = false) {
    super()
    this.on('newListener', (event: string) => {
      if (event === 'message') this.referenced = true
    })
  }
  unref(): void {
    this.referenced = false
  }
  postMessage(m: WalkRequest): void {
    setImmediate(() =>
      this.dies ? this.emit('exit', 1) : this.emit('message', structuredClone(walkReply(m)))
    )
  }
}

describe('prewalk', () => {
  const root = tree()

  it('gives the walk a thread made, once, as the walk here would make it', async () => {
    const thread = new FakeThread()
    startPrewalks(thread as unknown as Worker, [root, root, join(root, 'net/README')])
    expect(thread.listenerCount('message')).toBe(1)
    // Listening, it is left unreferenced: a run that fails before its load does not wait for it.
    expect(thread.referenced).toBe(false)
    const here = await walkTree(root, () => undefined)
    expect(await takePrewalk(root)).toEqual(here)
    expect(await takePrewalk(root)).toBeUndefined()
    // The folder that is a file was asked for too; its answer only settles the wait.
    const notFolder = await takePrewalk(join(root, 'net/README'))
    expect(notFolder?.files).toEqual([])
    expect(notFolder?.errors[0].message).toMatch(/ENOTDIR/)
    expect(thread.listenerCount('message')).toBe(0)
    expect(thread.listenerCount('exit')).toBe(0)
  })

  it('gives nothing when the thread is lost before it answers (the load walks itself)', async () => {
    const other = join(root, 'net')
    startPrewalks(new FakeThread(true) as unknown as Worker, [other])
    expect(await takePrewalk(other)).toBeUndefined()
  })

  it('gives the latest walk asked for a folder, not one an earlier run left untaken', async () => {
    const folder = join(root, 'net/core')
    startPrewalks(new FakeThread() as unknown as Worker, [folder])
    await new Promise(resolve => setImmediate(resolve))
    writeFileSync(join(folder, 'new.c.000i.ipa-clones'), '')
    startPrewalks(new FakeThread() as unknown as Worker, [folder])
    const rels = (await takePrewalk(folder))?.files.map(f => f.rel)
    expect(rels).toContain('new.c.000i.ipa-clones')
    expect(await takePrewalk(folder)).toBeUndefined()
  })

  it('gives nothing from an earlier run once a new run starts without a thread to walk for it', async () => {
    const folder = join(root, 'net/ipv4')
    startPrewalks(new FakeThread() as unknown as Worker, [folder])
    await new Promise(resolve => setImmediate(resolve))
    // No worker script beside the sources: the new run boots no thread, so nothing walks ahead.
    prewarmScanThread([folder])
    expect(await takePrewalk(folder)).toBeUndefined()
  })

  it('takes the dumps stat keys where asked (a run with a scan index), as the load would', async () => {
    const folder = join(root, 'net')
    const saved = process.env.KLP_AFFECTED_INDEX_STABLE_MS
    process.env.KLP_AFFECTED_INDEX_STABLE_MS = '0'
    try {
      startPrewalks(new FakeThread() as unknown as Worker, [folder, root], new Set([folder]))
      const walk = (await takePrewalk(folder)) as Walk
      expect(walk.stats).toHaveLength(walk.files.length)
      walk.files.forEach((f, i) => {
        const want = f.role === 'dump' ? (currentStatKey(f.abs, 0) ?? '') : NOT_STATTED
        expect([f.rel, walk.stats?.[i]]).toEqual([f.rel, want])
      })
      expect(walk.stats?.filter(k => k !== NOT_STATTED).length).toBeGreaterThan(1)
      // Not asked for this one: the load stats its dumps itself.
      expect((await takePrewalk(root))?.stats).toBeUndefined()
    } finally {
      if (saved === undefined) delete process.env.KLP_AFFECTED_INDEX_STABLE_MS
      else process.env.KLP_AFFECTED_INDEX_STABLE_MS = saved
    }
  })

  it('starts threads for a warm index at far fewer reads than for a cold scan', () => {
    const saved = process.env.KLP_AFFECTED_SCAN_THREADS
    delete process.env.KLP_AFFECTED_SCAN_THREADS
    try {
      expect(scanThreads(MIN_INDEXED_READS - 1, MIN_INDEXED_READS)).toBe(0)
      expect(scanThreads(MIN_INDEXED_READS)).toBe(0)
      expect(scanThreads(MIN_INDEXED_READS, MIN_INDEXED_READS)).toBe(scanThreads(1 << 20))
    } finally {
      if (saved !== undefined) process.env.KLP_AFFECTED_SCAN_THREADS = saved
    }
  })

  it('gives nothing for a folder no thread was asked to walk', async () => {
    expect(await takePrewalk(join(root, 'net/ipv4'))).toBeUndefined()
  })
})
