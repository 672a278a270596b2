import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseTuGraph, type TuGraph } from '../../../src/core/dumps/tu-graph.js'
import { walkForward } from '../../../src/core/graph/walk.js'
import type { ChainStep } from '../../../src/core/model.js'
import { corpusDir } from '../../helpers/corpus.js'
import { mutate } from '../../helpers/mutate-dump.js'
import { mulberry32 } from '../../helpers/rng.js'
import { FIXTURES, dumpFiles } from './load-fixture.js'

/**
 * The graph answers the hot paths from its compact form (accessors, a scan for a name) and makes
 * node and edge objects only when asked: both views must tell the same graph.
 */
function sameViews(g: TuGraph, lookups: string[]): void {
  expect(g.size).toBe(g.compact.names.length)
  // Names looked up before the index exists (a scan), then past the scans (the index).
  const before = lookups.map(n => [...g.ids(n)])
  const { nodes, edges, byName } = g
  expect(before).toEqual(lookups.map(n => byName.get(n) ?? []))
  for (let i = 0; i < 12; i++) g.ids(lookups[i % lookups.length] ?? 'x')
  expect(lookups.map(n => [...g.ids(n)])).toEqual(before)
  expect(lookups.map(n => g.has(n))).toEqual(lookups.map(n => byName.has(n)))
  expect(nodes.map(n => [n.id, n.name, n.file, n.removed])).toEqual(
    nodes.map((_, id) => [id, g.name(id), g.file(id), g.removed(id)])
  )
  expect(g.nodeFiles()).toEqual([...new Set(nodes.map(n => n.file))])
  expect(g.edgeCount).toBe(edges.length)
  expect(edges.map(e => [e.from, e.to, e.kind === 'inline', e.copy, e.reason])).toEqual(
    edges.map((_, e) => [
      g.edgeFrom(e),
      g.edgeTo(e),
      g.edgeInline(e),
      g.edgeCopy(e),
      g.edgeReason(e)
    ])
  )
}

/** walkForward as it read the edge objects, before the graph had accessors. */
function walkObjects(g: TuGraph, starts: readonly number[]): Map<number, ChainStep[]> {
  const reached = new Map<number, ChainStep[]>()
  for (const s of starts) reached.set(s, [{ kind: 'changed', name: g.nodes[s].name }])
  for (const e of g.edges) {
    const from = reached.get(e.from)
    if (!from || e.from === e.to) continue
    const known = reached.get(e.to)
    if (known && known.length <= from.length + (e.copy ? 0 : 1)) continue
    const name = g.nodes[e.to].name
    const step: ChainStep =
      e.kind === 'inline'
        ? { kind: 'inlined-into', name }
        : { kind: 'cloned-as', name, reason: e.reason }
    reached.set(e.to, e.copy ? from : from.concat(step))
  }
  return reached
}

function check(path: string, text: string): number {
  const g = parseTuGraph(path, 'tu', text)
  const names = [...new Set(g.compact.names)]
  sameViews(g, names.slice(0, 5).concat('no_such_name', names.slice(-3)))
  let walks = 0
  for (const name of names.filter((_, i) => i % 7 === 0)) {
    const starts = parseTuGraph(path, 'tu', text).ids(name)
    const again = parseTuGraph(path, 'tu', text)
    expect(walkForward(again, starts, () => [{ kind: 'changed', name }])).toEqual(
      walkObjects(again, starts)
    )
    walks++
  }
  return walks
}

describe('TuGraph', () => {
  const texts = dumpFiles(FIXTURES).map(
    p => [p, readFileSync(join(FIXTURES, p), 'utf8')] as [string, string]
  )

  it('tells one graph by its accessors and by its objects, and walks it alike, on every fixture dump', () => {
    let walks = 0
    for (const [path, text] of texts) walks += check(path, text)
    expect(walks).toBeGreaterThan(30)
  })

  it('on damaged dumps too', () => {
    const rnd = mulberry32(77)
    const real = texts.filter(([, t]) => t.length > 0)
    for (let i = 0; i < 500; i++) {
      const [path, text] = real[Math.floor(rnd() * real.length)]
      check(path, mutate(Buffer.from(text), rnd).toString('utf8'))
    }
  })

  it('knows a same-name copy by its reason, wherever the reason list has it', () => {
    const text =
      'Callgraph clone;g;1;a.c;1;1;g.part.0;2;a.c;1;1;partial inlining\n' +
      'Callgraph clone;sum;3;a.c;1;1;sum;4;a.c;1;1;(null)\n' +
      'Callgraph clone;h;5;a.c;1;1;sum;4;a.c;1;1;inlining to\n'
    const g = parseTuGraph('a.c', 'tu', text)
    expect([0, 1, 2].map(e => g.edgeCopy(e))).toEqual([false, true, false])
    expect(g.nodes.map(n => n.copyOf)).toEqual([undefined, undefined, undefined, 2, undefined])
    const walked = walkForward(g, g.ids('h'), () => [{ kind: 'changed', name: 'h' }])
    expect([...walked.keys()]).toEqual([4, 3])
    expect(walked.get(3)).toEqual([
      { kind: 'changed', name: 'h' },
      { kind: 'inlined-into', name: 'sum' }
    ])
  })

  const corpus = corpusDir()
  ;(corpus ? it : it.skip)('on the corpus dumps of net/core', () => {
    const dir = join(corpus as string, 'net/core')
    let walks = 0
    for (const path of dumpFiles(dir).slice(0, 40))
      walks += check(`net/core/${path}`, readFileSync(join(dir, path), 'utf8'))
    expect(walks).toBeGreaterThan(500)
  })
})
