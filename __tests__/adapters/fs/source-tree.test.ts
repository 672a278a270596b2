import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeSourceReader } from '../../../src/adapters/fs/source-tree.js'

describe('makeSourceReader', () => {
  let root: string
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'klp-src-'))
    root = join(base, 'linux')
    mkdirSync(join(root, 'net/ipv4'), { recursive: true })
    writeFileSync(join(root, 'net/ipv4/tcp.c'), 'int x;\n')
    writeFileSync(join(base, 'secret'), 'outside')
  })
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }))

  it('reads repo-relative files and answers null when absent', async () => {
    const r = makeSourceReader(root)
    expect(await r.read('net/ipv4/tcp.c')).toBe('int x;\n')
    expect(await r.read('./net//ipv4/tcp.c')).toBe('int x;\n')
    expect(await r.read('net/ipv4/udp.c')).toBeNull()
    expect(await r.read('net/ipv4')).toBeNull()
    expect(r.exists('net/ipv4/tcp.c')).toBe(true)
    expect(r.exists('net/ipv4')).toBe(false)
    expect(r.exists('net/ipv4/udp.c')).toBe(false)
  })

  it('never reads outside the tree', async () => {
    const r = makeSourceReader(root)
    expect(await r.read('../secret')).toBeNull()
    expect(await r.read('net/../../secret')).toBeNull()
    expect(r.exists('../secret')).toBe(false)
  })

  it('reads only regular files inside the tree, whatever a symlink in the checkout says', async () => {
    const inc = join(root, 'include')
    mkdirSync(inc, { recursive: true })
    symlinkSync(join(root, '../secret'), join(inc, 'out.h'))
    symlinkSync('/dev/zero', join(inc, 'zero.h'))
    symlinkSync('loop.h', join(inc, 'loop.h'))
    symlinkSync('../net/ipv4/tcp.c', join(inc, 'in.h'))
    execFileSync('mkfifo', [join(inc, 'fifo.h')])
    writeFileSync(join(inc, 'big.h'), 'x'.repeat(2000))
    const r = makeSourceReader(root)
    // There but not read: the review tier names such a file as not searched.
    for (const name of ['out.h', 'zero.h', 'loop.h', 'fifo.h', `${'n'.repeat(300)}.h`]) {
      expect(r.readSync(`include/${name}`)).toBe(false)
      expect(await r.read(`include/${name}`)).toBeNull()
    }
    expect(r.readSync('include/absent.h')).toBeNull()
    expect(r.readSync('include')).toBeNull()
    expect(r.exists('include/out.h')).toBe(false)
    expect(r.readSync('include/in.h')).toBe('int x;\n')
    expect(await r.read('include/in.h')).toBe('int x;\n')
    expect(r.readSync('include/big.h', 1000)).toBe(false)
    expect(r.readSync('include/big.h')).toHaveLength(2000)
  })

  it('resolves a symlinked folder, each folder once for many files', () => {
    const outside = join(root, '..', 'elsewhere')
    mkdirSync(outside, { recursive: true })
    writeFileSync(join(outside, 'a.h'), 'outside')
    symlinkSync(outside, join(root, 'ext'))
    symlinkSync(join(root, 'net'), join(root, 'alias'))
    const r = makeSourceReader(root)
    for (let k = 0; k < 2; k++) {
      expect(r.readSync('ext/a.h')).toBe(false)
      expect(r.exists('ext/a.h')).toBe(false)
      expect(r.readSync('alias/ipv4/tcp.c')).toBe('int x;\n')
      expect(r.exists('alias/ipv4/tcp.c')).toBe(true)
      expect(r.readSync('alias/ipv4/none.c')).toBeNull()
      expect(r.readSync('net/nowhere/tcp.c')).toBeNull()
      expect(r.readSync('net/ipv4/tcp.c/x')).toBeNull()
    }
  })

  it('answers statusSync as readSync, without the text', () => {
    const r = makeSourceReader(root)
    const paths = [
      'net/ipv4/tcp.c',
      'net/ipv4/udp.c',
      'net/ipv4',
      '../secret',
      'include/out.h',
      'include/zero.h',
      'include/loop.h',
      'include/fifo.h',
      'include/in.h',
      'include/big.h',
      'ext/a.h',
      'alias/ipv4/tcp.c'
    ]
    for (const p of paths) {
      for (const max of [undefined, 1000]) {
        const text = r.readSync(p, max)
        expect([p, max, r.statusSync(p, max)]).toEqual([
          p,
          max,
          typeof text === 'string' ? 'ok' : text
        ])
      }
    }
    expect(paths.filter(p => r.statusSync(p) === 'ok')).toEqual([
      'net/ipv4/tcp.c',
      'include/in.h',
      'include/big.h',
      'alias/ipv4/tcp.c'
    ])
  })
})
