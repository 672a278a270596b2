import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
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

  it('names the assembler code a .S object expands it in (kbuild’s lists only)', async () => {
    // head_64.o: `sub $0x40,%rsp` becomes `sub $0x80,%rsp` (link-truth.txt); no dump shows it.
    const fix = edit('#define BOOT_STACK_RESERVE 64', '#define BOOT_STACK_RESERVE 128')
    expect(scripts(await run(fix)).map(f => f.message)).toEqual([
      expect.stringMatching(
        /^#define BOOT_STACK_RESERVE changed: the assembler code of arch\/x86\/kernel\/head_64\.o \(arch\/x86\/kernel\/head_64\.S\) spells it at arch\/x86\/kernel\/head_64\.S:6: its code may change/
      )
    ])
  })

  it('leaves a macro only C code expands to the functions that spell it', async () => {
    const r = await run(edit('#define L1_CACHE_SHIFT 6', '#define L1_CACHE_SHIFT 7'))
    expect(scripts(r)).toEqual([])
    expect(r.affected.map(a => a.name)).toContain('line_of')
  })

  /** The fixture with files rewritten (a function of the old text) or added, run, removed. */
  async function onVariant(
    files: Record<string, string | ((text: string) => string)>,
    diff: string
  ): Promise<Report> {
    const dir = mkdtempSync(join(tmpdir(), 'linker-variant-'))
    try {
      cpSync(DIR, dir, { recursive: true, filter: src => !src.endsWith('.cmd') })
      for (const [path, text] of Object.entries(files)) {
        const file = join(dir, path)
        writeFileSync(file, typeof text === 'string' ? text : text(readFileSync(file, 'utf8')))
      }
      return await run(diff, dir)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('reads a header the script includes as script text (asm/vvar.h’s pattern)', async () => {
    // vmlinux.lds.S defines EMIT_VVAR and includes asm/vvar.h, whose EMIT_VVAR(...) lines lay
    // out the vvar page: that header's text outside #define and #ifndef __ASSEMBLY__ is script.
    const r = await onVariant(
      {
        'arch/x86/include/asm/vvar.h': [
          '#include <asm/cache.h>',
          '#ifndef __ASSEMBLY__',
          'extern int vvar_slots[TSS_STACK_SLOTS];',
          '#endif',
          '#ifdef EMIT_VVAR',
          'EMIT_VVAR(vdso_data, TSS_STACK_SLOTS)',
          '#endif',
          ''
        ].join('\n'),
        'arch/x86/kernel/vmlinux.lds.S': t =>
          t.replace(
            '\t/DISCARD/',
            '#define EMIT_VVAR(name, offset) . = ALIGN(offset);\n#include <asm/vvar.h>\n#undef EMIT_VVAR\n\t/DISCARD/'
          )
      },
      edit('#define TSS_STACK_SLOTS 4', '#define TSS_STACK_SLOTS 8')
    )
    expect(scripts(r)).toHaveLength(2)
    expect(scripts(r).map(f => f.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /the linker script arch\/x86\/kernel\/vmlinux\.lds spells it at arch\/x86\/include\/asm\/vvar\.h:6: /
        ),
        expect.stringMatching(
          /arch\/x86\/kernel\/asm-offsets\.s spells it at arch\/x86\/kernel\/asm-offsets\.c:8/
        )
      ])
    )
  })

  it('follows a definition an #if on the changed macro selects, in C and in the script', async () => {
    // GCC 12: align_slot's `lea 0x3f` becomes `lea 0xfff` (a hostile review's case, both modes).
    const r = await onVariant(
      {
        'arch/x86/include/asm/cache.h': t =>
          t.replace(
            '#endif',
            '#if TSS_STACK_SLOTS > 4\n#define SLOT_ALIGN 0x1000\n#else\n#define SLOT_ALIGN 0x40\n#endif\n\n#endif'
          ),
        'arch/x86/kernel/setup.c': t =>
          t +
          '\nunsigned long align_slot(unsigned long x)\n{\n\treturn (x + SLOT_ALIGN - 1) & ~(SLOT_ALIGN - 1UL);\n}\n',
        'arch/x86/kernel/vmlinux.lds.S': t =>
          t.replace('\t/DISCARD/', '\t. = ALIGN(SLOT_ALIGN);\n\t/DISCARD/')
      },
      edit('#define TSS_STACK_SLOTS 4', '#define TSS_STACK_SLOTS 8')
    )
    expect(r.affected.map(a => a.name)).toContain('align_slot')
    expect(scripts(r).map(f => f.message)).toContainEqual(
      expect.stringMatching(/vmlinux\.lds spells it at arch\/x86\/kernel\/vmlinux\.lds\.S:13\b/)
    )
  })

  it('finds the users of a changed kernel annotation the parse blanks (__read_mostly)', async () => {
    // The variant's cache.h defines __read_mostly on the line after TSS_STACK_SLOTS.
    const at = lines.indexOf('#define TSS_STACK_SLOTS 4') + 2
    // (A change inside the section's string is no subject: literals are masked, and the mapper's
    // own finding stays unresolved.)
    const define = (more: string): string =>
      `#define __read_mostly __attribute__((__section__(".data..read_mostly")${more}))`
    const readMostly = (more: string): string =>
      `--- a/${HEADER}\n+++ b/${HEADER}\n@@ -${at} +${at} @@\n-${define('')}\n+${define(more)}\n`
    // The search read the parse's view, where `__read_mostly` is blanked: "nothing uses it",
    // and the gate passed a change of how setup.c's data is laid out.
    const r = await onVariant(
      {
        'arch/x86/include/asm/cache.h': t =>
          t.replace('#define TSS_STACK_SLOTS 4', `#define TSS_STACK_SLOTS 4\n${define('')}`),
        'arch/x86/kernel/setup.c': t =>
          t.replace('__attribute__((section(".data..read_mostly")))', '__read_mostly')
      },
      readMostly(', __aligned__(64)')
    )
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        kind: 'global-change',
        severity: 'unresolved',
        message: expect.stringContaining('arch/x86/kernel/setup.c:3') as unknown
      })
    )
  })

  describe('a definition the .config compiles out', () => {
    // 6.1's asm/cache.h defines __cacheline_aligned_in_smp under CONFIG_X86_VSMP, unset in the
    // corpus: its users expand linux/cache.h's. A hostile review's false alarm (KCFI_TRAPS under
    // an unset CONFIG_ARCH_USES_CFI_TRAPS in vmlinux.lds.h) is the script side of it.
    const config = '# CONFIG_X86_VSMP is not set\nCONFIG_SMP=y\n'
    const aligned = (n: string): string =>
      `#define __cacheline_aligned_in_smp __attribute__((__aligned__(${n})))`
    const header = (vsmp: string, other: string): string =>
      `#ifdef CONFIG_X86_VSMP\n${aligned(vsmp)}\n#else\n${aligned(other)}\n#endif\n`
    const files = {
      '.config': config,
      'arch/x86/include/asm/cache.h': (t: string) =>
        t.replace('#define TSS_STACK_SLOTS 4', `#define TSS_STACK_SLOTS 4\n${header('128', '64')}`),
      'arch/x86/kernel/setup.c': (t: string) => `${t}\nint slots[4] __cacheline_aligned_in_smp;\n`,
      'include/asm-generic/vmlinux.lds.h': (t: string) =>
        `${t}\n#ifdef CONFIG_X86_VSMP\n#define VSMP_DATA *(.vsmp)\n#else\n#define VSMP_DATA\n#endif\n`,
      'arch/x86/kernel/vmlinux.lds.S': (t: string) =>
        t.replace('\t\tDATA_DATA', '\t\tDATA_DATA\n\t\tVSMP_DATA')
    }
    // The variant's cache.h holds the #ifdef right after TSS_STACK_SLOTS, vmlinux.lds.h its
    // own at its end.
    const at = lines.indexOf('#define TSS_STACK_SLOTS 4') + 1
    const fix = (line: number, from: string, to: string): string =>
      `--- a/${HEADER}\n+++ b/${HEADER}\n@@ -${line} +${line} @@\n-${from}\n+${to}\n`
    const lds = 'include/asm-generic/vmlinux.lds.h'
    const ldsLines = readFileSync(join(DIR, lds), 'utf8').split('\n').length

    it('changes nothing its users expand, in C or in a script', async () => {
      const c = await onVariant(files, fix(at + 2, aligned('128'), aligned('256')))
      expect(c.findings.filter(f => f.severity === 'unresolved')).toEqual([])
      const script = await onVariant(
        files,
        `--- a/${lds}\n+++ b/${lds}\n@@ -${ldsLines + 2} +${ldsLines + 2} @@\n-#define VSMP_DATA *(.vsmp)\n+#define VSMP_DATA *(.vsmp) *(.vsmp.*)\n`
      )
      expect(scripts(script)).toEqual([])
    })

    it('keeps the users of the definition the build has', async () => {
      const r = await onVariant(files, fix(at + 4, aligned('64'), aligned('128')))
      expect(r.findings).toContainEqual(
        expect.objectContaining({
          kind: 'global-change',
          severity: 'unresolved',
          message: expect.stringContaining('arch/x86/kernel/setup.c:15') as unknown
        })
      )
    })
  })
})
