import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scanTuGraph } from '../../../src/core/dumps/compact-graph.js'
import { DumpScanner } from '../../../src/core/dumps/scanner.js'
import { corpusDir } from '../../helpers/corpus.js'
import { mutate } from '../../helpers/mutate-dump.js'
import { mulberry32 } from '../../helpers/rng.js'
import { FIXTURES, dumpFiles } from './load-fixture.js'

/**
 * A scan asked for the graph builds it in its validating pass (a scan thread's kept dumps): it
 * must be the graph `scanTuGraph` reads from the same text, and the scan's other answers must be
 * those of a scan that was not asked.
 */
function check(scanner: DumpScanner, path: string, text: string): boolean {
  const plain = scanner.scan(path, text)
  const { graph, ...rest } = scanner.scan(path, text, true)
  expect(rest).toEqual(plain)
  expect(plain.graph).toBeUndefined()
  if (plain.kept) expect(graph).toEqual(scanTuGraph(plain.text))
  else expect(graph).toBeUndefined()
  // A dump scanned as likely kept checks across lines in the same pass: the same answers.
  expect(scanner.scan(path, text, false, true)).toEqual(plain)
  const { graph: eager, ...eagerRest } = scanner.scan(path, text, true, true)
  expect(eagerRest).toEqual(plain)
  expect(eager).toEqual(graph)
  return plain.kept
}

describe('DumpScanner with the graph read in the same pass', () => {
  const texts = dumpFiles(FIXTURES).map(
    p => [p, readFileSync(join(FIXTURES, p), 'utf8')] as [string, string]
  )

  it('gives the graph scanTuGraph reads, on every fixture dump, under no focus and a focus', () => {
    let kept = 0
    for (const focus of [undefined, { names: ['ring_used', 'bar'], files: ['chain/chain.c'] }]) {
      const scanner = new DumpScanner('s', focus)
      for (const [path, text] of texts) if (check(scanner, path, text)) kept++
    }
    expect(kept).toBeGreaterThan(texts.length)
  })

  it('on damaged dumps too (their malformed lines skipped alike), under no focus and a focus', () => {
    const rnd = mulberry32(1306)
    const bytes = texts
      .filter(([, t]) => t.length > 0)
      .map(([p, t]) => [p, Buffer.from(t)] as const)
    const names = new Set(
      texts.flatMap(([, t]) => [...t.matchAll(/^Callgraph clone;\*?([^;]+)/gm)].map(m => m[1]))
    )
    const scanners = [
      new DumpScanner('s'),
      new DumpScanner('s', { names: [...names].filter((_, i) => i % 3 === 0), files: [] })
    ]
    let findings = 0
    for (let i = 0; i < 3000; i++) {
      const [path, b] = bytes[Math.floor(rnd() * bytes.length)]
      const text = mutate(b, rnd).toString('utf8')
      for (const s of scanners) check(s, path, text)
      findings += scanners[1].scan(path, text).findings.length
    }
    expect(findings).toBeGreaterThan(1000)
  })

  it('checks across lines alike with the graph read beside, whatever broke the dump first', () => {
    const c = (a: string, b: string, reason = 'inlining to'): string =>
      `Callgraph clone;${a};${b};${reason}`
    const f = (name: string, order: string, file = 'a.c'): string => `${name};${order};${file};1;1`
    const big = String(1 << 21)
    const lines = [
      c(f('f', '7'), f('g', '8')),
      c(f('f', '07'), f('h', '9')), // one order spelled twice: no error
      c(f('f', '7', 'b.c'), f('g', '8')), // a second file for order 7
      c(f('k', '8'), f('h', '9')), // a second name for order 8
      c(f('g', '8'), f('m', '10')),
      c(f('\ufffd', '11'), f('g', '8')), // invalid UTF-8
      c(f('g', '8'), f('n', '9'), 'constprop'), // a clone created at a used order
      c(f('p', big), f('q', big)),
      c(f('p', big, 'c.c'), f('g', '8')),
      'Callgraph removal;' + f('g', '8'),
      'Callgraph removal;' + f('g', '8', 'z.c')
    ]
    const scanners = [new DumpScanner('s'), new DumpScanner('s', { names: ['q'], files: [] })]
    let findings = 0
    // Each line first, so that each kind of error is the dump's first one once.
    for (let i = 0; i < lines.length; i++) {
      const text = [...lines.slice(i), ...lines.slice(0, i)].join('\n')
      for (const s of scanners) {
        expect(check(s, 'a.c.000i.ipa-clones', text)).toBe(true)
        findings += s.scan('a.c.000i.ipa-clones', text).findings.length
      }
    }
    expect(findings).toBeGreaterThan(lines.length * 8)
  })

  it('reports cross-line errors after the malformed lines, within one limit, either way', () => {
    const line = (i: number, order: number): string =>
      `Callgraph clone;f${i};${order};a.c;1;1;g;2;a.c;1;1;inlining to`
    // Every other line malformed (a field dropped), and the others' one order given to a new
    // name each time: a cross-line error on each but the first.
    for (const lines of [4, 16, 30, 60]) {
      const text = Array.from({ length: lines }, (_, i) =>
        i % 2 === 0 ? line(i, 7) : line(i, 7).replace(';1;1;g', ';1;g')
      ).join('\n')
      const scanner = new DumpScanner('s', { names: ['f0'], files: [] })
      const plain = scanner.scan('a.c.000i.ipa-clones', text)
      expect(plain.kept).toBe(true)
      // The first line of order 7 is no error: lines / 2 malformed, lines / 2 - 1 cross-line.
      expect(plain.findings.length).toBe(Math.min(lines - 1, 20) + (lines - 1 > 20 ? 1 : 0))
      expect(plain.findings.some(f => f.message.includes('one order is one symbol'))).toBe(
        lines / 2 < 20
      )
      expect(scanner.scan('a.c.000i.ipa-clones', text, true, true)).toEqual(
        expect.objectContaining({ findings: plain.findings, kept: true })
      )
    }
  })

  const corpus = corpusDir()
  ;(corpus ? it : it.skip)('on the corpus dumps of net/ipv4, kept by a focus or whole', () => {
    const dir = join(corpus as string, 'net/ipv4')
    const scanners = [new DumpScanner('s'), new DumpScanner('s', { names: ['sk_free'], files: [] })]
    let kept = 0
    for (const path of dumpFiles(dir)) {
      const text = readFileSync(join(dir, path), 'utf8')
      for (const s of scanners) if (check(s, `net/ipv4/${path}`, text)) kept++
    }
    expect(kept).toBeGreaterThan(dumpFiles(dir).length)
  })
})
