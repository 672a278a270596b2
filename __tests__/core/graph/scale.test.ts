import { setOf } from '../dumps/load-fixture.js'
import { explainSymbol } from '../../../src/core/graph/affected.js'

/** One function inlined into n others, in one dump (issue 12's slow path). */
function star(n: number): string {
  let text = ''
  for (let i = 0; i < n; i++)
    text += `Callgraph clone;f;1;a.c;1;1;g${i};${i + 2};a.c;${i + 2};1;inlining to\n`
  return text
}

describe('a dump with many inline edges', () => {
  // Not a timing test (speed is measured by npm run bench): a guard against the quadratic walk,
  // which took over 10 minutes at 130,000 edges; the linear one takes seconds even on a loaded runner.
  it('is walked to the end at 130,000 edges', () => {
    const set = setOf({ 'a.c.000i.ipa-clones': star(130000) })
    const r = explainSymbol(set, 'f')
    expect(r.affected).toHaveLength(130001)
    expect(r.affected.filter(a => a.name === 'g129999')).toHaveLength(1)
  }, 120000)
})
