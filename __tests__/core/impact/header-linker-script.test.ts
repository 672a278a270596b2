import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import type { Finding, Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/**
 * Real GCC and ld fixture: asm/cache.h's INTERNODE_CACHE_SHIFT goes from 6 to 12. No C function
 * spells it, and setup.o's machine code is the same before and after; the linker script aligns
 * .data with it, and the linked image's .data moves from 0x1000080 to 0x1001000
 * (fixtures/gcc/header-linker-script/link-truth.txt). The gate used to pass it.
 */
const DIR = join(FIXTURES, 'header-linker-script')
const PATCH = readFileSync(join(DIR, 'fix.patch'), 'utf8')

const run = (diff: string, dir = DIR): Promise<Report> =>
  runPipeline({
    dumps: [{ label: 'x86_64', paths: [dir] }],
    diff,
    source: dir,
    livepatch: [],
    policy: ['missing', 'unresolved']
  })

const scripts = (r: Report): Finding[] => r.findings.filter(f => f.kind === 'script-change')

const HEADER = 'arch/x86/include/asm/cache.h'
const lines = readFileSync(join(DIR, HEADER), 'utf8').split('\n')
/** A fix that rewrites one line of asm/cache.h. */
const edit = (from: string, to: string): string => {
  const n = lines.indexOf(from) + 1
  expect(n).toBeGreaterThan(0)
  return `--- a/${HEADER}\n+++ b/${HEADER}\n@@ -${n} +${n} @@\n-${from}\n+${to}\n`
}

/** The fixture without kbuild's `.cmd` files (an upload that packed the dumps only). */
function withoutLists(): string {
  const dir = mkdtempSync(join(tmpdir(), 'linker-script-'))
  cpSync(DIR, dir, {
    recursive: true,
    filter: src => !src.endsWith('.cmd')
  })
  return dir
}

describe('a header macro a linker script expands (real GCC and ld)', () => {
  it('is unresolved, with the script lines that expand it, though no C code changes', async () => {
    const r = await run(PATCH)
    expect(r.result).toBe('fail')
    expect(r.affected).toEqual([])
    expect(scripts(r)).toEqual([
      expect.objectContaining({
        severity: 'unresolved',
        file: 'arch/x86/include/asm/cache.h',
        message: expect.stringMatching(
          /^#define INTERNODE_CACHE_SHIFT changed: the linker script arch\/x86\/kernel\/vmlinux\.lds spells it at arch\/x86\/kernel\/vmlinux\.lds\.S:8, arch\/x86\/kernel\/vmlinux\.lds\.S:10: /
        ) as unknown
      })
    ])
    // What C sees stays said: no function uses it.
    expect(r.findings.find(f => f.kind === 'macro-change')).toMatchObject({ severity: 'info' })
  })

  it('finds the same script through the source tree when the upload has no kbuild lists', async () => {
    const dir = withoutLists()
    try {
      const r = await run(PATCH, dir)
      expect(scripts(r).map(f => f.message)).toEqual(scripts(await run(PATCH)).map(f => f.message))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('names the offset generator for a macro asm-offsets.c expands', async () => {
    const r = await run(edit('#define TSS_STACK_SLOTS 4', '#define TSS_STACK_SLOTS 8'))
    expect(scripts(r)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^#define TSS_STACK_SLOTS changed: arch\/x86\/kernel\/asm-offsets\.s spells it at arch\/x86\/kernel\/asm-offsets\.c:8: the constants kbuild generates/
        ) as unknown
      })
    ])
  })

  it('leaves a macro only C code expands to the functions that spell it', async () => {
    const r = await run(edit('#define L1_CACHE_SHIFT 6', '#define L1_CACHE_SHIFT 7'))
    expect(scripts(r)).toEqual([])
    expect(r.affected.map(a => a.name)).toContain('line_of')
  })
})
