import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/**
 * Real GCC fixture: lib/e.c defines its own `done` through RING_SLOTS below its #includes (as
 * i915's intel_guc.c does through FIELD_GET), and include/wait.h, which it reads first, has a
 * member named `done` in waiter_init, which e_init inlines. The fix changes RING_SLOTS. Built
 * before and after (objdump): e_use changes, e_init does not.
 */
const DIR = join(FIXTURES, 'header-macro-local')

function run(dir: string): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [dir] }],
    diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
    source: dir,
    livepatch: [],
    policy: ['missing']
  })
}

const names = (r: Report): string[] => r.affected.map(a => `${a.tier} ${a.name}`).sort()
const dataSpots = (r: Report): string[] =>
  r.findings.filter(f => f.kind === 'global-change').map(f => f.message)

describe("a TU's own macro, defined below its #includes (real GCC: header-macro-local)", () => {
  it('is a use only in the .c below its #define, not in the headers read before it', async () => {
    const r = await run(DIR)
    expect(names(r)).toEqual(['required e_use'])
    expect(dataSpots(r)).toEqual([])
  })

  it('is taken for a use in the headers too when an #include follows the #define', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klp-local-'))
    try {
      cpSync(DIR, dir, { recursive: true })
      const e = readFileSync(join(DIR, 'lib/e.c'), 'utf8')
      // wait.h read after the #define: the compiler would expand `done` in it.
      const moved = e
        .replace('#include "wait.h"\n', '')
        .replace('int e_init(', '#include "wait.h"\n\nint e_init(')
      writeFileSync(join(dir, 'lib/e.c'), moved)
      const r = await run(dir)
      expect(names(r)).toEqual(
        expect.arrayContaining(['required e_init', 'required e_use', 'required waiter_init'])
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
