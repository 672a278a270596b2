import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../src/app/pipeline.js'
import { StageTimes } from '../../src/app/stage-times.js'
import type { Report } from '../../src/core/model.js'
import { FIXTURES } from '../core/dumps/load-fixture.js'

/**
 * Real GCC fixture: kernel/sched/policy.c compiles rt.c and dl.c (like build_policy.c), pick() in
 * rt.c becomes pick.isra.0, and the fix makes pick() read a second field. Compiled before and
 * after, rt_direct, rt_macro (calls pick only through PICK_ALL -> PICK_TWICE) and dl_balance (in
 * dl.c) all change their machine code: each calls pick.isra.0 with the new signature.
 */
const DIR = join(FIXTURES, 'review-reach')

function run(source: string, dir = DIR): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [dir] }],
    diff: readFileSync(join(dir, 'fix.patch'), 'utf8'),
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

  it('counts the files its source search reads on the progress line', async () => {
    const messages: string[] = []
    await runPipeline({
      dumps: [{ label: 'x86_64', paths: [DIR] }],
      diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
      source: DIR,
      sourceSide: 'pre',
      livepatch: [],
      policy: ['missing'],
      progress: m => messages.push(m),
      searchProgressEvery: 1
    })
    const counts = messages.filter(m => m.startsWith('review tier:'))
    // The callers sit in policy.c's closure (policy.c, dl.c): the search reads them.
    expect(counts.length).toBeGreaterThanOrEqual(2)
    expect(counts.at(-1)).toBe(`review tier: ${counts.length} source files searched`)
  })

  it("times the review tier's source search apart from the other stages", async () => {
    const times = new StageTimes()
    const timed = await runPipeline({
      dumps: [{ label: 'x86_64', paths: [DIR] }],
      diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
      source: DIR,
      sourceSide: 'pre',
      livepatch: [],
      policy: ['missing'],
      times
    })
    const stages = new Map(
      times
        .line()
        .split(' ')
        .map(s => s.split('=') as [string, string])
    )
    expect([...stages.keys()]).toEqual(
      expect.arrayContaining(['parser', 'map', 'load', 'analyze', 'review-search'])
    )
    expect(Number(stages.get('review-search'))).toBeLessThanOrEqual(Number(stages.get('analyze')))
    // Timing is beside the report, never in it.
    expect(timed).toEqual(await run(DIR))
  })

  it('reads a TU the source tree lacks from the build output (--build)', async () => {
    const only = mkdtempSync(join(tmpdir(), 'klp-review-'))
    const build = mkdtempSync(join(tmpdir(), 'klp-build-'))
    try {
      mkdirSync(join(only, 'kernel/sched'), { recursive: true })
      cpSync(join(DIR, 'kernel/sched/rt.c'), join(only, 'kernel/sched/rt.c'))
      // What kbuild generates is in the build folder only; the checkout's rt.c still wins.
      mkdirSync(join(build, 'kernel/sched'), { recursive: true })
      for (const f of ['policy.c', 'dl.c']) {
        cpSync(join(DIR, 'kernel/sched', f), join(build, 'kernel/sched', f))
      }
      const report = await runPipeline({
        dumps: [{ label: 'x86_64', paths: [DIR] }],
        diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
        source: only,
        build,
        sourceSide: 'pre',
        livepatch: [],
        policy: ['missing']
      })
      expect(tiers(report)).toEqual([
        'required pick',
        'required pick.isra.0',
        'review dl_balance',
        'review rt_direct',
        'review rt_macro'
      ])
      expect(report.findings.filter(f => f.kind === 'review-callers-unknown')).toEqual([])
    } finally {
      rmSync(only, { recursive: true, force: true })
      rmSync(build, { recursive: true, force: true })
    }
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

/**
 * Real GCC fixture: pick() in include/pick.h becomes pick.isra.0 in lib/user.c, which reaches it
 * only through pick_wrap() of include/wrap.h (as io_uring reaches kmalloc_array.constprop.0
 * through kcalloc). The fix makes pick() read a second field; user and user2 then pass it.
 */
describe('review tier callers through a header wrapper (real GCC: fixtures/gcc/review-header)', () => {
  const dir = join(FIXTURES, 'review-header')

  it('searches the headers the dump names and reviews where the wrapper was inlined', async () => {
    const report = await run(dir, dir)
    expect(tiers(report)).toEqual([
      'required pick',
      'required pick.isra.0',
      'review pick_wrap',
      'review user',
      'review user2'
    ])
    expect(report.findings.filter(f => f.kind === 'review-callers-unknown')).toEqual([])
  })

  it('names the header it could not search', async () => {
    const partial = mkdtempSync(join(tmpdir(), 'klp-review-'))
    try {
      cpSync(dir, partial, { recursive: true })
      rmSync(join(partial, 'include/wrap.h'))
      const report = await run(partial, dir)
      expect(tiers(report)).toEqual(['required pick', 'required pick.isra.0'])
      const unknown = report.findings.filter(f => f.kind === 'review-callers-unknown')
      expect(unknown.map(f => f.message)).toEqual([
        expect.stringContaining('include/wrap.h could not be searched') as string
      ])
    } finally {
      rmSync(partial, { recursive: true, force: true })
    }
  })
})

/**
 * Real GCC fixtures from a review helper, each checked with objdump: the callers' code calls the
 * clone with other arguments after the fix. A call spelled through macros of two headers
 * (TSIZE -> TEST_FLAG -> test_flag, as TASK_SIZE reaches test_ti_thread_flag); a `.c` static
 * reached through a header inline; a header wrapper the TU never inlined (absent from the dump).
 */
describe.each([
  ['review-macro', ['review user', 'review user2']],
  ['review-cwrap', ['review user', 'review user2', 'review work_fast']],
  ['review-hwrap', ['review pick_wrap']]
])('review tier callers in the whole include closure (real GCC: fixtures/gcc/%s)', (name, want) => {
  it('finds them', async () => {
    const dir = join(FIXTURES, name)
    const report = await run(dir, dir)
    expect(tiers(report).filter(t => t.startsWith('review'))).toEqual(want)
    expect(report.findings.filter(f => f.kind === 'review-callers-unknown')).toEqual([])
  })
})
