import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DumpSet } from '../../../src/core/dumps/dump-set.js'
import { DumpScanner } from '../../../src/core/dumps/scanner.js'
import { scanTuGraph } from '../../../src/core/dumps/compact-graph.js'
import { buildTuGraph, parseTuGraph } from '../../../src/core/dumps/tu-graph.js'
import {
  GRAPH_CACHE_SCHEMA,
  decodeGraph,
  encodeGraph
} from '../../../src/core/graph-cache/stored-graph.js'
import type { GraphStore } from '../../../src/core/graph-cache/store.js'
import { LineCheck } from '../../../src/core/line-check/line-check.js'
import { coreSourcesDigest } from '../../helpers/sources-digest.js'
import { FIXTURES, dumpFiles } from '../dumps/load-fixture.js'

/** Every dump GCC 12 wrote for the fixtures, with its TU. */
const real = dumpFiles(FIXTURES).map(f => ({
  tu: f.replace(/\.000i\.ipa-clones$/, ''),
  text: readFileSync(join(FIXTURES, f), 'utf8')
}))

class MapStore implements GraphStore {
  readonly kept = new Map<string, string>()
  gets = 0
  get(digest: string): string | undefined {
    this.gets++
    return this.kept.get(digest)
  }
  set(digest: string, stored: string): void {
    this.kept.set(digest, stored)
  }
}

/** A set of one kept dump, as a thread that read it through the scan index hands it over. */
function setOf(path: string, text: string, store: GraphStore, digest = 'd1'): DumpSet {
  const set = new DumpSet('t', { names: ['f'], files: [] })
  set.useGraphStore(store)
  const scanned = new DumpScanner('t').scan(path, text)
  set.addScanned(scanned, undefined, undefined, digest)
  set.finish()
  return set
}

describe('a stored graph', () => {
  it('decodes to what it encoded, and builds the graph the text parses to', () => {
    expect(real.length).toBeGreaterThan(50)
    for (const { tu, text } of real) {
      const compact = scanTuGraph(text)
      const decoded = decodeGraph(encodeGraph(compact))
      expect(decoded).toEqual(compact)
      if (decoded) expect(buildTuGraph(tu, 'tu', decoded)).toEqual(parseTuGraph(tu, 'tu', text))
    }
  })

  it('is what the set builds from, once stored: the text is not read again', () => {
    const text = 'Callgraph clone;f;1;a.c;2;3;g;4;a.c;9;3;inlining to\n'
    const store = new MapStore()
    expect(setOf('a.c.000i.ipa-clones', text, store).graph('a.c')).toEqual(
      parseTuGraph('a.c', 'tu', text)
    )
    expect([...store.kept.keys()]).toEqual(['d1'])
    // A planted graph with another caller: the next set reports it, so it read no text.
    const planted = scanTuGraph('Callgraph clone;f;1;a.c;2;3;h;5;a.c;9;3;inlining to\n')
    store.kept.set('d1', encodeGraph(planted))
    const again = setOf('a.c.000i.ipa-clones', text, store).graph('a.c')
    expect(again?.nodes.map(n => n.name)).toEqual(['f', 'h'])
  })

  it('is read by the line check when the store has none (the graph scanTuGraph reads)', () => {
    const text = 'Callgraph clone;f;1;a.c;2;3;g;4;a.c;9;3;inlining to\n'
    const store = new MapStore()
    const set = setOf('a.c.000i.ipa-clones', text, store)
    const expected = parseTuGraph('a.c', 'tu', text)
    const graph = jest.spyOn(LineCheck.prototype, 'graph')
    try {
      expect(set.graph('a.c')).toEqual(expected)
      expect(graph).toHaveBeenCalledTimes(1)
    } finally {
      graph.mockRestore()
    }
    expect(decodeGraph(store.kept.get('d1') ?? '')).toEqual(scanTuGraph(text))
  })

  it('is read again from the text, and replaced, when the store holds something else', () => {
    const text = 'Callgraph clone;f;1;a.c;2;3;g;4;a.c;9;3;inlining to\n'
    const store = new MapStore()
    store.kept.set('d1', '{"n":["f"],"f":[],"r":[],"N":[1,0,2,0],"E":[]}')
    const g = setOf('a.c.000i.ipa-clones', text, store).graph('a.c')
    expect(g).toEqual(parseTuGraph('a.c', 'tu', text))
    expect(decodeGraph(store.kept.get('d1') ?? '')).toEqual(scanTuGraph(text))
  })

  it('keeps an order or a line of any size as the text gives it (a damaged dump)', () => {
    const text = 'Callgraph clone;f;4294967297;a.c;3000000000;3;g;4;a.c;9;3;inlining to\n'
    const compact = scanTuGraph(text)
    const decoded = decodeGraph(encodeGraph(compact))
    expect(decoded).toEqual(compact)
    const built = decoded && buildTuGraph('a.c', 'tu', decoded)
    expect(built).toEqual(parseTuGraph('a.c', 'tu', text))
    expect(built?.nodes[0]).toMatchObject({ order: 4294967297, line: 3000000000 })
  })

  it('is not filed for a text read again from disk, which is checked by length and CRC only', () => {
    const text = 'Callgraph clone;f;1;a.c;2;3;g;4;a.c;9;3;inlining to\n'
    const store = new MapStore()
    // No budget for kept text: the set re-reads it when it reads the graph.
    const set = new DumpSet('t', { names: ['f'], files: [] }, 0)
    set.useGraphStore(store)
    const scanned = new DumpScanner('t').scan('a.c.000i.ipa-clones', text)
    set.addScanned(scanned, () => () => text, undefined, 'd1')
    set.finish()
    expect(set.graph('a.c')).toEqual(parseTuGraph('a.c', 'tu', text))
    expect(store.kept.size).toBe(0)
  })

  it('refuses shapes this code never wrote', () => {
    const good = {
      n: ['f', 'g'],
      f: ['a.c'],
      r: ['constprop'],
      N: [1, 0, 2, 0, 4, 0, 9, 1],
      E: [0, 1, 1, 1]
    }
    expect(decodeGraph(JSON.stringify(good))).toBeDefined()
    const bad: Array<Record<string, unknown>> = [
      { ...good, n: 'f' },
      { ...good, f: [1] },
      { ...good, N: [1, 0, 2, 0] },
      { ...good, N: [1, 1, 2, 0, 4, 0, 9, 1] },
      { ...good, N: [1, 0, 2, 2, 4, 0, 9, 1] },
      { ...good, N: [1, 0, 2.5, 0, 4, 0, 9, 1] },
      { ...good, E: [0, 2, 0, 1] },
      { ...good, E: [0, 1, 2, 1] },
      { ...good, E: [0, 1, 0, 0] },
      { ...good, E: [0, 1, 0] },
      { ...good, r: undefined }
    ]
    for (const b of bad) expect([b, decodeGraph(JSON.stringify(b))]).toEqual([b, undefined])
    expect(decodeGraph('{"n":')).toBeUndefined()
    expect(decodeGraph('null')).toBeUndefined()
  })
})

describe('graph cache schema', () => {
  it('is bumped whenever the code whose answers a stored graph keeps changes', () => {
    // When this fails: bump GRAPH_CACHE_SCHEMA in src/core/graph-cache/stored-graph.ts, then
    // update both.
    // A kept dump's graph is read by the line check's module where it can (recorded-graph.ts).
    const files = [
      'dumps/dump-line.ts',
      'dumps/compact-graph.ts',
      'graph-cache/stored-graph.ts',
      'dumps/recorded-graph.ts',
      'dumps/read-graph.ts',
      'line-check/line-check.wat'
    ]
    expect({ schema: GRAPH_CACHE_SCHEMA, sources: coreSourcesDigest(files) }).toEqual({
      schema: 7,
      sources: 'ace7c0221b810d4e'
    })
  })
})
