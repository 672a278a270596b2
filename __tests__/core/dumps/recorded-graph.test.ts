import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scanTuGraph } from '../../../src/core/dumps/compact-graph.js'
import { classifyDumpPath } from '../../../src/core/dumps/dump-path.js'
import type { DumpFocus } from '../../../src/core/dumps/focus.js'
import type { DumpBytes } from '../../../src/core/dumps/raw-accept.js'
import { recordedGraph } from '../../../src/core/dumps/recorded-graph.js'
import { DumpScanner, type ScannedDump } from '../../../src/core/dumps/scanner.js'
import { LineCheck, lineCheck } from '../../../src/core/line-check/line-check.js'
import { RawLineTest } from '../../../src/core/dumps/raw-accept.js'
import { corpusDir } from '../../helpers/corpus.js'
import { mutate } from '../../helpers/mutate-dump.js'
import { mulberry32 } from '../../helpers/rng.js'
import { FIXTURES, dumpFiles } from './load-fixture.js'

const check = lineCheck() as LineCheck

function asBytes(b: Buffer): DumpBytes {
  return { length: b.length, latin1: () => b.toString('latin1'), view: () => b }
}

/**
 * A kept dump's scan from bytes, with the graph asked for: the same answer whether the line check
 * reads the graph or the JavaScript scan does (the module made to check only). Returns whether
 * the module read it.
 */
function same(focus: DumpFocus, path: string, b: Buffer): boolean {
  const scan = (): ScannedDump =>
    new DumpScanner('s', focus).scanBytes(path, asBytes(b), () => b.toString('utf8'), true)
  const graph = jest.spyOn(LineCheck.prototype, 'checkOrGraph')
  let fast: ScannedDump
  let read: boolean
  try {
    fast = scan()
    read = graph.mock.results.some(r => typeof r.value !== 'number')
    graph.mockImplementation(function (this: LineCheck, bytes, lineFocus) {
      return this.check(bytes, lineFocus)
    })
    expect(fast).toEqual(scan())
  } finally {
    graph.mockRestore()
  }
  return read
}

const c = (a: string, b: string, reason = 'inlining to'): string =>
  `Callgraph clone;${a};${b};${reason}`
const f = (name: string, order: string, file = 'a.c', line = '1'): string =>
  `${name};${order};${file};${line};1`

describe('the line check reading a kept dump graph (LineCheck.graph, recordedGraph)', () => {
  const texts = dumpFiles(FIXTURES).map(p => [p, readFileSync(join(FIXTURES, p))] as const)

  it('reads the graph scanTuGraph reads: nodes, files, reasons, removals, physical lines', () => {
    const text = [
      '',
      c(f('*f', '7', './include/a.h', '12'), f('g', '8', 'x.c', '30')),
      c(f('f', '7', './include/a.h', '12'), f('f.constprop.0', '9', './include/a.h', '12')),
      '',
      c(f('g', '8', 'x.c', '30'), f('g.isra.0', '10', 'x.c', '30x'), 'ipa-sra'),
      'Callgraph removal;' + f('f', '7', './include/a.h', '12'),
      c(f('h', '11', 'y.c', '5'), f('f.constprop.0', '9', './include/a.h', '12'))
    ].join('\n')
    const records = check.graph(Buffer.from(text))
    expect(records?.lines).toBe(5)
    const graph = recordedGraph(text, records as NonNullable<typeof records>)
    expect(graph).toEqual(scanTuGraph(text))
    expect(graph.names).toEqual(['f', 'g', 'f.constprop.0', 'g.isra.0', 'h'])
    expect(graph.files).toEqual(['./include/a.h', 'x.c', 'y.c'])
    expect(graph.reasons).toEqual(['ipa-sra'])
    // order, file, line, removed per node; from, to, reason, 1-based line per edge.
    expect([...graph.nodes.slice(0, 4)]).toEqual([7, 0, 12, 1])
    expect([...graph.nodes.slice(12, 16)]).toEqual([10, 1, 30, 0])
    expect([...graph.edges]).toEqual([0, 1, 0, 2, 0, 2, 0, 3, 1, 3, 1, 5, 4, 2, 0, 7])
  })

  it('answers as the JavaScript scan on every fixture dump, under four focuses', () => {
    const every = new Set(
      texts.flatMap(([, b]) =>
        [...b.toString().matchAll(/^Callgraph (?:clone|removal);\*?([^;]+)/gm)].map(m => m[1])
      )
    )
    const focuses: DumpFocus[] = [
      { names: ['ring_used', 'bar'], files: ['chain/chain.c'] },
      { names: ['helper', 'inner', 'compute'], files: [] },
      { names: ['nothing_is_named_so'], files: ['lib/util.c'] },
      { names: [...every], files: [] }
    ]
    const read = focuses.map(
      focus => texts.filter(([path, b]) => b.length > 0 && same(focus, path, b)).length
    )
    // Under every name of every dump, each non-empty TU dump is kept: the module reads all of
    // them (a link-stage dump is read whole, by the full scan).
    const tus = texts.filter(([p, b]) => b.length > 0 && classifyDumpPath(p).stage === 'tu')
    expect(tus.length).toBeGreaterThan(30)
    expect(read[3]).toBe(tus.length)
    expect(read[0] + read[1]).toBeGreaterThan(0)
  })

  it('answers as the JavaScript scan on damaged dumps: the module reads them or leaves them', () => {
    const rnd = mulberry32(1407)
    const bytes = texts.filter(([, b]) => b.length > 0)
    const names = new Set(
      bytes.flatMap(([, b]) =>
        [...b.toString().matchAll(/^Callgraph clone;\*?([^;]+)/gm)].map(m => m[1])
      )
    )
    const focus = { names: [...names], files: [] }
    let read = 0
    for (let i = 0; i < 1500; i++) {
      const [path, b] = bytes[Math.floor(rnd() * bytes.length)]
      if (same(focus, path, mutate(b, rnd))) read++
    }
    // Most edits break a line (left to the full scan); some only change a name or a number.
    expect(read).toBeGreaterThan(50)
    expect(read).toBeLessThan(1400)
  })

  it('leaves to the full scan every dump it cannot read exactly', () => {
    const ok = [c(f('f', '7'), f('g', '8')), c(f('g', '8'), f('h', '9'))]
    expect(check.graph(Buffer.from(ok.join('\n')))).toBeDefined()
    const refused: Record<string, string[]> = {
      'a second file for an order': [...ok, c(f('f', '7', 'b.c'), f('g', '8'))],
      'a second name for an order': [...ok, c(f('k', '8'), f('h', '9'))],
      'a clone created at a used order': [...ok, c(f('g', '8'), f('h', '9'), 'constprop')],
      'an order past the table': [...ok, c(f('p', '131072'), f('g', '8'))],
      'a ten-digit order': [...ok, c(f('p', '0000000012'), f('g', '8'))],
      'a ten-digit line': [...ok, c(f('f', '7', 'a.c', '1234567890'), f('g', '8'))],
      'a non-ASCII byte': [...ok, c(f('f', '7'), f('g', '8'), 'inlining to \u00e9')],
      'a carriage return': [...ok.map(l => `${l}\r`)],
      "GCC 7's markers": [
        ...ok,
        `Callgraph clone;${f('f', '7')};<-;${f('g', '8')};optimization:;inlining to`
      ],
      'a malformed line': [...ok, c(f('f', 'x7'), f('g', '8'))]
    }
    for (const [what, lines] of Object.entries(refused)) {
      const b = Buffer.from(lines.join('\n'))
      expect([what, check.graph(b)]).toEqual([what, undefined])
      const focus = { names: ['f'], files: [] }
      expect(same(focus, 'a.c.000i.ipa-clones', b)).toBe(false)
    }
  })

  it('reads up to 131071 as an order, a line of nine digits, an order spelled twice', () => {
    const text = [
      c(f('p', '131071'), f('g', '8', 'a.c', '999999999')),
      c(f('g', '08'), f('h', '9'))
    ].join('\n')
    const records = check.graph(Buffer.from(text))
    expect(records && recordedGraph(text, records)).toEqual(scanTuGraph(text))
    expect(same({ names: ['h'], files: [] }, 'a.c.000i.ipa-clones', Buffer.from(text))).toBe(true)
  })

  it('numbers files as they come, up to 6,144 of them in a dump', () => {
    const removals = (n: number): string =>
      Array.from(
        { length: n },
        (_, i) => 'Callgraph removal;' + f(`f${i}`, `${i}`, `d/${i % 7}/${i}.h`)
      )
        .concat(c(f('f1', '1', 'd/1/1.h'), f('f0', '0', 'd/0/0.h')))
        .join('\n')
    const text = removals(6144)
    const records = check.graph(Buffer.from(text))
    expect(records && recordedGraph(text, records)).toEqual(scanTuGraph(text))
    expect(check.graph(Buffer.from(removals(6145)))).toBeUndefined()
    expect(
      same({ names: ['f0'], files: [] }, 'a.c.000i.ipa-clones', Buffer.from(removals(6145)))
    ).toBe(false)
  })

  it('keeps the focus filters intact whatever graphs it reads between checks', () => {
    // The graph's tables lie elsewhere in the module's memory than the focus filters, which stay
    // loaded from one dump to the next: written over, a dump naming the focus would pass unread.
    const names = Array.from({ length: 300 }, (_, i) => `needle_${i}`)
    const bases = names.map(n => `${n}.c`)
    const focus = new RawLineTest(names, bases).lineFocus()
    const dumps = names.flatMap(n => [
      Buffer.from(c(f(n, '7'), f('g', '8'))),
      Buffer.from(c(f('h', '7', `lib/${n}.c`), f('g', '8')))
    ])
    const spray = Array.from(
      { length: 5000 },
      (_, i) => 'Callgraph removal;' + f(`f${i}`, `${i * 13}`, `d/${i}/${'x'.repeat(i % 50)}.h`)
    ).join('\n')
    for (let round = 0; round < 3; round++) {
      expect(dumps.filter(d => check.check(d, focus) !== -1)).toEqual([])
      // The same focus stays loaded: a kept dump read as a graph between two checks.
      const kept = check.checkOrGraph(Buffer.from(`${spray}\n${dumps[round].toString()}`), focus)
      expect(typeof kept).toBe('object')
    }
    expect(check.check(Buffer.from(c(f('h', '7'), f('g', '8'))), focus)).toBe(1)
  })

  it('reads no graph for a focus that refuses nothing (no names, no bases)', () => {
    const dump = Buffer.from([c(f('f', '7'), f('g', '8')), c(f('g', '8'), f('h', '9'))].join('\n'))
    for (const test of [new RawLineTest(), new RawLineTest(['a;b'], ['x\ny'])])
      expect(check.checkOrGraph(dump, test.lineFocus())).toBe(2)
    expect(typeof check.checkOrGraph(dump, new RawLineTest(['g']).lineFocus())).toBe('object')
  })

  const corpus = corpusDir()
  ;(corpus ? it : it.skip)('answers as the JavaScript scan on the corpus dumps of net/ipv4', () => {
    const dir = join(corpus as string, 'net/ipv4')
    let read = 0
    const files = dumpFiles(dir)
    for (const focus of [
      { names: ['sk_free', 'skb_headlen'], files: [] },
      { names: ['tcp_v4_rcv'], files: ['net/ipv4/route.c'] }
    ])
      for (const path of files) {
        const b = readFileSync(join(dir, path))
        if (b.length > 0 && same(focus, `net/ipv4/${path}`, b)) read++
      }
    expect(read).toBeGreaterThan(20)
  })
})
