import { setOf } from '../dumps/load-fixture.js'
import { explainSymbol } from '../../../src/core/graph/affected.js'

/** One function inlined into n others, in one dump (issue 12's slow path). */
function star(n: number): string {
  let text = ''
  for (let i = 0; i < n; i++)
    text += `Callgraph clone;f;1;a.c;1;1;g${i};${i + 2};a.c;${i + 2};1;inlining to\n`
  return text
}

function explainMs(n: number): number {
  const set = setOf({ 'a.c.000i.ipa-clones': star(n) })
  const t = performance.now()
  const r = explainSymbol(set, 'f')
  const ms = performance.now() - t
  expect(r.affected).toHaveLength(n + 1)
  return ms
}

describe('a dump with many inline edges', () => {
  it('is walked in near-linear time (8x the edges, well under 64x the time)', () => {
    explainMs(4000)
    const small = Math.min(explainMs(4000), explainMs(4000))
    const large = explainMs(32000)
    // Quadratic was 64x (32,000 edges: ~8 s); linear is ~8x. Loaded CI runners get slack.
    expect(large / Math.max(small, 1)).toBeLessThan(24)
  })
})
