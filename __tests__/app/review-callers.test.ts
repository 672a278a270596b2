import { execFileSync } from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync
} from 'node:fs'
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

function run(source: string, dir = DIR, dumps = dir): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [dumps] }],
    diff: readFileSync(join(dir, 'fix.patch'), 'utf8'),
    source,
    sourceSide: 'pre',
    livepatch: [],
    policy: ['missing']
  })
}

/** A copy of a fixture's dumps alone, as a build job that packs no source would upload them. */
function dumpsOnly(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), 'klp-dumps-'))
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.ipa-clones')) continue
    mkdirSync(join(out, f, '..'), { recursive: true })
    cpSync(join(dir, f), join(out, f))
  }
  return out
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
    const dumps = dumpsOnly(DIR)
    try {
      mkdirSync(join(only, 'kernel/sched'), { recursive: true })
      cpSync(join(DIR, 'kernel/sched/rt.c'), join(only, 'kernel/sched/rt.c'))
      const report = await run(only, DIR, dumps)
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
      rmSync(dumps, { recursive: true, force: true })
    }
  })

  // policy.c and dl.c stand for what kbuild generates (vdso images, `*.mod.c`, selinux's
  // flask.h): the checkout lacks them, the build job's folder or archive has them.
  describe('a TU the checkout lacks, carried by the dump set', () => {
    let only: string
    let dumps: string
    beforeEach(() => {
      only = mkdtempSync(join(tmpdir(), 'klp-review-'))
      mkdirSync(join(only, 'kernel/sched'), { recursive: true })
      cpSync(join(DIR, 'kernel/sched/rt.c'), join(only, 'kernel/sched/rt.c'))
      dumps = dumpsOnly(DIR)
      for (const f of ['policy.c', 'dl.c'])
        cpSync(join(DIR, 'kernel/sched', f), join(dumps, 'kernel/sched', f))
    })
    afterEach(() => {
      rmSync(only, { recursive: true, force: true })
      rmSync(dumps, { recursive: true, force: true })
    })
    /** The files the review search could not read with a second set, `arm64` from `other`. */
    const unknownWithArm64 = async (other: string): Promise<string[]> => {
      const report = await runPipeline({
        dumps: [
          { label: 'x86_64', paths: [dumps] },
          { label: 'arm64', paths: [other] }
        ],
        diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
        source: only,
        sourceSide: 'pre',
        livepatch: [],
        policy: ['missing']
      })
      return report.findings
        .filter(f => f.kind === 'review-callers-unknown')
        .map(f => `${f.set} ${f.file}`)
    }
    const found = [
      'required pick',
      'required pick.isra.0',
      'review dl_balance',
      'review rt_direct',
      'review rt_macro'
    ]

    it('is read from the dump folder (a build tree)', async () => {
      const report = await run(only, DIR, dumps)
      expect(tiers(report)).toEqual(found)
      expect(report.findings.filter(f => f.kind === 'review-callers-unknown')).toEqual([])
    })

    it('is read from the archive the build job packed', async () => {
      const tgz = join(only, 'dumps.tar.gz')
      execFileSync('tar', ['czf', tgz, '-C', dumps, '.'])
      const report = await run(only, DIR, tgz)
      expect(tiers(report)).toEqual(found)
      expect(report.findings.filter(f => f.kind === 'review-callers-unknown')).toEqual([])
    })

    it('is not kept past the budget of an archive, with a warning', async () => {
      const tgz = join(only, 'dumps.tar.gz')
      execFileSync('tar', ['czf', tgz, '-C', dumps, '.'])
      process.env.KLP_AFFECTED_GENERATED_BUDGET = '10'
      try {
        const report = await run(only, DIR, tgz)
        expect(tiers(report)).not.toContain('review dl_balance')
        const unknown = report.findings.filter(f => f.kind === 'review-callers-unknown')
        expect(unknown.map(f => f.file)).toEqual(['kernel/sched/policy.c'])
        const dropped = report.findings.filter(f => f.kind === 'archive-refused')
        expect(dropped.map(f => `${f.severity} ${f.message}`)).toEqual([
          expect.stringMatching(
            /^warning 2 generated source file\(s\) not kept: .* than the 10 bytes kept/
          ) as string
        ])
      } finally {
        delete process.env.KLP_AFFECTED_GENERATED_BUDGET
      }
    })

    it('is not read when two sets carry it with different texts', async () => {
      const other = dumpsOnly(DIR)
      try {
        for (const f of ['policy.c', 'dl.c'])
          cpSync(join(DIR, 'kernel/sched', f), join(other, 'kernel/sched', f))
        appendFileSync(join(other, 'kernel/sched/policy.c'), '/* another build */\n')
        const unknown = await unknownWithArm64(other)
        expect(unknown).toContain('x86_64 kernel/sched/policy.c')
        expect(unknown).toContain('arm64 kernel/sched/policy.c')
      } finally {
        rmSync(other, { recursive: true, force: true })
      }
    })

    it('is not lent to another set that may read it and carries none', async () => {
      const other = dumpsOnly(DIR)
      try {
        expect(await unknownWithArm64(other)).toContain('arm64 kernel/sched/policy.c')
      } finally {
        rmSync(other, { recursive: true, force: true })
      }
    })

    it('the checkout still wins over the dump folder', async () => {
      // A dump folder's rt.c that calls nothing: the checkout's is the one searched.
      cpSync(join(DIR, 'kernel/sched/rt.c'), join(dumps, 'kernel/sched/rt.c'))
      appendFileSync(join(dumps, 'kernel/sched/rt.c'), '#error not this copy\n')
      const report = await run(only, DIR, dumps)
      expect(tiers(report)).toEqual(found)
    })
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
    const dumps = dumpsOnly(dir)
    try {
      cpSync(dir, partial, { recursive: true })
      rmSync(join(partial, 'include/wrap.h'))
      const report = await run(partial, dir, dumps)
      expect(tiers(report)).toEqual(['required pick', 'required pick.isra.0'])
      const unknown = report.findings.filter(f => f.kind === 'review-callers-unknown')
      expect(unknown.map(f => f.message)).toEqual([
        expect.stringContaining('include/wrap.h could not be searched') as string
      ])
    } finally {
      rmSync(partial, { recursive: true, force: true })
      rmSync(dumps, { recursive: true, force: true })
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
