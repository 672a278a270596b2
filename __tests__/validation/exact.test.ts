import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runPipeline } from '../../src/app/pipeline.js'
import type { Report } from '../../src/core/model.js'
import { hasTool } from '../core/objects/object-fixtures.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const ROOT = resolve(TEST_DIR, '../../validation')

/**
 * Exact mode on real kernel builds (validation/README.md, "Exact mode"): each case's `exact.tar.xz`
 * holds the objects and dumps of the TUs the fix recompiles, before (pre/) and after (post/) it.
 * `cases/` are the eight hand-made fixes (Debian 6.1.192-2), `flip-cases/` fixes of Debian's
 * 6.1.187-1 -> 6.1.190-1 update where GCC decides differently after the fix. The pre/ dumps are the
 * base set: the report covers exactly these TUs, as the truth does.
 */
interface Expected {
  changedByTu: Record<string, string[]>
  lineOnlyByTu?: Record<string, string[]>
}

const dirs = ['cases', 'flip-cases'].flatMap(group =>
  existsSync(join(ROOT, group))
    ? readdirSync(join(ROOT, group))
        .filter(n => existsSync(join(ROOT, group, n, 'exact.tar.xz')))
        .map(n => `${group}/${n}`)
    : []
)

const fold = (name: string): string => name.replace(/\.cold$/, '')

const runnable = hasTool('readelf') && hasTool('tar')
const describeExact = runnable ? describe : describe.skip

describeExact('exact mode on real kernel builds', () => {
  const work = mkdtempSync(join(tmpdir(), 'klp-exact-validation-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  async function reportOf(dir: string): Promise<Report> {
    const out = join(work, dir.replace('/', '_'))
    execFileSync('mkdir', ['-p', out])
    execFileSync('tar', ['xJf', join(ROOT, dir, 'exact.tar.xz'), '-C', out])
    return runPipeline({
      dumps: [{ label: 'x86_64', paths: [join(out, 'pre')] }],
      postDumps: [{ label: 'x86_64', paths: [join(out, 'post')] }],
      diff: readFileSync(join(ROOT, dir, 'fix.patch'), 'utf8'),
      source: join(ROOT, dir, 'src'),
      sourceSide: 'pre',
      livepatch: [],
      policy: ['missing', 'unresolved']
    })
  }

  it('has the eight cases and at least two flip cases', () => {
    expect(dirs.filter(d => d.startsWith('cases/')).length).toBe(8)
    expect(dirs.filter(d => d.startsWith('flip-cases/')).length).toBeGreaterThanOrEqual(2)
  })

  it.each(dirs)(
    '%s: every truth function is required, nothing else is',
    async dir => {
      const expected = JSON.parse(
        readFileSync(join(ROOT, dir, 'expected.json'), 'utf8')
      ) as Expected
      const report = await reportOf(dir)
      expect(report.exact?.objectsCompared).toBe(Object.keys(readTus(dir)).length)
      const required = new Set(
        report.affected.filter(a => a.tier === 'required').map(a => `${a.tu}: ${fold(a.name)}`)
      )
      const truth = new Set(
        Object.entries(expected.changedByTu).flatMap(([tu, fns]) => fns.map(f => `${tu}: ${f}`))
      )
      expect([...truth].filter(t => !required.has(t))).toEqual([])
      expect([...required].filter(r => !truth.has(r))).toEqual([])
      expect(report.findings.filter(f => f.kind === 'object-compare')).toEqual([])
    },
    300000
  )

  it('isra-signature: the callers the dumps only put up for review are required by their code', async () => {
    const report = await reportOf('cases/isra-signature')
    const callers = report.affected.filter(a => a.name.startsWith('tcp_metrics_nl_cmd_'))
    expect(
      callers.map(a => `${a.name} ${a.tier} ${a.exact} ${a.chain.at(-1)?.kind}`).sort()
    ).toEqual([
      'tcp_metrics_nl_cmd_del required confirmed object-diff',
      'tcp_metrics_nl_cmd_get required confirmed object-diff'
    ])
  }, 300000)
})

function readTus(dir: string): Record<string, true> {
  const tus = readFileSync(join(ROOT, dir, 'tus.txt'), 'utf8')
    .split(/\s+/)
    .filter(Boolean)
  return Object.fromEntries(tus.map(t => [t, true]))
}
