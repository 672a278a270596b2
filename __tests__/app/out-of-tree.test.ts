import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPipeline } from '../../src/app/pipeline.js'
import type { Report } from '../../src/core/model.js'
import { FIXTURES } from '../core/dumps/load-fixture.js'

/**
 * Real GCC fixture out-of-tree: a module's sources under src/ and include/, not a kernel tree. Its
 * dumps sit under a build folder (build/src/net.c.000i.ipa-clones for src/net.c), written by GCC
 * run in the project root (build/: the dumps name `src/net.c`) or in the build folder (cmake/:
 * `../src/net.c`). The fix changes net_parse, which GCC inlined into net_rx.
 */
const DIR = join(FIXTURES, 'out-of-tree')

function run(dumps: string): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [join(DIR, dumps)] }],
    diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
    source: DIR,
    livepatch: [],
    policy: ['missing']
  })
}

const affected = (r: Report): string[] => r.affected.map(a => `${a.tier} ${a.name} ${a.tu}`).sort()

describe('a dump set that is not a kernel tree (real GCC: fixtures/gcc/out-of-tree)', () => {
  it.each(['build', 'cmake'])('places %s/src/net.c.000i.ipa-clones as src/net.c', async dumps => {
    const report = await run(dumps)
    expect(affected(report)).toEqual(['required net_parse src/net.c', 'required net_rx src/net.c'])
    expect(report.findings.filter(f => f.kind === 'not-built')).toEqual([])
    expect(report.findings.filter(f => f.severity === 'unresolved')).toEqual([])
  })
})
