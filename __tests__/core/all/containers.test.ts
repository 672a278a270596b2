import { containersOf } from '../../../src/core/all/containers.js'
import type { TuGraph } from '../../../src/core/dumps/tu-graph.js'
import { explainSymbol } from '../../../src/core/graph/affected.js'
import { mulberry32 } from '../../helpers/rng.js'
import { fixtureSet, setOf } from '../dumps/load-fixture.js'

function answer(set: ReturnType<typeof setOf>, tu: string): Record<string, string[]> {
  const g = set.graph(tu)!
  return Object.fromEntries(
    containersOf(g).map(c => [c.node.name, c.reached.map(id => g.nodes[id].name)])
  )
}

describe('containersOf (explain --all)', () => {
  it('gives every inlined function its containers, transitively (a into b into c)', () => {
    expect(answer(fixtureSet('chain'), 'chain.c')).toEqual({ a: ['b', 'c'], b: ['c'] })
  })

  it('follows dump order: a clone made before the inlining does not contain the function', () => {
    const set = setOf({
      'a.c.000i.ipa-clones':
        'Callgraph clone;b;2;a.c;5;1;b.constprop.0;3;a.c;5;1;constprop\n' +
        'Callgraph clone;a;1;a.c;1;1;b;2;a.c;5;1;inlining to\n'
    })
    expect(answer(set, 'a.c')).toEqual({ a: ['b'], b: ['b.constprop.0'] })
  })

  it('agrees with explain of each function on the real fixtures', () => {
    for (const scenario of ['chain', 'constprop', 'isra', 'part', 'recursion', 'mixed']) {
      const set = fixtureSet(scenario)
      for (const tu of set.tus()) {
        const g = set.graph(tu)!
        for (const c of containersOf(g)) {
          const one = explainSymbol(set, c.node.name, c.node.file)
            .affected.filter(a => a.tu === tu && a.chain.length > 1)
            .map(a => a.name)
          const all = [...new Set(c.reached.map(id => g.nodes[id].name))]
          // explain joins every node of a name; --all answers per node, so it may list fewer.
          expect(one).toEqual(expect.arrayContaining(all))
        }
      }
    }
  })
})

/** containersOf as it walked before it began at each start's first edge out: every edge, per start. */
function everyEdge(g: TuGraph): Array<[number, number[]]> {
  const out: Array<[number, number[]]> = []
  const starts = new Set<number>()
  for (let e = 0; e < g.edgeCount; e++) if (g.edgeFrom(e) !== g.edgeTo(e)) starts.add(g.edgeFrom(e))
  for (let s = 0; s < g.size; s++) {
    if (!starts.has(s)) continue
    const marked = new Set([s])
    const reached: number[] = []
    for (let e = 0; e < g.edgeCount; e++) {
      const t = g.edgeTo(e)
      if (!marked.has(g.edgeFrom(e)) || marked.has(t)) continue
      marked.add(t)
      if (!g.edgeCopy(e) && g.name(t) !== g.name(s)) reached.push(t)
    }
    out.push([s, reached])
  }
  return out
}

describe('containersOf against a walk of every edge per start', () => {
  it('gives the same answers on every fixture dump and on random graphs with loops and copies', () => {
    const graphs: TuGraph[] = []
    for (const scenario of ['chain', 'constprop', 'isra', 'part', 'recursion', 'mixed']) {
      const set = fixtureSet(scenario)
      for (const tu of set.tus()) graphs.push(set.graph(tu)!)
    }
    const rnd = mulberry32(13)
    for (let k = 0; k < 300; k++) {
      const n = 2 + Math.floor(rnd() * 12)
      const lines: string[] = []
      for (let l = 0; l < 1 + Math.floor(rnd() * 25); l++) {
        const a = Math.floor(rnd() * n)
        const b = rnd() < 0.1 ? a : Math.floor(rnd() * n)
        // Names shared by two orders make same-name copies and recursion into a master clone.
        const name = (i: number): string => `f${i % Math.max(2, n - 2)}`
        const reason = rnd() < 0.6 ? 'inlining to' : 'constprop'
        lines.push(
          `Callgraph clone;${name(a)};${a + 1};a.c;1;1;${name(b)};${b + 1};a.c;2;1;${reason}`
        )
      }
      const set = setOf({ 'a.c.000i.ipa-clones': lines.join('\n') + '\n' })
      const g = set.graph('a.c')
      if (g) graphs.push(g)
    }
    expect(graphs.length).toBeGreaterThan(250)
    let nonEmpty = 0
    for (const g of graphs) {
      const fast = containersOf(g).map(c => [c.node.id, c.reached] as [number, number[]])
      expect(fast).toEqual(everyEdge(g))
      nonEmpty += fast.filter(([, r]) => r.length > 0).length
    }
    expect(nonEmpty).toBeGreaterThan(200)
  })
})
