import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { jest } from '@jest/globals'
import { EDGE_FIELDS, scanTuGraph } from '../../../src/core/dumps/compact-graph.js'
import { moduleGraph, readTuGraph } from '../../../src/core/dumps/read-graph.js'
import { parseTuGraph } from '../../../src/core/dumps/tu-graph.js'
import { GRAPH_MAX, LineCheck } from '../../../src/core/line-check/line-check.js'
import { mutate } from '../../helpers/mutate-dump.js'
import { mulberry32 } from '../../helpers/rng.js'
import { FIXTURES, dumpFiles } from './load-fixture.js'

/** A dump's text as the set holds it: decoded, without a byte-order mark. */
function textOf(b: Buffer): string {
  const t = b.toString('utf8')
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t
}

/** `a` (order `oa`, a header inline) inlined into `b` (order `ob`). */
const line = (a: string, oa: number, b: string, ob: number): string =>
  `Callgraph clone;${a};${oa};./include/a.h;2;3;${b};${ob};a.c;4;5;inlining to`

describe('readTuGraph (a dump re-read for a query, read by the line check where it can)', () => {
  const dumps = dumpFiles(FIXTURES).map(p => readFileSync(join(FIXTURES, p)))

  it('gives the graph scanTuGraph reads, on every fixture dump, most of them read by the module', () => {
    let byModule = 0
    for (const b of dumps) {
      const text = textOf(b)
      const fast = moduleGraph(text)
      if (fast) {
        byModule++
        expect(fast).toEqual(scanTuGraph(text))
      }
      expect(readTuGraph(text)).toEqual(scanTuGraph(text))
    }
    // A mutation that never lets the module answer (or one that always does) fails one of these.
    expect(byModule).toBeGreaterThan(dumps.length / 2)
    expect(byModule).toBeLessThanOrEqual(dumps.length)
  })

  it('gives the same graph under damage: what the module cannot read exactly goes to the line loop', () => {
    const rnd = mulberry32(16)
    let refused = 0
    for (let i = 0; i < 600; i++) {
      const text = textOf(mutate(dumps[i % dumps.length], rnd))
      if (text.length > 0 && moduleGraph(text) === undefined) refused++
      expect(readTuGraph(text)).toEqual(scanTuGraph(text))
    }
    expect(refused).toBeGreaterThan(50)
  })

  it('leaves to the line loop a character past ASCII, a malformed line and an empty text', () => {
    const clean = [line('f', 1, 'g', 2), line('h', 3, 'g', 2)].join('\n')
    expect(moduleGraph(clean)).toEqual(scanTuGraph(clean))
    for (const text of [
      [line('f', 1, 'g', 2), line('hé', 3, 'g', 2)].join('\n'),
      [line('f', 1, 'g', 2), 'Callgraph clone;broken', line('h', 3, 'g', 2)].join('\n'),
      // An order met again with another name: the module's table cannot tell them apart.
      [line('f', 1, 'g', 2), line('x', 1, 'g', 2)].join('\n'),
      `\ufeff${clean}`,
      ''
    ]) {
      expect([text, moduleGraph(text)]).toEqual([text, undefined])
      expect(readTuGraph(text)).toEqual(scanTuGraph(text))
    }
  })

  it('reads a text larger than the module memory held before, and a short one after it', () => {
    const big = Array.from({ length: 20000 }, (_, i) =>
      line(`f${i}`, 2 * i + 1, `g${i}`, 2 * i + 2)
    ).join('\n')
    expect(moduleGraph(big)).toEqual(scanTuGraph(big))
    const small = line('a', 1, 'b', 2)
    expect(moduleGraph(small)).toEqual(scanTuGraph(small))
  })

  it('does not touch the module for a text past what it reads graphs of', () => {
    const one = `${line('f', 1, 'g', 2)}\n`
    const text = one.repeat(Math.ceil((GRAPH_MAX + 1) / one.length))
    const input = jest.spyOn(LineCheck.prototype, 'input')
    try {
      expect(moduleGraph(text)).toBeUndefined()
      expect(input).not.toHaveBeenCalled()
      expect(moduleGraph(one)).toBeDefined()
      expect(input).toHaveBeenCalledTimes(1)
    } finally {
      input.mockRestore()
    }
  })

  it('is what parseTuGraph and the dump set parse with', () => {
    const text = textOf(dumps[0])
    const graph = jest.spyOn(LineCheck.prototype, 'graph')
    try {
      const parsed = parseTuGraph('t.c', 'tu', text)
      expect(graph).toHaveBeenCalledTimes(1)
      expect(parsed.edgeCount).toBe(scanTuGraph(text).edges.length / EDGE_FIELDS)
    } finally {
      graph.mockRestore()
    }
  })
})
