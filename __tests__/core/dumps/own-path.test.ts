import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyRename, ownRename } from '../../../src/core/dumps/own-path.js'
import { FIXTURES, setOf } from './load-fixture.js'

const dump = (scenario: string, path: string): string =>
  readFileSync(join(FIXTURES, scenario, path), 'utf8')

describe('ownRename (the TU path a dump names for itself)', () => {
  it('is the identity in a kernel tree', () => {
    expect(
      ownRename('lib/producer.c', dump('header-inline', 'lib/producer.c.000i.ipa-clones'))
    ).toEqual({
      drop: 0,
      prepend: ''
    })
  })

  it('drops an archive top folder and adds the source folders a build folder input lacks', () => {
    const text = dump('out-of-tree', 'build/src/net.c.000i.ipa-clones')
    expect(ownRename('out/linux/src/net.c', text)).toEqual({ drop: 2, prepend: '' })
    // `--dumps build/src`: the dump is at net.c, GCC compiled src/net.c from the project root.
    expect(ownRename('net.c', text)).toEqual({ drop: 0, prepend: 'src' })
    expect(applyRename('net.c', { drop: 0, prepend: 'src' })).toBe('src/net.c')
    expect(applyRename('x/y/net.c', { drop: 2, prepend: 'src' })).toBe('src/net.c')
  })

  it('learns no folder from a spelling through .. or an absolute one', () => {
    // cmake-style: `../src/net.c` says nothing of where the root is.
    const cmake = dump('out-of-tree', 'cmake/src/net.c.000i.ipa-clones')
    expect(ownRename('src/net.c', cmake)).toEqual({ drop: 0, prepend: '' })
    expect(ownRename('net.c', cmake)).toEqual({ drop: 0, prepend: '' })
    const absolute = cmake.replaceAll('../src/', '/home/b/mod/src/')
    expect(ownRename('src/net.c', absolute)).toEqual({ drop: 0, prepend: '' })
    expect(ownRename('src/net.c', 'Callgraph removal;f;1;include/oot.h;7;28')).toBeUndefined()
  })
})

describe('DumpSet with dumps outside a kernel tree', () => {
  it('names each TU by the path its dump spells, the same for all dumps', () => {
    const set = setOf({
      'net.c.000i.ipa-clones': dump('out-of-tree', 'build/src/net.c.000i.ipa-clones'),
      'util.c.000i.ipa-clones': dump('out-of-tree', 'build/src/util.c.000i.ipa-clones'),
      'empty.c.000i.ipa-clones': ''
    })
    expect(set.tus()).toEqual(['src/empty.c', 'src/net.c', 'src/util.c'])
    expect(set.graph('src/net.c')?.nodes.map(n => `${n.name} ${n.file}`)).toEqual([
      'pkt_headlen include/oot.h',
      'net_parse src/net.c',
      'net_rx src/net.c'
    ])
  })

  it('places an out-of-tree module built with absolute paths (kbuild M=) by the input folder', () => {
    const abs = (path: string): string =>
      dump('out-of-tree', path).replaceAll('../', '/home/b/mod/')
    const set = setOf({
      'src/net.c.000i.ipa-clones': abs('cmake/src/net.c.000i.ipa-clones'),
      'src/util.c.000i.ipa-clones': abs('cmake/src/util.c.000i.ipa-clones')
    })
    expect(set.tus()).toEqual(['src/net.c', 'src/util.c'])
    expect(set.graph('src/net.c')?.nodes.map(n => n.file)).toEqual([
      'include/oot.h',
      'src/net.c',
      'src/net.c'
    ])
  })
})
