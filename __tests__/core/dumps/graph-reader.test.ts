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

  it('on damaged dumps too (their malformed lines skipped alike)', () => {
    const rnd = mulberry32(1306)
    const scanner = new DumpScanner('s')
    const bytes = texts
      .filter(([, t]) => t.length > 0)
      .map(([p, t]) => [p, Buffer.from(t)] as const)
    for (let i = 0; i < 3000; i++) {
      const [path, b] = bytes[Math.floor(rnd() * bytes.length)]
      check(scanner, path, mutate(b, rnd).toString('utf8'))
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
