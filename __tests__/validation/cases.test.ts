import { fileURLToPath } from 'node:url'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runPipeline } from '../../src/app/pipeline.js'
import type { Report } from '../../src/core/model.js'
import { corpusDir } from '../helpers/corpus.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

/**
 * Ground truth from real builds (validation/README.md): for each case, the functions whose machine code
 * changed when the fix was compiled into the corpus' kernel build. The engine must name every one of them.
 */
interface Expected {
  changed: string[]
  /** Same functions keyed by the TU whose object holds them. */
  changedByTu: Record<string, string[]>
  lineOnly: string[]
  tus: string[]
  notes: string
}

const CASES_DIR = resolve(TEST_DIR, '../../validation/cases')
const cases = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(join(CASES_DIR, d.name, 'expected.json')))
  .map(d => d.name)
  .sort()

function readExpected(name: string): Expected {
  return JSON.parse(readFileSync(join(CASES_DIR, name, 'expected.json'), 'utf8')) as Expected
}

/** Why the report covers `fn` of `tu`, or undefined when it does not. */
function coveredBy(report: Report, tu: string, fn: string): string | undefined {
  const hit = report.affected.find(a => a.name === fn && a.tu === tu)
  if (hit) return `affected (${hit.tier})`
  const finding = report.findings.find(f => f.functions?.includes(fn))
  if (finding) return `finding ${finding.kind}`
  const unresolved = report.findings.find(f => f.severity === 'unresolved' && f.file === tu)
  if (unresolved) return `unresolved ${unresolved.kind} on ${tu}`
  return undefined
}

const corpus = corpusDir()
const describeCorpus = corpus ? describe : describe.skip

describeCorpus('validation cases (machine-code ground truth)', () => {
  const reports = new Map<string, Promise<Report>>()
  const run = (name: string, keepAllDumps = false): Promise<Report> =>
    runPipeline({
      dumps: [{ label: 'x86_64', paths: [corpus as string] }],
      diff: readFileSync(join(CASES_DIR, name, 'fix.patch'), 'utf8'),
      source: join(CASES_DIR, name, 'src'),
      sourceSide: 'pre',
      livepatch: [],
      policy: ['missing'],
      keepAllDumps
    })
  const reportOf = (name: string): Promise<Report> => {
    let report = reports.get(name)
    if (!report) reports.set(name, (report = run(name)))
    return report
  }

  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4)
  })

  it.each(cases)(
    '%s: every function whose code changed is reported',
    async name => {
      const expected = readExpected(name)
      const report = await reportOf(name)
      const missing: string[] = []
      for (const [tu, fns] of Object.entries(expected.changedByTu)) {
        for (const fn of fns) {
          if (!coveredBy(report, tu, fn)) missing.push(`${tu}: ${fn}`)
        }
      }
      expect(missing).toEqual([])
    },
    300000
  )

  it.each(cases)(
    '%s: every line-number-only change is named by a line-shift finding',
    async name => {
      const expected = readExpected(name)
      const report = await reportOf(name)
      const named = new Set(
        report.findings.filter(f => f.kind === 'line-shift').flatMap(f => f.functions ?? [])
      )
      expect(expected.lineOnly.filter(fn => !named.has(fn))).toEqual([])
    },
    300000
  )

  it.each(cases)(
    '%s: the focused load (only the dumps the fix appears in) gives the whole-set report',
    async name => {
      const whole = await run(name, true)
      expect(await reportOf(name)).toEqual(whole)
      expect(whole.affected.length).toBeGreaterThan(0)
    },
    300000
  )

  it('sched-part: the callers of a clone defined in an included .c are searched in the whole TU', async () => {
    // watchdog.constprop.0 lives in build_policy.c's dump and its callers in rt.c; the case ships
    // build_policy.c and every .c it includes (idle.c, deadline.c, ...), but no headers: its
    // quoted includes and the headers the dump names are listed as not searched, no .c of the TU.
    const report = await reportOf('sched-part')
    const unknown = report.findings.filter(f => f.kind === 'review-callers-unknown')
    expect(unknown.map(f => f.functions?.join())).toEqual(['watchdog.constprop.0'])
    const unsearched = /but (.*) could not be searched/.exec(unknown[0].message)?.[1] ?? ''
    expect(unsearched).toMatch(/^kernel\/sched\/sched\.h, .* and \d+ more$/)
    expect(unsearched).not.toMatch(/\.c\b/)
    expect(report.affected.filter(a => a.tier === 'review')).toEqual([])
  })

  it('header-inline: a header clone whose TU source is missing keeps its callers unknown', async () => {
    // The case ships skbuff.h only: finding callers there must not pass for a search of the TU.
    const report = await reportOf('header-inline')
    const unknown = report.findings.filter(f => f.kind === 'review-callers-unknown')
    expect(unknown.map(f => `${f.file} ${f.functions?.join()}`)).toContain(
      'net/core/tso.c __skb_header_pointer.constprop.0'
    )
  })

  it('module-part: the functions are named in their module, not vmlinux', async () => {
    const report = await reportOf('module-part')
    const changed = readExpected('module-part').changed
    const objects = report.affected.filter(a => changed.includes(a.name)).map(a => a.object)
    expect(objects).toHaveLength(changed.length)
    expect(new Set(objects)).toEqual(new Set(['nf_log_syslog']))
  })

  it.each(cases)('%s: expected.json is consistent', name => {
    const expected = readExpected(name)
    const union = [...new Set(Object.values(expected.changedByTu).flat())].sort()
    expect(union).toEqual([...expected.changed].sort())
    for (const tu of Object.keys(expected.changedByTu)) expect(expected.tus).toContain(tu)
    expect(existsSync(join(CASES_DIR, name, 'src'))).toBe(true)
  })
})
