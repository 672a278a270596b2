import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import type { Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'
import { runFixture } from './fixture-run.js'

/**
 * Real GCC fixture: include/ring.h's RING_SIZE goes 16 -> 32 (a.c uses it directly, b.c through
 * RING_MASK, a.c again through the header inline ring_wrap), RING_SLOTS sizes b.c's b_table,
 * RING_DEBUG is new and tested by `#ifdef` inside a_flagged, RING_NEW is new and unused. lib/c.c
 * defines its own RING_SIZE and never sees ring.h. Built before and after, the machine code of
 * a_direct, a_inline, a_flagged and b_mask changes; a_plain, b_plain and c_own do not.
 */
const DIR = join(FIXTURES, 'header-macro')

function run(dumps: string, source: string): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [dumps] }],
    diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
    source,
    livepatch: [],
    policy: ['missing']
  })
}

const entries = (r: Report): string[] =>
  r.affected.map(
    a =>
      `${a.tu} ${a.name} ${a.tier} ${a.symbol}: ${a.chain.map(s => (s.reason ? `${s.name} (${s.reason})` : s.name)).join(' > ')}`
  )

const about = (r: Report, kind: string): string[] =>
  r.findings.filter(f => f.kind === kind).map(f => `${f.severity} ${f.message}`)

function withoutCmds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klp-impact-'))
  cpSync(DIR, dir, { recursive: true, filter: src => !src.endsWith('.o.cmd') })
  return dir
}

/**
 * lib/d.c reads RING_SLOTS only through a header kbuild generated (include/generated/gen.h), which
 * the checkout lacks. GCC 12 writes an empty dump for d.c (nothing inlined or cloned); its kbuild
 * list names gen.h. The build job packs the generated files beside the dumps.
 */
function withGeneratedReader(): { dumps: string; source: string } {
  const dumps = mkdtempSync(join(tmpdir(), 'klp-impact-'))
  cpSync(DIR, dumps, { recursive: true })
  const source = mkdtempSync(join(tmpdir(), 'klp-impact-src-'))
  cpSync(DIR, source, { recursive: true })
  const d =
    '#include "ring.h"\n#include <generated/gen.h>\n\nint d_use(void)\n{\n\treturn GEN_SLOTS;\n}\n'
  writeFileSync(join(source, 'lib/d.c'), d)
  writeFileSync(join(dumps, 'lib/d.c.000i.ipa-clones'), '')
  const cmd = readFileSync(join(DIR, 'lib/.a.o.cmd'), 'utf8')
    .replaceAll('lib/a', 'lib/d')
    .replace('  include/ring.h \\\n', '  include/ring.h \\\n  include/generated/gen.h \\\n')
  writeFileSync(join(dumps, 'lib/.d.o.cmd'), cmd)
  mkdirSync(join(dumps, 'include/generated'), { recursive: true })
  writeFileSync(join(dumps, 'include/generated/gen.h'), '#define GEN_SLOTS (RING_SLOTS * 2)\n')
  return { dumps, source }
}

describe('a header kbuild generated, carried by the dump set', () => {
  it('is searched: a use of the changed macro through it is found', async () => {
    const { dumps, source } = withGeneratedReader()
    try {
      const r = await run(dumps, source)
      expect(entries(r)).toContainEqual(
        'lib/d.c d_use required present: d_use (uses macro RING_SLOTS (through GEN_SLOTS))'
      )
    } finally {
      rmSync(dumps, { recursive: true, force: true })
      rmSync(source, { recursive: true, force: true })
    }
  })
})

describe('header macro impact (real GCC: fixtures/gcc/header-macro)', () => {
  const expected = [
    'lib/a.c a_direct required present: a_direct (uses macro RING_SIZE)',
    'lib/a.c a_flagged required present: a_flagged (uses macro RING_DEBUG)',
    'lib/a.c a_inline required present: ring_wrap (uses macro RING_SIZE (through RING_MASK)) > a_inline',
    'lib/b.c b_mask required present: b_mask (uses macro RING_SIZE (through RING_MASK))',
    'lib/a.c ring_wrap required removed: ring_wrap (uses macro RING_SIZE (through RING_MASK))'
  ]

  it('makes every user in every TU that sees the header a target, from kbuild deps', async () => {
    const r = await run(DIR, DIR)
    expect(entries(r)).toEqual(expected)
    const macro = about(r, 'macro-change')
    expect(macro).toContainEqual(
      expect.stringMatching(
        /^info #define RING_NEW is new: nothing in the 2 TUs of set x86_64 that see include\/ring.h uses or tests it/
      )
    )
    expect(macro).toContainEqual(
      expect.stringMatching(/^warning #define RING_SIZE changed: 3 functions in 2 of the 2 TUs/)
    )
    expect(macro.filter(m => m.startsWith('unresolved'))).toEqual([])
    expect(about(r, 'global-change')).toEqual([
      expect.stringMatching(
        /^unresolved #define RING_SLOTS changed, and is spelled outside functions .* at lib\/b.c:5:/
      )
    ])
    expect(r.changed.find(c => c.name === 'b_mask')?.via).toEqual({
      kind: 'header-macro',
      macro: 'RING_SIZE (through RING_MASK)'
    })
  })

  it('finds the same through the include closure when there are no .cmd files', async () => {
    const dir = withoutCmds()
    try {
      const r = await run(dir, dir)
      expect(entries(r)).toEqual(expected)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('names the TUs whose source it could not search', async () => {
    const dir = withoutCmds()
    try {
      rmSync(join(dir, 'lib/b.c'))
      const r = await run(dir, dir)
      expect(entries(r)).not.toContainEqual(expect.stringContaining('b_mask'))
      expect(about(r, 'macro-change').filter(m => m.startsWith('unresolved'))).toContainEqual(
        expect.stringMatching(
          /RING_SIZE changed: 1 TU of set x86_64 could not be searched .*\(lib\/b.c\)/
        )
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('from kbuild deps too, names a TU whose listed files are missing or cannot be read', async () => {
    for (const damage of ['missing', 'fifo']) {
      const dir = mkdtempSync(join(tmpdir(), 'klp-impact-'))
      try {
        cpSync(DIR, dir, { recursive: true })
        rmSync(join(dir, 'lib/b.c'))
        if (damage === 'fifo') execFileSync('mkfifo', [join(dir, 'lib/b.c')])
        const r = await run(dir, dir)
        expect(entries(r)).not.toContainEqual(expect.stringContaining('b_mask'))
        expect(entries(r)).toContainEqual(expect.stringContaining('a_direct'))
        expect(about(r, 'macro-change').filter(m => m.startsWith('unresolved'))).toContainEqual(
          expect.stringMatching(
            /RING_SIZE changed: 1 TU of set x86_64 could not be searched for its users \(lib\/b.c\): lib\/b.c not in the source tree or not readable; a file kbuild generates is found when the dumps come with the build's generated .c\/.h files/
          )
        )
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  })
})

describe('a header constant its users spell only through ## (real GCC: fixtures/gcc/header-paste)', () => {
  // PFA_NOEXEC 7 -> 8, read only as PFA_TEST(NOEXEC) = (1UL << PFA_##name): GCC 12 changes
  // a_noexec's shift and nothing else (a_spread, a_gro, b_plain compile the same).
  it('finds the function that builds the name', async () => {
    const r = await runFixture('header-paste', ['missing'])
    expect(r.affected.map(a => `${a.tu} ${a.name} ${a.tier}`)).toEqual([
      'lib/a.c a_noexec required'
    ])
    expect(about(r, 'macro-change')).toEqual([
      expect.stringContaining('#define PFA_NOEXEC changed: 1 function in 1 of the 2 TUs')
    ])
  })
})
