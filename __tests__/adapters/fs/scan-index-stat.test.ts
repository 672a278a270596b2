import { jest } from '@jest/globals'
import * as realFs from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BigIntStats, StatSyncOptions } from 'node:fs'
import type { DumpFocus } from '../../../src/core/dumps/focus.js'
import { FIXTURES } from '../../core/dumps/load-fixture.js'

/**
 * Hostile review of the scan index's "unchanged file, not read" path (issue 13): an entry whose
 * `stat` (device, inode, size, mtime ns, ctime ns) the file still has, and whose summary holds no
 * focus key, answers without reading the file. The premise is that no tool can set a change time
 * back. That holds on ext4, xfs, btrfs, tmpfs; it does not where the change time the kernel reports is
 * not the inode's last change on this machine: squashfs, erofs and ISO 9660 report the stored
 * mtime as ctime; vfat reports the creation time; sshfs and most object-store FUSE mounts report
 * the mtime; an NFS client reports cached attributes for up to `acregmax` (60 s) without asking the
 * server (only `open` revalidates, and this path opens nothing). There a same-size rewrite that
 * keeps the mtime (`cp -p`, `rsync -t`, `tar x`, reproducible images with SOURCE_DATE_EPOCH or
 * `-all-time`) leaves the key equal for different bytes: so the index keeps a stat only on the
 * filesystems that keep the change time (statfs type), and these tests show the others read.
 *
 * Between the 6.1.187 build and the 6.1.192 corpus on this machine, 1,417 of 2,710 dumps have the
 * same path and the same size with different bytes (orders and lines move, digit counts do not):
 * equal keys are the norm, not a fluke, once times are equal.
 */

/** While true, statSync reports the mtime as the change time, as those filesystems do. */
let ctimeFollowsMtime = false

jest.unstable_mockModule('node:fs', () => {
  function statSync(path: realFs.PathLike, options?: StatSyncOptions): unknown {
    const st = realFs.statSync(path, options)
    if (!ctimeFollowsMtime || st === undefined) return st
    const times = options?.bigint
      ? { ctimeNs: (st as BigIntStats).mtimeNs, ctimeMs: (st as BigIntStats).mtimeMs }
      : { ctimeMs: (st as realFs.Stats).mtimeMs }
    return Object.assign(Object.create(Object.getPrototypeOf(st) as object) as object, st, {
      ...times,
      ctime: st.mtime
    })
  }
  // ... and the filesystem is one of those (squashfs's magic).
  function statfsSync(path: realFs.PathLike, options?: realFs.StatFsOptions): unknown {
    const st = realFs.statfsSync(path, options)
    return ctimeFollowsMtime ? { ...st, type: 0x73717368 } : st
  }
  return {
    ...realFs,
    default: { ...realFs, statSync, statfsSync },
    statSync,
    statfsSync
  }
})

const { loadDumpSet } = await import('../../../src/adapters/fs/load-dumps.js')
const { scanIndexFile, textDigest } = await import('../../../src/adapters/fs/scan-index-file.js')
const { parseScanIndex } = await import('../../../src/core/scan-index/format.js')
const { VERSION } = await import('../../../src/version.js')

const CHAIN = 'chain/chain.c.000i.ipa-clones'
const V1 = realFs.readFileSync(join(FIXTURES, CHAIN), 'utf8')
// The same size, a caller renamed: the focus name `d` is in these bytes only.
const V2 = V1.replace(';c;2;chain.c;12;5;', ';d;2;chain.c;12;5;')
const FOCUS: DumpFocus = { names: ['d'], files: [] }
/** An mtime long past the 3 s window, as a reproducible archive or image sets it. */
const EPOCH = new Date('2024-01-01T00:00:00Z')

async function load(dumps: string, focus: DumpFocus, indexCache?: string) {
  const { set, findings } = await loadDumpSet('x86_64', [dumps], undefined, focus, indexCache)
  return {
    findings: [...findings, ...set.findings],
    kept: set.keptCount,
    mentioning: [...focus.names].map(n => set.tusMentioning(n))
  }
}

function statKeyOf(file: string): string {
  const st = realFs.statSync(file, { bigint: true })
  const ctime = ctimeFollowsMtime ? st.mtimeNs : st.ctimeNs
  return `${st.size}:${st.mtimeNs}:${ctime}:${st.ino}`
}

function storedStat(cache: string, path: string): string | undefined {
  const parsed = parseScanIndex(
    realFs.readFileSync(scanIndexFile(cache, 'x86_64'), 'utf8'),
    VERSION,
    textDigest
  )
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.index.lookup(path)?.stat
}

const threads = process.env.KLP_AFFECTED_SCAN_THREADS
beforeAll(() => {
  // The main thread only: the stat mock does not reach worker threads.
  process.env.KLP_AFFECTED_SCAN_THREADS = '0'
})
afterAll(() => {
  if (threads === undefined) delete process.env.KLP_AFFECTED_SCAN_THREADS
  else process.env.KLP_AFFECTED_SCAN_THREADS = threads
})

describe('scan index stat key where the change time follows the mtime (modelled)', () => {
  let tmp: string
  let dumps: string
  let cache: string
  let file: string
  let keyBefore: string
  let plain: Awaited<ReturnType<typeof load>>
  let warm: Awaited<ReturnType<typeof load>>

  beforeAll(async () => {
    tmp = realFs.mkdtempSync(join(tmpdir(), 'klp-stat-key-'))
    dumps = join(tmp, 'dumps')
    cache = join(tmp, 'cache')
    realFs.cpSync(join(FIXTURES, 'chain'), join(dumps, 'top/chain'), { recursive: true })
    file = join(dumps, 'top', CHAIN)
    realFs.writeFileSync(file, V1)
    realFs.utimesSync(file, EPOCH, EPOCH)
    ctimeFollowsMtime = true
    await load(dumps, FOCUS, cache)
    keyBefore = statKeyOf(file)
    // `cp -p` of another build's dump over it: written in place, mtime put back.
    realFs.writeFileSync(file, V2)
    realFs.utimesSync(file, EPOCH, EPOCH)
    warm = await load(dumps, FOCUS, cache)
    plain = await load(dumps, FOCUS)
  })
  afterAll(() => {
    ctimeFollowsMtime = false
    realFs.rmSync(tmp, { recursive: true, force: true })
  })

  it('precondition: the file has its size, times and inode again, with other bytes', () => {
    expect(statKeyOf(file)).toBe(keyBefore)
    expect(realFs.readFileSync(file, 'utf8')).not.toBe(V1)
    expect(plain.mentioning[0]).toHaveLength(1)
  })

  it('keeps no stat in the entry there: the dump is read (and hashed) on every run', () => {
    expect(storedStat(cache, `top/${CHAIN}`)).toBeUndefined()
  })

  it('a warm run answers as a run without the index', () => {
    expect(warm).toEqual(plain)
  })
})

/**
 * The same on a real filesystem: two squashfs images of two builds, made reproducibly
 * (`mksquashfs -all-time`), mounted one after the other at the same place. Needs root, loop
 * devices and squashfs-tools; mounts, so it runs only with KLP_TEST_LOOP_MOUNT=1.
 */
const canMount =
  process.env.KLP_TEST_LOOP_MOUNT === '1' &&
  process.getuid?.() === 0 &&
  spawnSync('mksquashfs', ['-version']).status === 0
const mounting = canMount ? describe : describe.skip

mounting('scan index stat key on squashfs images (real mounts)', () => {
  let tmp: string
  let mnt: string
  let cache: string
  let keyBefore: string
  let keyAfter: string
  let plain: Awaited<ReturnType<typeof load>>
  let warm: Awaited<ReturnType<typeof load>>

  function sh(cmd: string, args: string[]): void {
    const r = spawnSync(cmd, args, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`)
  }

  function image(name: string, text: string): string {
    const src = join(tmp, `${name}-src`)
    realFs.cpSync(join(FIXTURES, 'chain'), join(src, 'top/chain'), { recursive: true })
    realFs.writeFileSync(join(src, 'top', CHAIN), text)
    const img = join(tmp, `${name}.sqfs`)
    sh('mksquashfs', [src, img, '-noappend', '-quiet', '-all-time', '1704067200'])
    return img
  }

  beforeAll(async () => {
    tmp = realFs.mkdtempSync(join(tmpdir(), 'klp-stat-sqfs-'))
    mnt = join(tmp, 'mnt')
    cache = join(tmp, 'cache')
    realFs.mkdirSync(mnt)
    const one = image('one', V1)
    const two = image('two', V2)
    sh('mount', ['-t', 'squashfs', '-o', 'loop,ro', one, mnt])
    try {
      await load(mnt, FOCUS, cache)
      keyBefore = statKeyOf(join(mnt, 'top', CHAIN))
    } finally {
      sh('umount', [mnt])
    }
    sh('mount', ['-t', 'squashfs', '-o', 'loop,ro', two, mnt])
    try {
      keyAfter = statKeyOf(join(mnt, 'top', CHAIN))
      warm = await load(mnt, FOCUS, cache)
      plain = await load(mnt, FOCUS)
    } finally {
      sh('umount', [mnt])
    }
  })
  afterAll(() => realFs.rmSync(tmp, { recursive: true, force: true }))

  it('precondition: both images give the dump the same size, times and inode', () => {
    expect(keyAfter).toBe(keyBefore)
    expect(plain.mentioning[0]).toHaveLength(1)
  })

  it('keeps no stat in the entry on squashfs: the dump is read on every run', () => {
    expect(storedStat(cache, `top/${CHAIN}`)).toBeUndefined()
  })

  it('a warm run answers as a run without the index', () => {
    expect(warm).toEqual(plain)
  })
})
