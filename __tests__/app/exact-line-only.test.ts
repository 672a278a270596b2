import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline, type PipelineOptions } from '../../src/app/pipeline.js'
import { hasTool, OBJECT_CASES } from '../core/objects/object-fixtures.js'

// fixtures/gcc/objects/edited-line-only: two edited functions whose machine code comes out the same
// but for the line numbers the fix's hunks shift (block/genhd.c's and net/xfrm/xfrm_user.c's fixes
// in miniature). Declared by nobody, the fix must fail on the dumps' prediction and pass once the
// patched build shows there is nothing to patch.
const DIR = join(OBJECT_CASES, 'edited-line-only')
const withReadelf = hasTool('readelf') ? describe : describe.skip

function fixPatch(): string {
  try {
    execFileSync(
      'diff',
      ['-u', '--label', 'a/disk.c', '--label', 'b/disk.c', 'pre/disk.c', 'post/disk.c'],
      {
        cwd: DIR
      }
    )
  } catch (error) {
    return String((error as { stdout: Buffer }).stdout)
  }
  throw new Error('the fixture has no fix')
}

withReadelf('exact mode on edited functions that differ in line numbers only', () => {
  let tmp: string
  let options: (extra?: Partial<PipelineOptions>) => PipelineOptions
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'klp-line-only-'))
    const list = join(tmp, 'none.list')
    writeFileSync(list, 'vmlinux:unrelated_function\n')
    options = extra => ({
      dumps: [{ label: 'x86_64', paths: [join(DIR, 'pre')] }],
      diff: fixPatch(),
      source: join(DIR, 'pre'),
      livepatch: [list],
      policy: ['missing', 'unresolved'],
      ...extra
    })
  })
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('predicted from the dumps, both edited functions are required and missing', async () => {
    const report = await runPipeline(options())
    expect(report.affected.map(a => `${a.tier} ${a.name}`).sort()).toEqual([
      'required add_disk',
      'required get_info'
    ])
    expect(report.result).toBe('fail')
  })

  it('with the patched build, they are line-shift info and the gate passes', async () => {
    const report = await runPipeline(
      options({ postDumps: [{ label: 'x86_64', paths: [join(DIR, 'post')] }] })
    )
    expect(report.affected).toEqual([])
    expect(
      report.findings
        .filter(f => f.kind === 'line-shift')
        .flatMap(f => f.functions ?? [])
        .sort()
    ).toEqual(['add_disk', 'get_info'])
    expect(report.exact).toMatchObject({ objectsCompared: 1, lineOnly: 2, unchanged: 0 })
    expect(report.result).toBe('pass')
  })
})
