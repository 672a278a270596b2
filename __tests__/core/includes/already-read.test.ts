import { HeaderDeps } from '../../../src/core/impact/deps.js'
import { guarded, judgeIncludeByReaders } from '../../../src/core/includes/already-read.js'
import type { Finding } from '../../../src/core/model.js'

const cmd = (tu: string, headers: string[]): string =>
  [
    `source_${tu.slice(0, -2)}.o := ${tu}`,
    `deps_${tu.slice(0, -2)}.o := \\`,
    ...headers.map(h => `  ${h} \\`),
    '',
    `${tu.slice(0, -2)}.o: $(deps_${tu.slice(0, -2)}.o)`
  ].join('\n')

/** The 6.1.190 fix to arch/x86/include/asm/insn-eval.h: its five readers all read asm/insn.h. */
const HEADER = 'arch/x86/include/asm/insn-eval.h'
const INSN = 'arch/x86/include/asm/insn.h'
const FINDING: Finding = {
  kind: 'include-change',
  severity: 'unresolved',
  file: HEADER,
  line: 12,
  message: `#include <asm/insn.h> added: it brings 3 header(s) (${INSN} and what it includes); this file uses 1 of their macros or inline functions: MAX_INSN_SIZE`
}
/** What 6.1's asm/insn.h looks like to the guard test. */
const GUARDED =
  '/* SPDX */\n#ifndef _ASM_X86_INSN_H\n#define _ASM_X86_INSN_H\n#include <asm/byteorder.h>\n#if 0\n#endif\nstruct insn;\n#endif /* _ASM_X86_INSN_H */\n'
const tree = new Set([HEADER, INSN, 'include/linux/kernel.h'])
const sourceOf = (p: string): string | undefined => (tree.has(p) ? GUARDED : undefined)

function depsOf(readers: Record<string, string[]>): HeaderDeps {
  const deps = new HeaderDeps()
  for (const [tu, headers] of Object.entries(readers)) deps.add(cmd(tu, headers))
  return deps
}

/** The fixed texts of the changed files: the header gains its include below another one. */
const POST: Record<string, string> = {
  [HEADER]:
    '#ifndef _ASM_X86_INSN_EVAL_H\n#define _ASM_X86_INSN_EVAL_H\n#include <linux/kernel.h>\n#include <asm/insn.h>\n#endif\n',
  'arch/x86/lib/insn-eval.c': '#include <asm/insn-eval.h>\n#include <asm/insn.h>\nint f;\n'
}
const postOf = (p: string): string | undefined => POST[p]

describe('an include a header gains, against kbuild dependency lists', () => {
  const tus = ['arch/x86/lib/insn-eval.c', 'arch/x86/kernel/sev.c', 'mm/slub.c']
  // Each list in the compiler's order: the TU's source, then files as first opened.
  const all = depsOf({
    'arch/x86/lib/insn-eval.c': [INSN, HEADER],
    'arch/x86/kernel/sev.c': [INSN, 'include/linux/kernel.h', HEADER],
    'mm/slub.c': ['include/linux/kernel.h']
  })
  const judge = (f: Finding, deps: HeaderDeps, read = sourceOf, post = postOf): Finding =>
    judgeIncludeByReaders(f, [{ label: 'x86_64', tus, deps }], read, post)

  it('is info when every TU reading the header read the included file before it', () => {
    const f = judge(FINDING, all)
    expect(f.severity).toBe('info')
    expect(f.message).toContain(
      `every TU that reads ${HEADER} (2 in set x86_64) had read ${INSN} before reaching that line`
    )
  })

  it('is info when the file came before an include above the new line', () => {
    // sev.c reads the header first, then, through linux/kernel.h, asm/insn.h: no.
    const late = depsOf({
      'arch/x86/lib/insn-eval.c': [INSN, HEADER],
      'arch/x86/kernel/sev.c': [HEADER, INSN, 'include/linux/kernel.h'],
      'mm/slub.c': []
    })
    expect(judge(FINDING, late).severity).toBe('info')
  })

  it('stays unresolved when a reader read it only further down: the new line reads it first', () => {
    // A hostile review's case: what is defined above the new line (`#define DEBUG`) is then in
    // force where it was not.
    const late = depsOf({
      'arch/x86/lib/insn-eval.c': [INSN, HEADER],
      'arch/x86/kernel/sev.c': [HEADER, 'include/linux/kernel.h', INSN],
      'mm/slub.c': []
    })
    expect(judge(FINDING, late)).toBe(FINDING)
    // Without the fixed text there is no line to place.
    expect(judge(FINDING, all, sourceOf, () => undefined)).toBe(FINDING)
  })

  it('counts no include under an #if above the line, with #pragma once too', () => {
    // A hostile review's case: a `#pragma once` header's `#ifdef CONFIG_Y` include (unset) was
    // taken for always read.
    const late = depsOf({
      'arch/x86/lib/insn-eval.c': [HEADER, INSN, 'include/linux/kernel.h'],
      'arch/x86/kernel/sev.c': [HEADER, INSN, 'include/linux/kernel.h'],
      'mm/slub.c': []
    })
    expect(judge(FINDING, late).severity).toBe('info')
    const branch = '#ifdef CONFIG_Y\n#include <linux/kernel.h>\n#endif\n#include <asm/insn.h>\n'
    for (const head of ['#pragma once\n', '#ifndef _H\n#define _H\n']) {
      const text = `${head}${branch}${head.startsWith('#ifndef') ? '#endif\n' : ''}`
      expect(judge(FINDING, late, sourceOf, p => (p === HEADER ? text : postOf(p)))).toBe(FINDING)
    }
  })

  it('stays unresolved when one reader did not read it', () => {
    const one = depsOf({
      'arch/x86/lib/insn-eval.c': [INSN, HEADER],
      'arch/x86/kernel/sev.c': [HEADER],
      'mm/slub.c': []
    })
    expect(judge(FINDING, one)).toBe(FINDING)
  })

  it('reads the include closure of a TU without a dependency list (asm-offsets.c)', () => {
    const files: Record<string, string> = {
      [INSN]: GUARDED,
      'include/linux/kernel.h': GUARDED,
      'arch/x86/kernel/asm-offsets.c': '#include <linux/kernel.h>\n',
      'arch/x86/kernel/asm-offsets2.c': '#include <asm/insn-eval.h>\n',
      [HEADER]: ''
    }
    const read = (p: string): string | undefined => files[p]
    const sets = (tu: string) => [{ label: 'x86_64', tus: [...tus, tu], deps: all }]
    expect(
      judgeIncludeByReaders(FINDING, sets('arch/x86/kernel/asm-offsets.c'), read, postOf).severity
    ).toBe('info')
    // It may read the header: not shown either way.
    expect(
      judgeIncludeByReaders(FINDING, sets('arch/x86/kernel/asm-offsets2.c'), read, postOf)
    ).toBe(FINDING)
    // Its source is not in the tree (a generated file).
    expect(judgeIncludeByReaders(FINDING, sets('drivers/x.c'), read, postOf)).toBe(FINDING)
  })

  it('stays unresolved without dependency lists', () => {
    expect(
      judgeIncludeByReaders(FINDING, [{ label: 'x86_64', tus, deps: undefined }], sourceOf, postOf)
    ).toBe(FINDING)
  })

  it('leaves removed includes to the mapper', () => {
    const removed = {
      ...FINDING,
      message: '#include <asm/insn.h> removed: the file loses 3 header(s)'
    }
    expect(judge(removed, all)).toBe(removed)
  })

  // net/ipv4/tcp_ipv4.c gains `#include <linux/sock_diag.h>` (6.1.187), which it read already.
  it('judges an include a .c file gains by the lists of the TUs that read the .c', () => {
    const c = { ...FINDING, file: 'arch/x86/lib/insn-eval.c' }
    const f = judge(c, all)
    expect(f.severity).toBe('info')
    expect(f.message).toContain('every TU that reads arch/x86/lib/insn-eval.c (1 in set x86_64)')
    const unread = depsOf({
      'arch/x86/lib/insn-eval.c': [HEADER],
      'arch/x86/kernel/sev.c': [INSN],
      'mm/slub.c': []
    })
    expect(judge(c, unread)).toBe(c)
    // The new line at the top: nothing above it had read the file.
    const top = (p: string): string | undefined =>
      p === c.file ? '#include <asm/insn.h>\n#include <asm/insn-eval.h>\n' : postOf(p)
    expect(judge(c, all, sourceOf, top)).toBe(c)
    // An include above it in a disabled branch may not be read: it does not count.
    const branch = (p: string): string | undefined =>
      p === c.file
        ? '#ifdef CONFIG_X\n#include <asm/insn-eval.h>\n#endif\n#include <asm/insn.h>\n'
        : postOf(p)
    expect(judge(c, all, sourceOf, branch)).toBe(c)
  })

  it('stays unresolved when the included file has no include guard: read again, it makes code again', () => {
    const trace = (p: string): string | undefined =>
      p === INSN
        ? '#if !defined(_TRACE_INSN_H) || defined(TRACE_HEADER_MULTI_READ)\n#define _TRACE_INSN_H\nTRACE_EVENT(x);\n#endif\n#include <trace/define_trace.h>\n'
        : sourceOf(p)
    expect(judge(FINDING, all, trace)).toBe(FINDING)
  })
})

describe('guarded', () => {
  it('accepts an #ifndef/#define pair around the whole file, or #pragma once', () => {
    expect(guarded(GUARDED)).toBe(true)
    expect(guarded('#pragma once\nint x;\n')).toBe(true)
    expect(guarded('// c\n#if !defined(_A_H)\n#define _A_H\n#endif\n')).toBe(true)
  })

  it('refuses anything outside the guard, a guard of another name, or no text', () => {
    expect(guarded('#ifndef _A_H\n#define _A_H\n#endif\nint x;\n')).toBe(false)
    expect(guarded('int x;\n#ifndef _A_H\n#define _A_H\n#endif\n')).toBe(false)
    expect(guarded('#ifndef _A_H\n#define _B_H\n#endif\n')).toBe(false)
    expect(guarded('#ifndef _A_H\n#define _A_H\n#endif\n#ifndef _A_H\n#endif\n')).toBe(false)
    expect(guarded('#define X(a) a\nX(1)\n')).toBe(false)
    // A hostile review's case: the guard's own #else is what a second inclusion makes.
    expect(
      guarded('#ifndef A_H\n#define A_H\n#define S 3\n#else\n#undef S\n#define S 7\n#endif\n')
    ).toBe(false)
    expect(guarded('#ifndef A_H\n#define A_H\n#undef A_H\n#endif\n')).toBe(false)
    expect(guarded('#ifndef A_H\n#define A_H\n#ifdef B\n#else\n#endif\n#endif\n')).toBe(true)
    expect(guarded('')).toBe(false)
    expect(guarded(undefined)).toBe(false)
    expect(guarded(false)).toBe(false)
  })
})
