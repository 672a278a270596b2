import { containersOf } from '../../../src/core/all/containers.js'
import { explainSymbol } from '../../../src/core/graph/affected.js'
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
