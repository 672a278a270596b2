import { DumpSet, MALFORMED_DETAIL_LIMIT } from '../../../src/core/dumps/dump-set.js'
import { FULL_INDEX_AFTER } from '../../../src/core/dumps/name-index.js'
import { DumpScanner } from '../../../src/core/dumps/scanner.js'
import { parseTuGraph, type TuGraph } from '../../../src/core/dumps/tu-graph.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES, dumpFiles, fixtureSet, loadDir, setOf } from './load-fixture.js'

const clone = (a: string, ao: number, af: string, b: string, bo: number, bf: string, r: string) =>
  `Callgraph clone;${a};${ao};${af};1;1;${b};${bo};${bf};2;1;${r}`
const removal = (a: string, ao: number, af: string) => `Callgraph removal;${a};${ao};${af};1;1`

describe('DumpSet', () => {
  it('indexes TUs, empty dumps included, and counts lines', () => {
    const set = fixtureSet('header-inline')
    expect(set.tus()).toEqual(['lib/consumer.c', 'lib/idle.c', 'lib/producer.c'])
    expect(set.hasTu('lib/idle.c')).toBe(true)
    expect(set.hasTu('lib/ring.c')).toBe(false)
    expect(set.dumpCount).toBe(3)
    expect(set.lineCount).toBe(7)
    expect(set.findings).toEqual([])
    expect(set.lto).toBe(false)
    expect(set.tusMentioning('ring_used')).toEqual(['lib/consumer.c', 'lib/producer.c'])
    expect(set.tusMentioning('ring_size')).toEqual([])
  })

  it('parses nodes with repository-relative files, removals and edges in dump order', () => {
    const g = fixtureSet('header-inline').graph('lib/consumer.c')
    expect(g).toBeDefined()
    if (!g) return
    const used = g.nodes[g.byName.get('ring_used')![0]]
    expect(used).toMatchObject({ name: 'ring_used', order: 0, file: 'include/ring.h', line: 6 })
    expect(used.removed).toBe(true)
    expect(g.nodes[g.byName.get('ring_pop')![0]].removed).toBe(false)
    expect(g.edges.map(e => [g.nodes[e.from].name, g.nodes[e.to].name, e.kind, e.line])).toEqual([
      ['ring_used', 'ring_empty', 'inline', 1],
      ['ring_empty', 'ring_pop', 'inline', 2],
      ['ring_used', 'ring_count', 'inline', 4]
    ])
  })

  it('finds nodes by order at any order, and forgets them between graphs', () => {
    const big = 1 << 21
    const text = [
      clone('a', 5, 'x.c', 'b', 70000, 'x.c', 'inlining to'),
      clone('b', 70000, 'x.c', 'c', big, 'x.c', 'inlining to'),
      clone('c', big, 'x.c', 'a', 5, 'x.c', 'inlining to'),
      // One order, two names (a damaged dump): two nodes, as before.
      clone('d', 5, 'x.c', 'c', big, 'x.c', 'inlining to')
    ].join('\n')
    const g = parseTuGraph('x.c', 'tu', text)
    expect(g.nodes.map(n => [n.name, n.order])).toEqual([
      ['a', 5],
      ['b', 70000],
      ['c', big],
      ['d', 5]
    ])
    expect(g.edges.map(e => [e.from, e.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
      [3, 2]
    ])
    // The next graph's orders are its own: none of the first graph's nodes answers for them.
    const next = parseTuGraph('y.c', 'tu', clone('b', 70000, 'y.c', 'a', 5, 'y.c', 'inlining to'))
    expect(next.nodes.map(n => [n.id, n.name, n.order])).toEqual([
      [0, 'b', 70000],
      [1, 'a', 5]
    ])
    expect(next.edges.map(e => [e.from, e.to])).toEqual([[0, 1]])
  })

  it('marks (null) same-name copies as copies of their original', () => {
    const g = fixtureSet('recursion').graph('recursion.c')!
    const [orig, copy] = g.byName.get('sum')!.map(id => g.nodes[id])
    expect([orig.order, copy.order]).toEqual([0, 3])
    expect(copy.copyOf).toBe(orig.id)
    expect(orig.copyOf).toBeUndefined()
    expect(g.edges.filter(e => e.copy)).toHaveLength(1)
  })

  it('reports malformed lines with file and 1-based line, capped per file with an exact count', () => {
    const bad = Array.from({ length: 30 }, (_, i) => `garbage ${i}`)
    const set = setOf({
      'a.c.000i.ipa-clones': [clone('f', 1, 'a.c', 'g', 2, 'a.c', 'inlining to'), ...bad].join(
        '\n'
      ),
      'b.c.000i.ipa-clones': [
        'Callgraph clone;f;1;b.c;1;1;g;2;b.c;2',
        'Callgraph removal;f;x1;b.c;1;1',
        'Callgraph clone;;1;b.c;1;1;g;2;b.c;2;1;part',
        removal('f', 1, 'b.c')
      ].join('\n')
    })
    const a = set.findings.filter(f => f.file === 'a.c.000i.ipa-clones')
    expect(a).toHaveLength(MALFORMED_DETAIL_LIMIT + 1)
    expect(a[0]).toMatchObject({ kind: 'dump-malformed-line', severity: 'unresolved', line: 2 })
    expect(a[MALFORMED_DETAIL_LIMIT - 1].line).toBe(MALFORMED_DETAIL_LIMIT + 1)
    expect(a[MALFORMED_DETAIL_LIMIT].line).toBeUndefined()
    expect(a[MALFORMED_DETAIL_LIMIT].message).toContain('30 malformed lines')
    const b = set.findings.filter(f => f.file === 'b.c.000i.ipa-clones')
    expect(b.map(f => f.line)).toEqual([1, 2, 3])
    expect(b[0].message).toContain('10 fields, expected 12')
    expect(b[1].message).toContain('not a number')
    expect(b[2].message).toContain('empty symbol name')
    expect(set.lineCount).toBe(35)
    // Malformed lines never reach the graph.
    expect(set.graph('b.c')!.edges).toHaveLength(0)
    expect(set.graph('b.c')!.nodes.map(n => n.name)).toEqual(['f'])
  })

  it('accepts the GCC 7 form, CRLF line ends and `*` asm names', () => {
    const set = setOf({
      'x.c.000i.ipa-clones':
        'Callgraph clone;*h;3;x.c;1;1;<-;g;4;x.c;5;1;optimization:;inlining to\r\n' +
        'Callgraph clone;g;4;x.c;5;1;*g.constprop.0;9;x.c;5;1;constprop\r\n' +
        'Callgraph removal;*h;3;x.c;1;1\r\n'
    })
    expect(set.findings).toEqual([])
    expect(set.tusMentioning('h')).toEqual(['x.c'])
    expect(set.tusMentioning('*h')).toEqual(['x.c'])
    const g = set.graph('x.c')!
    expect(g.nodes.map(n => [n.name, n.order, n.removed])).toEqual([
      ['h', 3, true],
      ['g', 4, false],
      ['g.constprop.0', 9, false]
    ])
    expect(g.edges.map(e => [e.kind, e.reason])).toEqual([
      ['inline', 'inlining to'],
      ['clone', 'constprop']
    ])
    expect(
      setOf({ 'y.c.000i.ipa-clones': 'Callgraph clone;a;1;y.c;1;1;-;b;2;y.c;1;1;x;r' }).findings
    ).toHaveLength(1)
  })

  it('drops a leading folder that is not part of the tree, learned from the dumps themselves', () => {
    const set = setOf({
      'linux-6.1/net/ipv4/tcp.c.000i.ipa-clones': clone(
        'skb_put_x',
        1,
        './include/linux/skbuff.h',
        'tcp_x',
        2,
        'net/ipv4/tcp.c',
        'inlining to'
      ),
      'linux-6.1/net/ipv4/udp.c.000i.ipa-clones': clone(
        'u',
        1,
        'net/ipv4/udp.c',
        'v',
        2,
        'net/ipv4/udp.c',
        'inlining to'
      ),
      'linux-6.1/init/empty.c.000i.ipa-clones': ''
    })
    expect(set.tus()).toEqual(['init/empty.c', 'net/ipv4/tcp.c', 'net/ipv4/udp.c'])
  })

  it('strips the build-root prefix of absolute file names, learned from the TU own file', () => {
    const set = setOf({
      'net/ipv4/tcp.c.000i.ipa-clones': [
        clone(
          'a',
          1,
          '/home/b/linux/include/linux/x.h',
          'b',
          2,
          '/home/b/linux/net/ipv4/tcp.c',
          'inlining to'
        ),
        clone('c', 3, '../include/linux/y.h', 'b', 2, '/home/b/linux/net/ipv4/tcp.c', 'inlining to')
      ].join('\n')
    })
    const g = set.graph('net/ipv4/tcp.c')!
    expect(g.nodes.map(n => n.file)).toEqual([
      'include/linux/x.h',
      'net/ipv4/tcp.c',
      '../include/linux/y.h'
    ])
  })

  it('with a focus, answers name lookups from the scan, as from the text, without reading it', () => {
    const dir = join(FIXTURES, 'header-inline')
    const names = ['ring_used', 'ring_empty', 'ring_full', 'ring_pop', 'ring_count', 'nope']
    const plain = loadDir(dir)
    let reads = 0
    // Budget 0: every kept text is dropped and read again on demand, which is counted.
    const focused = new DumpSet('test', { names, files: [] }, 0)
    for (const f of dumpFiles(dir)) {
      const text = readFileSync(join(dir, f), 'utf8')
      focused.addDump(f, text, () => () => {
        reads++
        return text
      })
    }
    focused.finish()
    const want = names.map(n => plain.tusMentioning(n))
    expect(want[0]).toEqual(['lib/consumer.c', 'lib/producer.c'])
    expect(names.map(n => focused.tusMentioning(n))).toEqual(want)
    expect(names.map(n => focused.tusMentioning(`*${n}`))).toEqual(want)
    expect(reads).toBe(0)
  })

  it('answers name lookups the same before and after switching to the full index', () => {
    const set = fixtureSet('header-inline')
    const names = ['ring_used', 'ring_empty', 'ring_full', 'ring_pop', 'ring_count', 'nope']
    const before = names.map(n => set.tusMentioning(n))
    for (let i = 0; i < FULL_INDEX_AFTER + 1; i++) set.tusMentioning(`filler${i}`)
    expect(names.map(n => set.tusMentioning(n))).toEqual(before)
    expect(before[0]).toEqual(['lib/consumer.c', 'lib/producer.c'])
    expect(before[2]).toEqual(['lib/producer.c'])
  })

  it('reads every text once for many announced names, as many times for a few asked one by one', () => {
    const dir = join(FIXTURES, 'header-inline')
    const names = ['ring_used', 'ring_empty', 'ring_full', 'ring_pop', 'ring_count', 'nope']
    const many = [...names, ...Array.from({ length: FULL_INDEX_AFTER }, (_, i) => `filler${i}`)]
    const plain = loadDir(dir)
    const counted = (): { set: DumpSet; reads: () => number } => {
      let reads = 0
      // Budget 0: every text is read again on demand, which is counted.
      const set = new DumpSet('test', undefined, 0)
      for (const f of dumpFiles(dir)) {
        const text = readFileSync(join(dir, f), 'utf8')
        set.addDump(f, text, () => () => {
          reads++
          return text
        })
      }
      set.finish()
      return { set, reads: () => reads }
    }
    const announced = counted()
    announced.set.expectLookups(many)
    // One read of each dump that has a text (not the empty ones).
    const dumps = announced.reads()
    expect(dumps).toBeGreaterThan(1)
    expect(names.map(n => announced.set.tusMentioning(n))).toEqual(
      names.map(n => plain.tusMentioning(n))
    )
    expect(announced.reads()).toBe(dumps)
    const few = counted()
    few.set.expectLookups(names)
    expect(few.reads()).toBe(0)
    names.forEach(n => few.set.tusMentioning(n))
    expect(few.reads()).toBe(dumps * names.length)
  })

  it('does not take a file field for a symbol name', () => {
    const set = setOf({
      'm.c.000i.ipa-clones': 'Callgraph clone;f;1;Kconfig;1;1;g;2;m.c;2;1;inlining to'
    })
    expect(set.tusMentioning('Kconfig')).toEqual([])
    expect(set.tusMentioning('g')).toEqual(['m.c'])
  })

  it('recognises LTO link-stage dumps and reports the build as LTO', () => {
    const set = fixtureSet('lto')
    expect(set.lto).toBe(true)
    expect(set.tus()).toEqual(['a.c', 'b.c'])
    expect(set.linkGraphs().map(g => [g.tu, g.stage])).toEqual([
      ['prog.wpa', 'wpa'],
      ['prog.ltrans0.ltrans', 'ltrans']
    ])
    expect(set.findings).toEqual([
      expect.objectContaining({ kind: 'lto-build', severity: 'warning' })
    ])
  })

  it('names one-shot LTO compile-stage dumps after their source', () => {
    const set = setOf({
      'prog-a.c.000i.ipa-clones': clone('sq', 0, '../a.c', 'foo', 1, '../a.c', 'inlining to'),
      'prog.wpa.000i.ipa-clones': '',
      'prog.ltrans0.ltrans.000i.ipa-clones': ''
    })
    expect(set.tus()).toEqual(['a.c'])
    expect(set.graph('a.c')!.nodes.map(n => n.file)).toEqual(['a.c', 'a.c'])
  })

  it('lets go of a scanned dump once taken: the loader may hold the scan result until the load ends', () => {
    const line = clone('a', 0, 'a.c', 'b', 1, 'a.c', 'inlining to')
    const set = new DumpSet('x')
    const scanned = new DumpScanner('x').scan('a.c.000i.ipa-clones', `${line}\n`)
    expect(scanned.text).not.toBe('')
    set.addScanned(scanned)
    set.finish()
    expect(scanned.text).toBe('')
    expect(set.graph('a.c')?.edges).toHaveLength(1)
  })

  it('keeps a graph parsed for a one-pass reader only when it was kept already', () => {
    const set = fixtureSet('header-inline')
    const once = set.graph('lib/consumer.c', true)
    expect(once).toBeDefined()
    expect(set.graph('lib/consumer.c', true)).not.toBe(once)
    const kept = set.graph('lib/consumer.c')
    expect(set.graph('lib/consumer.c')).toBe(kept)
    expect(set.graph('lib/consumer.c', true)).toBe(kept)
    expect(set.graph('lib/none.c', true)).toBeUndefined()
  })

  it('keeps a one-pass graph the reader will ask for again, never in place of a kept one', () => {
    const set = fixtureSet('header-inline')
    const once = set.graph('lib/consumer.c', true) as TuGraph
    set.keep('lib/consumer.c', once)
    expect(set.graph('lib/consumer.c')).toBe(once)
    const other = set.graph('lib/consumer.c', true) as TuGraph
    expect(other).toBe(once)
    const fresh = parseTuGraph('lib/consumer.c', 'tu', '')
    set.keep('lib/consumer.c', fresh)
    expect(set.graph('lib/consumer.c')).toBe(once)
    set.keep('lib/none.c', fresh)
    expect(set.graph('lib/none.c')).toBeUndefined()
  })

  it('keeps no one-pass graph once the cache is full', () => {
    const dumps: Record<string, string> = {}
    const tus = Array.from({ length: 513 }, (_, i) => `t${i}.c`)
    for (const tu of tus) dumps[`${tu}.000i.ipa-clones`] = removal('f', 1, tu)
    const set = setOf(dumps)
    for (const tu of tus.slice(0, 512)) set.graph(tu)
    const last = tus[512]
    const once = set.graph(last, true) as TuGraph
    set.keep(last, once)
    expect(set.graph(last, true)).not.toBe(once)
    expect(set.graph(tus[0], true)).toBe(set.graph(tus[0], true))
  })

  it('refuses dumps added after finish', () => {
    const set = new DumpSet('x')
    set.finish()
    expect(() => set.addDump('a.c.000i.ipa-clones', '')).toThrow(/after finish/)
  })
})

describe('byte-order mark', () => {
  it('reads a dump with a BOM like the same dump without it', () => {
    const line = 'Callgraph clone;a;0;a.c;1;1;b;1;a.c;2;1;inlining to\n'
    const set = new DumpSet('bom')
    set.addDump('a.c.000i.ipa-clones', '\ufeff' + line)
    set.finish()
    expect(set.findings).toEqual([])
    expect(set.tusMentioning('a')).toEqual(['a.c'])
  })
})
