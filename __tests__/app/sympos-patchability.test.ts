import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../src/app/pipeline.js'
import type { Report } from '../../src/core/model.js'
import { FIXTURES } from '../core/dumps/load-fixture.js'

/**
 * Whole pipeline, from files, on real GCC fixtures copied with an empty modules.order (every TU in
 * vmlinux). The dump sets are loaded with a focus: the declared names must be in it, or the other
 * TUs' copies of a declared name could not be counted.
 */
const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function copy(scenario: string, drop: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), `klp-${scenario}-`))
  dirs.push(dir)
  cpSync(join(FIXTURES, scenario), dir, { recursive: true })
  for (const f of drop) rmSync(join(dir, f))
  writeFileSync(join(dir, 'modules.order'), '')
  return dir
}

async function run(dir: string, diff: string, livepatch: string): Promise<Report> {
  writeFileSync(join(dir, 'lp.txt'), livepatch)
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [dir] }],
    diff,
    source: dir,
    sourceSide: 'pre',
    livepatch: [join(dir, 'lp.txt')],
    policy: ['missing', 'unresolved']
  })
}

const HELPER_FIX = `--- a/lib/alpha.c
+++ b/lib/alpha.c
@@ -8,5 +8,5 @@ extern void register_hook(int (*fn)(int));
 static int helper(int x)
 {
-\treturn sink(x) + 1;
+\treturn sink(x) + 2;
 }
 
`

const CHECK_LEN_FIX = `--- a/kernel/table.c
+++ b/kernel/table.c
@@ -12,3 +12,3 @@ static inline int check_len(int len)
 {
-\tif (len > 64)
+\tif (len >= 64)
 \t\treturn -1;
`

describe('pipeline: old_sympos ambiguity (fixtures/gcc/sympos)', () => {
  it('from the dumps alone, the other TU of the object is counted through the focus', async () => {
    const dir = copy('sympos', ['System.map', 'vmlinux.syms'])
    const report = await run(dir, HELPER_FIX, 'vmlinux:helper\nvmlinux:alpha_run\n')
    expect(report.coverage?.ambiguous?.map(x => [x.affected.name, x.reason, x.copies])).toEqual([
      ['helper', 'no-sympos', 2]
    ])
    expect(report.coverage?.covered.map(c => c.affected.name)).toEqual(['alpha_run'])
    expect(report.coverage?.missing.map(a => a.name)).toEqual(['alpha_wrap', 'wrap'])
    expect(report.result).toBe('fail')
  })

  it('a declared container name: only the focus brings the dump of its other copy', async () => {
    const dir = copy('sympos', ['System.map', 'vmlinux.syms'])
    const report = await run(
      dir,
      HELPER_FIX,
      'vmlinux:helper,1\nvmlinux:alpha_run\nvmlinux:wrap\nvmlinux:alpha_wrap\n'
    )
    // helper,1 cannot be checked without tables (the dumps do not order the copies).
    expect(report.coverage?.ambiguous?.map(x => [x.affected.name, x.reason, x.copies])).toEqual([
      ['helper', 'unverified', 2],
      ['wrap', 'no-sympos', 2]
    ])
    expect(report.coverage?.ambiguous?.[1].message).toContain('lib/alpha.c, lib/gamma.c')
  })

  it('with readelf tables, the declared old_sympos of the changed copy passes', async () => {
    const dir = copy('sympos', ['System.map'])
    const report = await run(
      dir,
      HELPER_FIX,
      'vmlinux:helper,1\nvmlinux:alpha_run\nvmlinux:wrap,2\nvmlinux:alpha_wrap\n'
    )
    // The fixture's objects all start at address 0: by address, gamma.c's wrap comes first.
    expect(report.coverage?.ambiguous).toBeUndefined()
    expect(
      report.coverage?.covered.map(c => `${c.affected.name},${c.declared.sympos ?? 0}`)
    ).toEqual(['alpha_run,0', 'alpha_wrap,0', 'helper,1', 'wrap,2'])
    expect(report.result).toBe('pass')
  })
})

describe('pipeline: patchability (fixtures/gcc/patchability)', () => {
  it('notrace and noinstr containers fail as unresolved; boot code is info; the rest is declared', async () => {
    const dir = copy('patchability')
    const report = await run(dir, CHECK_LEN_FIX, 'vmlinux:table_read\nvmlinux:table_wait\n')
    const found = report.findings
      .filter(f => f.kind === 'not-patchable')
      .map(f => `${f.severity} ${f.functions?.join(',')}`)
      .sort()
    expect(found).toEqual([
      'info table_exit',
      'info table_init',
      'unresolved table_enter',
      'unresolved table_peek'
    ])
    expect(report.coverage?.missing).toEqual([])
    expect(report.result).toBe('fail')
    expect(report.reasons.join('\n')).toContain('unresolved findings')
  })
})

describe('pipeline: a TU compiled without ftrace flags (kbuild .cmd files)', () => {
  it('every function of it that the fix reaches is not patchable, and none is missing', async () => {
    const dir = copy('sympos', ['System.map', 'vmlinux.syms'])
    // The real 6.1.187 commands of tsc.o (no -pg) and mutex.o (-pg), moved to this scenario's TUs.
    const kbuild = join(FIXTURES, '..', 'kbuild-6.1.187')
    const tsc = readFileSync(join(kbuild, 'arch/x86/kernel/.tsc.o.cmd'), 'utf8')
    const mutex = readFileSync(join(kbuild, 'kernel/locking/.mutex.o.cmd'), 'utf8')
    writeFileSync(join(dir, 'lib/.alpha.o.cmd'), tsc.replaceAll('arch/x86/kernel/tsc', 'lib/alpha'))
    writeFileSync(
      join(dir, 'lib/.beta.o.cmd'),
      mutex.replaceAll('kernel/locking/mutex', 'lib/beta')
    )
    writeFileSync(
      join(dir, 'lib/.gamma.o.cmd'),
      mutex.replaceAll('kernel/locking/mutex', 'lib/gamma')
    )
    const report = await run(dir, HELPER_FIX, 'vmlinux:beta_run\n')
    const found = report.findings
      .filter(f => f.kind === 'not-patchable')
      .map(f => `${f.severity} ${f.functions?.join(',')}`)
      .sort()
    expect(found).toEqual([
      'unresolved alpha_run',
      'unresolved alpha_wrap',
      'unresolved helper',
      'unresolved wrap'
    ])
    expect(report.coverage?.missing).toEqual([])
    expect(report.result).toBe('fail')
  })
})
