import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runFixture } from '../../helpers/fixture-run.js'
import { logicalDirectives } from '../../../src/core/impact/uses.js'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/**
 * Real GCC fixture: lib/e.c defines its own `done` through RING_SLOTS below its #includes (as
 * i915's intel_guc.c does through FIELD_GET), and include/wait.h, which it reads first, has a
 * member named `done` in waiter_init, which e_init inlines. The fix changes RING_SLOTS. Built
 * before and after (objdump): e_use changes, e_init does not.
 */
const DIR = join(FIXTURES, 'header-macro-local')

const run = runFixture

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

/**
 * Directives the preprocessor reads though no line starts with `#include` or `#define` (a hostile
 * review's cases, real GCC fixtures; objdump: the functions below change). header-macro-late: the
 * `.c` defines `done`, then reads late.h through `#\` + `include "late.h"`, whose late_get spells
 * `done`; header-macro-hidden: the first `#define done` is split as `#\` + `define`, e_early uses
 * it, then `#undef` and a plain `#define` for e_use.
 */
describe('directives split over lines or spelled %:', () => {
  it('an #include split over two lines below the #define keeps the headers searched', async () => {
    const r = await run(join(FIXTURES, 'header-macro-late'))
    expect(names(r)).toEqual(expect.arrayContaining(['required e_late', 'required late_get']))
  })

  it('so does %:include', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klp-local-'))
    try {
      cpSync(join(FIXTURES, 'header-macro-late'), dir, { recursive: true })
      const e = readFileSync(join(dir, 'lib/e.c'), 'utf8')
      // Same line count: the dump's lines stay those of the source.
      writeFileSync(
        join(dir, 'lib/e.c'),
        e.replace('#\\\ninclude "late.h"', '%:include "late.h"\n')
      )
      const r = await run(dir)
      expect(names(r)).toEqual(expect.arrayContaining(['required e_late', 'required late_get']))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a first #define split over two lines is where the macro starts', async () => {
    const r = await run(join(FIXTURES, 'header-macro-hidden'))
    expect(names(r)).toEqual(expect.arrayContaining(['required e_early', 'required e_use']))
  })

  it('logicalDirectives joins continued lines and reads %: as #', () => {
    expect(
      logicalDirectives('int a;\n#\\\ninclude "x.h"\n  %:  define  A 1\n#if B \\  \n && C\n')
    ).toEqual([
      { line: 2, text: 'include "x.h"' },
      { line: 4, text: 'define A 1' },
      { line: 5, text: 'if B && C' }
    ])
  })
})
