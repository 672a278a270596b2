import { join } from 'node:path'
import { runPipeline } from '../../src/app/pipeline.js'
import type { Report } from '../../src/core/model.js'
import { FIXTURES } from '../core/dumps/load-fixture.js'

/**
 * Real GCC fixture header-inline: ring_used() in include/ring.h is inlined in each TU that calls
 * it. The fix is written as if made on a tree with 12 more lines above it (a backport): `patch`
 * applies it at -12 lines.
 */
const DIR = join(FIXTURES, 'header-inline')

const fix = (oldStart: number, context = '\treturn (r->head - r->tail) % r->size;'): string =>
  [
    '--- a/include/ring.h',
    '+++ b/include/ring.h',
    `@@ -${oldStart},4 +${oldStart},4 @@ struct ring {`,
    ' static inline unsigned int ring_used(const struct ring *r)',
    ' {',
    `-${context}`,
    '+\treturn (r->head - r->tail) & (r->size - 1);',
    ' }',
    ''
  ].join('\n')

function run(diff: string): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [DIR] }],
    diff,
    source: DIR,
    livepatch: [],
    policy: ['missing']
  })
}

describe('a fix that applies at other line numbers (real GCC: fixtures/gcc/header-inline)', () => {
  it('is placed, said so, and analysed as at its written lines', async () => {
    const exact = await run(fix(6))
    const shifted = await run(fix(18))
    const names = (r: Report): string[] => r.affected.map(a => `${a.tier} ${a.name}`).sort()
    expect(names(exact).length).toBeGreaterThan(1)
    expect(names(shifted)).toEqual(names(exact))
    const placed = shifted.findings.filter(f => f.kind === 'hunk-offset')
    expect(placed.map(f => `${f.severity} ${f.file}:${f.line}`)).toEqual(['info include/ring.h:6'])
    expect(placed[0].message).toContain('offset -12 lines')
    const unresolved = (r: Report): string[] =>
      r.findings.filter(f => f.severity === 'unresolved').map(f => `${f.kind} ${f.line ?? ''}`)
    expect(unresolved(shifted)).toEqual(unresolved(exact))
  })

  it('stays unresolved when the hunk applies nowhere', async () => {
    const report = await run(fix(18, '\treturn r->head - r->tail;'))
    expect(report.affected).toEqual([])
    expect(report.findings.map(f => `${f.kind} ${f.severity}`)).toContain(
      'source-mismatch unresolved'
    )
  })
})
