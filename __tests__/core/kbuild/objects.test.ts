import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  buildObjectList,
  buildObjectMap,
  modulesWithoutMod,
  objectMapFindings
} from '../../../src/core/kbuild/objects.js'
import { corpusDir } from '../../helpers/corpus.js'

describe('buildObjectMap', () => {
  const mods = new Map([
    ['net/netfilter/xt_LOG.mod', 'net/netfilter/xt_LOG.o\n'],
    ['fs/efivarfs/efivarfs.mod', 'fs/efivarfs/inode.o\nfs/efivarfs/file.o\n'],
    ['samples/livepatch/livepatch-sample.mod', 'samples/livepatch/livepatch-sample.o\n'],
    // 5.x layout: objects on line one, undefined symbols on line two.
    ['drivers/foo/foo-bar.mod', 'drivers/foo/a.o drivers/foo/b.o\nprintk kmalloc\n'],
    // Stale: the module is built in now, modules.order no longer lists it.
    ['net/ipv4/tcp_cubic.mod', 'net/ipv4/tcp_cubic.o\n']
  ])
  const order = [
    'net/netfilter/xt_LOG.ko',
    'fs/efivarfs/efivarfs.ko',
    'samples/livepatch/livepatch-sample.ko',
    'drivers/foo/foo-bar.ko',
    // 6.2+ spelling, and no .mod for it.
    'drivers/baz/baz-mod.o'
  ].join('\n')
  const objectOf = buildObjectMap(mods, order)

  it('names single-object and composite modules, with - as _', () => {
    expect(objectOf('net/netfilter/xt_LOG.c')).toBe('xt_LOG')
    expect(objectOf('fs/efivarfs/file.c')).toBe('efivarfs')
    expect(objectOf('samples/livepatch/livepatch-sample.c')).toBe('livepatch_sample')
    expect(objectOf('drivers/foo/b.c')).toBe('foo_bar')
  })

  it('maps what no module lists to vmlinux, including stale .mod files', () => {
    expect(objectOf('net/ipv4/tcp.c')).toBe('vmlinux')
    expect(objectOf('net/ipv4/tcp_cubic.c')).toBe('vmlinux')
    expect(objectOf('.vmlinux.export.c')).toBe('vmlinux')
  })

  it('falls back to the module of the same name when modules.order has no .mod', () => {
    expect(objectOf('drivers/baz/baz-mod.c')).toBe('baz_mod')
  })

  it('says which listed modules have no .mod instead of silently guessing', () => {
    expect(modulesWithoutMod(mods, order)).toEqual(['drivers/baz/baz-mod'])
    const [f, ...rest] = objectMapFindings(mods, order, 'x86_64')
    expect(rest).toEqual([])
    expect(f).toMatchObject({ kind: 'module-objects-unknown', severity: 'warning', set: 'x86_64' })
    expect(f.message).toContain('drivers/baz/baz-mod.mod')
    expect(f.message).toContain('counted as vmlinux')
    expect(objectMapFindings(mods, undefined)).toEqual([])
    const many = Array.from({ length: 12 }, (_, i) => `m/m${i}.ko`).join('\n')
    expect(objectMapFindings(new Map(), many)[0].message).toContain('and 2 more')
  })

  it("puts modpost's <module>.mod.c in its module", () => {
    expect(objectOf('fs/efivarfs/efivarfs.mod.c')).toBe('efivarfs')
    expect(objectOf('net/ipv4/tcp_cubic.mod.c')).toBe('vmlinux')
  })

  it('trusts every .mod when modules.order is absent', () => {
    expect(buildObjectMap(mods)('net/ipv4/tcp_cubic.c')).toBe('tcp_cubic')
  })

  it('lists every object of the build: vmlinux and the modules modules.order names', () => {
    expect(buildObjectList(mods, order)).toEqual([
      'vmlinux',
      'baz_mod',
      'efivarfs',
      'foo_bar',
      'livepatch_sample',
      'xt_LOG'
    ])
    // Without modules.order, every .mod is a module (stale ones included).
    expect(buildObjectList(mods)).toContain('tcp_cubic')
  })

  const dir = corpusDir()
  ;(dir ? it : it.skip)('maps the corpus build', () => {
    const root = dir as string
    const names = [
      'net/netfilter/xt_LOG.mod',
      'fs/efivarfs/efivarfs.mod',
      'samples/livepatch/livepatch-sample.mod',
      'net/ipv4/netfilter/iptable_nat.mod'
    ]
    const real = new Map(names.map(n => [n, readFileSync(join(root, n), 'utf8')]))
    const map = buildObjectMap(real, readFileSync(join(root, 'modules.order'), 'utf8'))
    expect(map('net/netfilter/xt_LOG.c')).toBe('xt_LOG')
    expect(map('samples/livepatch/livepatch-sample.c')).toBe('livepatch_sample')
    expect(map('fs/efivarfs/super.c')).toBe('efivarfs')
    expect(map('net/ipv4/netfilter/iptable_nat.c')).toBe('iptable_nat')
    expect(map('net/ipv4/tcp.c')).toBe('vmlinux')
  })
})
