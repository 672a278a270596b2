import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { analyseSource } from '../../../src/core/source/locate.js'
import { staleDumpFindings } from '../../../src/core/staleness/dump-lines.js'
import { FIXTURES, setOf } from '../dumps/load-fixture.js'

// Real GCC: lib/chain.c.000i.ipa-clones was built from earlier/lib/chain.c, two lines longer above
// every function (see fixtures/gcc/stale/build.sh); earlier/'s own dump is the matching one.
const dir = join(FIXTURES, 'stale')
const read = (p: string): string => readFileSync(join(dir, p), 'utf8')
let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

function check(source: string, dump: string, side: 'pre' | 'post' = 'pre') {
  const set = setOf({ 'lib/chain.c.000i.ipa-clones': read(dump) }, 'x86_64')
  const functions = new Map([['lib/chain.c', analyseSource(parser, read(source)).functions]])
  return staleDumpFindings([{ set, side, functions }])
}

describe('a dump of other source than the tree (staleness/dump-lines.ts)', () => {
  it('is unresolved, naming where the dump and the source place each function', () => {
    const findings = check('lib/chain.c', 'lib/chain.c.000i.ipa-clones')
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ kind: 'dump-stale', severity: 'unresolved', set: 'x86_64' })
    expect(findings[0].message).toMatch(
      /^lib\/chain\.c's dump in set x86_64 \(the base build\) places a at line 7 \(the source: lines 4-5\), b at line 12 \(the source: lines 9-10\), c at line 18 \(the source: lines 14-16\): it was not built from the source the fix applies to/
    )
  })

  it('says nothing of the dump built from that very source', () => {
    expect(check('earlier/lib/chain.c', 'earlier/lib/chain.c.000i.ipa-clones')).toEqual([])
  })

  it('words a patched build (exact mode) as one not built from the fixed source', () => {
    const [f] = check('lib/chain.c', 'lib/chain.c.000i.ipa-clones', 'post')
    expect(f.message).toMatch(/\(the patched build\) .* not built from the fixed source/)
  })

  it('compares only names the source defines, and a name defined twice agrees with either', () => {
    const set = setOf({ 'lib/chain.c.000i.ipa-clones': read('lib/chain.c.000i.ipa-clones') })
    const defs = analyseSource(parser, read('lib/chain.c')).functions
    const c = defs.find(d => d.name === 'c')
    // b undefined (a name a macro makes, unknown to the locator); c also in an `#if` branch at 17-18.
    const functions = new Map([
      ['lib/chain.c', [...defs.filter(d => d.name !== 'b'), { ...c!, startLine: 17, bodyLine: 18 }]]
    ])
    const [f] = staleDumpFindings([{ set, side: 'pre', functions }])
    expect(f.message).toMatch(/places a at line 7 \(the source: lines 4-5\): it was not built/)
  })
})
