import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPipeline, type PipelineOptions } from '../../src/app/pipeline.js'
import type { ObjectComparison } from '../../src/core/objects/model.js'
import type { Report } from '../../src/core/model.js'
import { FIXTURES } from '../core/dumps/load-fixture.js'

// fixtures/gcc/exact: the fix (fix.patch) adds a second caller of compute_score to net/udp.c and
// changes scale_b's constant in lib/scale.c; pre/ and post/ are the two builds (dumps and objects).
const DIR = join(FIXTURES, 'exact')

const options = (extra: Partial<PipelineOptions> = {}): PipelineOptions => ({
  dumps: [{ label: 'x86_64', paths: [join(DIR, 'pre')] }],
  diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
  source: join(DIR, 'pre'),
  // What the pre-fix dumps predict: scale_b alone.
  livepatch: [join(DIR, 'predicted.list')],
  policy: ['missing', 'unresolved'],
  ...extra
})

/** A comparer that records its calls and answers `result`. */
function recorder(result: ObjectComparison[] = []) {
  const calls: Array<[string, string, (a: number, b: number) => boolean]> = []
  const compare = (pre: string, post: string, isShift: (a: number, b: number) => boolean) => {
    calls.push([pre, post, isShift])
    return Promise.resolve(result)
  }
  return { calls, compare }
}

const rows = (r: Report): string[] =>
  r.affected
    .map(a => `${a.tier} ${a.name} ${a.exact ?? '-'} ${a.chain.map(s => s.kind).join('>')}`)
    .sort()

/** What the objects helper's comparer says about the two builds (hand-made, per its model). */
const comparison: ObjectComparison[] = [
  {
    tu: 'net/udp.c',
    symbols: [
      {
        name: 'udp4_lib_lookup2',
        kind: 'function',
        verdict: 'changed',
        detail: 'calls compute_score'
      },
      { name: 'compute_score', kind: 'function', verdict: 'added' },
      { name: 'udp_lib_lookup_first', kind: 'function', verdict: 'added' }
    ],
    findings: []
  },
  {
    tu: 'lib/scale.c',
    symbols: [
      { name: 'scale_b', kind: 'function', verdict: 'unchanged' },
      {
        name: 'scale_a',
        kind: 'function',
        verdict: 'changed',
        detail: 'calls scale instead of scale.constprop.0'
      },
      { name: 'scale_table', kind: 'data', verdict: 'changed', detail: 'bytes at +0x4' }
    ],
    findings: []
  }
]

describe('exact mode (real GCC: fixtures/gcc/exact)', () => {
  it('without a patched build, reports exactly as before and never compares objects', async () => {
    const { calls, compare } = recorder()
    const report = await runPipeline(options({ compareObjects: compare }))
    expect(calls).toEqual([])
    expect(report.exact).toBeUndefined()
    expect(report.affected.every(a => a.exact === undefined)).toBe(true)
    // compute_score, inlined into its only caller, gains one in udp_lib_lookup_first: the dumps
    // alone can only put udp4_lib_lookup2 up for review (inline-flip/).
    expect(rows(report)).toEqual([
      'required scale_b - changed',
      'review udp4_lib_lookup2 - changed>gcc-decision'
    ])
    expect(report.result).toBe('pass')
  })

  it('adds the caller GCC stopped inlining into, from the post-fix dumps', async () => {
    const report = await runPipeline(
      options({
        postDumps: [{ label: 'x86_64', paths: [join(DIR, 'post')] }],
        compareObjects: recorder().compare
      })
    )
    expect(rows(report)).toEqual([
      'required scale_b predicted changed',
      'required udp4_lib_lookup2 found gcc-decision'
    ])
    const lookup = report.affected.find(a => a.name === 'udp4_lib_lookup2')
    expect(lookup?.chain[0].reason).toBe(
      'after the fix GCC no longer inlines compute_score (calls it)'
    )
    const clone = report.findings.find(f => f.kind === 'gcc-decision')
    expect(clone).toMatchObject({
      severity: 'warning',
      file: 'lib/scale.c',
      functions: ['scale.constprop.0']
    })
    expect(report.exact).toMatchObject({
      graphsCompared: 2,
      objectsCompared: 0,
      found: 1,
      predicted: 1
    })
    expect(report.coverage?.missing.map(a => a.name)).toEqual(['udp4_lib_lookup2'])
    expect(report.result).toBe('fail')
  })

  it('lets the object comparison confirm, demote and add entries, paired by label', async () => {
    const { calls, compare } = recorder(comparison)
    const report = await runPipeline(
      options({
        postDumps: [{ label: 'x86_64', paths: [join(DIR, 'post')] }],
        compareObjects: compare,
        livepatch: [join(DIR, 'declared.list')]
      })
    )
    // The .o files inside both dump folders were paired by label.
    expect(calls.map(c => [c[0], c[1]])).toEqual([[join(DIR, 'pre'), join(DIR, 'post')]])
    const isShift = calls[0][2]
    expect(isShift(25, 33)).toBe(true)
    expect(rows(report)).toEqual([
      'required scale_a found object-diff',
      'required udp4_lib_lookup2 found gcc-decision'
    ])
    const unchanged = report.findings.find(f => f.kind === 'code-unchanged')
    expect(unchanged).toMatchObject({ severity: 'info', functions: ['scale_b'] })
    const data = report.findings.find(f => f.kind === 'global-change')
    expect(data).toMatchObject({ severity: 'unresolved', file: 'lib/scale.c' })
    expect(data?.message).toContain('scale_table')
    expect(report.coverage?.missing.map(a => a.name)).toEqual(['scale_a'])
    expect(report.coverage?.extra.map(d => d.name)).toEqual(['scale_b'])
    expect(report.exact).toMatchObject({ objectsCompared: 2, found: 2, unchanged: 1, confirmed: 0 })
  })

  it('refuses a post-fix set whose label has no base set', async () => {
    await expect(
      runPipeline(options({ postDumps: [{ label: 'arm64', paths: [join(DIR, 'post')] }] }))
    ).rejects.toThrow(
      "post-fix set 'arm64' has no base dump set of that label (base labels: x86_64)"
    )
  })
})
