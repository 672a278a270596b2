import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../src/app/pipeline.js'
import type { Report } from '../../src/core/model.js'
import { FIXTURES } from '../core/dumps/load-fixture.js'

/**
 * Real GCC fixture: kernel/sched/policy.c compiles rt.c and dl.c (like build_policy.c), pick() in
 * rt.c becomes pick.isra.0, and the fix makes pick() read a second field. Compiled before and
 * after, rt_direct, rt_macro (calls pick only through PICK_ALL -> PICK_TWICE) and dl_balance (in
 * dl.c) all change their machine code: each calls pick.isra.0 with the new signature.
 */
const DIR = join(FIXTURES, 'review-reach')

function run(source: string): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [DIR] }],
    diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
    source,
    sourceSide: 'pre',
    livepatch: [],
    policy: ['missing']
  })
}

const tiers = (r: Report): string[] => r.affected.map(a => `${a.tier} ${a.name}`).sort()

describe('review tier callers (real GCC: fixtures/gcc/review-reach)', () => {
  it('finds callers through macros and in the .c files the TU includes', async () => {
    const report = await run(DIR)
    expect(tiers(report)).toEqual([
      'required pick',
      'required pick.isra.0',
      'review dl_balance',
      'review rt_direct',
      'review rt_macro'
    ])
    expect(report.findings.filter(f => f.kind === 'review-callers-unknown')).toEqual([])
  })

  it('says the list may be incomplete when the including TU cannot be read', async () => {
    const only = mkdtempSync(join(tmpdir(), 'klp-review-'))
    try {
      mkdirSync(join(only, 'kernel/sched'), { recursive: true })
      cpSync(join(DIR, 'kernel/sched/rt.c'), join(only, 'kernel/sched/rt.c'))
      const report = await run(only)
      expect(tiers(report)).toEqual([
        'required pick',
        'required pick.isra.0',
        'review rt_direct',
        'review rt_macro'
      ])
      const unknown = report.findings.filter(f => f.kind === 'review-callers-unknown')
      expect(unknown.map(f => `${f.severity} ${f.file} ${f.functions?.join()}`)).toEqual([
        'warning kernel/sched/policy.c pick.isra.0'
      ])
      expect(unknown[0].message).toContain('kernel/sched/policy.c could not be searched')
    } finally {
      rmSync(only, { recursive: true, force: true })
    }
  })
})
