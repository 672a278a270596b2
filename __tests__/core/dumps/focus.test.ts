import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { HeaderDeps } from '../../../src/core/impact/deps.js'
import { FocusMatcher } from '../../../src/core/dumps/focus.js'
import { analysisFocus } from '../../../src/core/analyze.js'
import { computeAffected } from '../../../src/core/graph/affected.js'
import type { ChangedFunction } from '../../../src/core/model.js'
import { FIXTURES, loadDir, setOf } from './load-fixture.js'

const clone = (a: string, af: string, b: string, bf: string, r = 'inlining to') =>
  `Callgraph clone;${a};1;${af};1;1;${b};2;${bf};2;1;${r}`

const dumps = {
  // Inlines the focus symbol from a header.
  'net/a.c.000i.ipa-clones': clone('skb_headlen', './include/linux/skbuff.h', 'a_rx', 'net/a.c'),
  // Mentions the symbol only as a clone's new name, under its asm marker.
  'net/b.c.000i.ipa-clones': clone('b_fn', 'net/b.c', '*skb_headlen', './include/linux/skbuff.h'),
  // Compiles the focus .c file inside itself, spelled as an out-of-tree build does.
  'kernel/sched/build_policy.c.000i.ipa-clones': clone(
    'pick_rt',
    '../linux/kernel/sched/rt.c',
    'pick_next',
    '../linux/kernel/sched/build_policy.c'
  ),
  // The focus .c file's own dump, whose lines only name header functions.
  'net/ipv4/route.c.000i.ipa-clones': clone('hdr_fn', './include/h.h', 'other', './include/h.h'),
  // Unrelated: a name that only shares a prefix, a file that only shares a suffix.
  'net/c.c.000i.ipa-clones': [
    clone('skb_headlen2', './include/linux/skbuff.h', 'c_fn', 'net/c.c'),
    // Its own orders: one order is one symbol in a dump (checked when a dump is read).
    clone('c_x', 'drivers/net/ipv4/route.c.bak', 'c_y', 'net/c.c')
      .replace('c_x;1;', 'c_x;3;')
      .replace('c_y;2;', 'c_y;4;'),
    'not a dump line'
  ].join('\n'),
  'net/empty.c.000i.ipa-clones': ''
}
const focus = { names: ['skb_headlen'], files: ['kernel/sched/rt.c', 'net/ipv4/route.c'] }

describe('dump set focus', () => {
  const full = setOf(dumps)
  const focused = setOf(dumps, 'mem', focus)

  it('still validates every line and knows every TU', () => {
    expect(focused.tus()).toEqual(full.tus())
    expect(focused.lineCount).toBe(full.lineCount)
    expect(focused.findings).toEqual(full.findings)
    expect(focused.findings.map(f => `${f.kind} ${f.file}:${f.line}`)).toEqual([
      'dump-malformed-line net/c.c.000i.ipa-clones:3'
    ])
  })

  it('keeps the text of only the dumps that name a focus symbol or file', () => {
    expect(full.keptCount).toBe(5)
    expect(focused.keptCount).toBe(4)
  })

  it('answers focus queries as the unfocused set does', () => {
    expect(focused.tusMentioning('skb_headlen')).toEqual(['net/a.c', 'net/b.c'])
    expect(focused.tusMentioning('*skb_headlen')).toEqual(full.tusMentioning('skb_headlen'))
    expect(focused.tusDeclaring('kernel/sched/rt.c')).toEqual(['kernel/sched/build_policy.c'])
    expect(focused.tusDeclaring('./kernel/sched/rt.c')).toEqual(['kernel/sched/build_policy.c'])
    for (const tu of ['net/a.c', 'net/b.c', 'kernel/sched/build_policy.c', 'net/ipv4/route.c'])
      expect(focused.graph(tu)).toEqual(full.graph(tu))
    // An empty dump has nothing to drop.
    expect(focused.graph('net/empty.c')?.nodes).toEqual([])
  })

  it('refuses questions outside the focus instead of answering them short', () => {
    expect(() => focused.tusMentioning('c_fn')).toThrow(/symbol c_fn is outside the focus/)
    expect(() => focused.tusDeclaring('net/c.c')).toThrow(/file net\/c.c is outside the focus/)
    expect(() => focused.graph('net/c.c')).toThrow(/TU net\/c.c is outside the focus/)
  })

  it('keeps link-stage dumps whatever they mention', () => {
    const lto = setOf(
      {
        'a.c.000i.ipa-clones': clone('f', 'a.c', 'g', 'a.c'),
        'prog.wpa.000i.ipa-clones': clone('f', 'a.c', 'h', 'b.c')
      },
      'lto',
      { names: [], files: [] }
    )
    expect(lto.linkGraphs().map(g => g.edges.length)).toEqual([1])
    expect(() => lto.graph('a.c')).toThrow(/outside the focus/)
  })
})

describe('FocusMatcher', () => {
  const m = new FocusMatcher({ names: ['tcp_v4_rcv'], files: ['./net/ipv4/tcp.c'] })
  const name = (s: string) => m.name(`;${s};`, 1, s.length + 1)
  const file = (s: string) => m.file(`;${s};`, 1, s.length + 1)

  it('matches names exactly', () => {
    expect(name('tcp_v4_rcv')).toBe(true)
    expect(name('tcp_v4_rcw')).toBe(false)
    expect(name('tcp_v4_rcv.part.0')).toBe(false)
    expect(name('')).toBe(false)
    expect(name('x'.repeat(400))).toBe(false)
  })

  it('matches a file however GCC spelled its path, and only on a folder boundary', () => {
    for (const spelled of [
      'net/ipv4/tcp.c',
      './net/ipv4/tcp.c',
      '/build/linux/net/ipv4/tcp.c',
      '../linux/net/ipv4/tcp.c',
      'net/ipv6/../ipv4/tcp.c'
    ])
      expect([spelled, file(spelled)]).toEqual([spelled, true])
    for (const spelled of ['net/ipv4/xtcp.c', 'net/ipv4/tcp.h', 'tcp.c', 'a.c', 'c'])
      expect([spelled, file(spelled)]).toEqual([spelled, false])
  })

  it('matches a one-letter file spelled with a folder before it', () => {
    const short = new FocusMatcher({ names: [], files: ['a.c'] })
    const at = (s: string) => short.file(`;${s};`, 1, s.length + 1)
    expect(['a.c', './a.c', '/build/a.c', '../src/a.c'].map(at)).toEqual([true, true, true, true])
    expect(['ba.c', 'a.h'].map(at)).toEqual([false, false])
  })

  it('matches names longer than the bitmap covers', () => {
    const long = 'h' + 'x'.repeat(300)
    const m = new FocusMatcher({ names: [long], files: [] })
    expect(m.name(`;${long};`, 1, long.length + 1)).toBe(true)
    expect(m.name(`;${long}y;`, 1, long.length + 2)).toBe(false)
  })

  it("matches a one-shot LTO compile-stage dump's name (`prog-a.c`), in a folder too", () => {
    const lto = new FocusMatcher({ names: [], files: ['a.c', 'sub/b.c'] })
    expect(
      ['prog-a.c', 'out/prog-a.c', 'a.c', 'sub/prog-b.c', 'x/sub/prog-b.c'].map(p => lto.path(p))
    ).toEqual([true, true, true, true, true])
    expect(['proga.c', 'a.cc', 'other/prog-b.c'].map(p => lto.path(p))).toEqual([
      false,
      false,
      false
    ])
  })
})

describe('a .c compiled only inside another TU (real GCC: fixtures/gcc/included-c)', () => {
  const dir = join(FIXTURES, 'included-c')
  // `#include "../locking/w.c"` in kernel/sched/build.c: GCC spells it kernel/sched/../locking/w.c.
  const wscale: ChangedFunction = {
    name: 'wscale',
    symbols: ['wscale'],
    file: 'kernel/locking/w.c',
    line: 2,
    change: 'modified',
    hunks: []
  }
  const focus = analysisFocus([], {
    changed: [wscale],
    findings: [],
    preFunctions: new Map(),
    postFunctions: new Map(),
    newCalls: []
  })

  it.each([
    ['whole', undefined],
    ['focused', focus]
  ])('finds the including TU through a relative include (%s)', (_, f) => {
    const set = loadDir(dir, 'inc', '', f)
    expect(set.tusDeclaring('kernel/locking/w.c')).toEqual(['kernel/sched/build.c'])
    const { affected, findings } = computeAffected(set, [wscale])
    expect(affected.map(a => `${a.tu}:${a.name}:${a.symbol}`)).toEqual([
      'kernel/sched/build.c:entry:present',
      'kernel/sched/build.c:wide:removed',
      'kernel/sched/build.c:wscale:removed'
    ])
    expect(findings.filter(x => x.kind === 'not-built')).toEqual([])
  })
})

describe('a .c that is its own TU and #included by another (real GCC: fixtures/gcc/included-twice)', () => {
  // fs/compat_elf.c includes fs/elf.c, as fs/compat_binfmt_elf.c includes fs/binfmt_elf.c: both
  // objects hold a writenote (nm), and neither dump names it.
  const writenote: ChangedFunction = {
    name: 'writenote',
    symbols: ['writenote'],
    file: 'fs/elf.c',
    line: 8,
    change: 'modified',
    hunks: []
  }
  const focus = analysisFocus([], {
    changed: [writenote],
    findings: [],
    preFunctions: new Map(),
    postFunctions: new Map(),
    newCalls: []
  })

  it.each([
    ['whole', undefined],
    ['focused', focus]
  ])('requires the copy of each TU that compiles the file (%s)', (_, f) => {
    const set = loadDir(join(FIXTURES, 'included-twice'), 'elf', '', f)
    const { affected } = computeAffected(set, [writenote])
    expect(affected.map(a => `${a.tu}:${a.name}:${a.tier}`)).toEqual([
      'fs/compat_elf.c:writenote:required',
      'fs/elf.c:writenote:required'
    ])
  })
})

describe('a .c #included by a TU that took no decision about it (real GCC: fixtures/gcc/included-silent)', () => {
  // Both dumps are empty (no inlining, no cloning), so no dump names fs/elf.c; both objects hold
  // a writenote (nm), and only fs/.compat_elf.o.cmd's dependency list says compat_elf.o reads it.
  const writenote: ChangedFunction = {
    name: 'writenote',
    symbols: ['writenote'],
    file: 'fs/elf.c',
    line: 9,
    change: 'modified',
    hunks: []
  }
  const dir = join(FIXTURES, 'included-silent')
  const deps = new HeaderDeps()
  for (const cmd of ['fs/.elf.o.cmd', 'fs/.compat_elf.o.cmd'])
    deps.add(readFileSync(join(dir, cmd), 'utf8'))

  it('requires the includer copy that kbuild dependency lists name', () => {
    const set = loadDir(dir, 'elf')
    const { affected } = computeAffected(set, [writenote], {
      tusReading: file => deps.tusSeeing(file)
    })
    expect(affected.map(a => `${a.tu}:${a.name}:${a.tier}`)).toEqual([
      'fs/compat_elf.c:writenote:required',
      'fs/elf.c:writenote:required'
    ])
  })

  it('without the lists, knows only the own TU (the dumps cannot tell)', () => {
    const { affected } = computeAffected(loadDir(dir, 'elf'), [writenote])
    expect(affected.map(a => a.tu)).toEqual(['fs/elf.c'])
  })
})
