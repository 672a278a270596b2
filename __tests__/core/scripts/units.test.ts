import { ownFiles, ScriptUnits, scriptUnitsOf } from '../../../src/core/scripts/units.js'

const walked = new Map([
  [
    'arch/x86/kernel/vmlinux.lds.S',
    ['arch/x86/kernel/vmlinux.lds.S', 'arch/x86/include/asm/cache.h']
  ],
  ['arch/x86/kernel/asm-offsets.c', ['arch/x86/kernel/asm-offsets.c', 'include/linux/sched.h']]
])
const closure = (path: string): { files: string[]; lost: string[] } | null => {
  const files = walked.get(path)
  return files ? { files, lost: [] } : null
}

describe('ScriptUnits', () => {
  it('walks the fixed scripts whose sources are in the tree, without lists', () => {
    const units = new ScriptUnits({ arches: ['x86'], closure })
    expect(units.all().map(u => u.target)).toEqual([
      'arch/x86/kernel/vmlinux.lds',
      'arch/x86/kernel/asm-offsets.s'
    ])
    expect(units.seeing('arch/x86/include/asm/cache.h').map(u => u.kind)).toEqual(['linker-script'])
  })

  it('takes kbuild’s lists as they are, a cut list as a file it could not read', () => {
    const units = new ScriptUnits({
      arches: ['x86'],
      closure,
      lists: [
        {
          target: 'arch/x86/entry/vdso/vdso.lds',
          source: 'arch/x86/entry/vdso/vdso.lds.S',
          kind: 'linker-script',
          files: ['arch/x86/entry/vdso/vdso.lds.S', 'arch/x86/include/asm/vdso.h'],
          complete: false
        }
      ]
    })
    expect(units.all()).toEqual([
      expect.objectContaining({
        target: 'arch/x86/entry/vdso/vdso.lds',
        lost: [expect.stringMatching(/cut short/) as unknown]
      })
    ])
    expect(units.seeing('arch/x86/include/asm/cache.h')).toEqual([])
  })

  it('still walks the fixed scripts when the lists name only .S objects (no .lds.cmd packed)', () => {
    const units = new ScriptUnits({
      arches: ['x86'],
      closure,
      lists: [
        {
          target: 'arch/x86/kernel/head_64.o',
          source: 'arch/x86/kernel/head_64.S',
          kind: 'assembler',
          files: ['arch/x86/kernel/head_64.S', 'arch/x86/include/asm/cache.h'],
          complete: true
        }
      ]
    })
    expect(units.seeing('arch/x86/include/asm/cache.h').map(u => u.target)).toEqual([
      'arch/x86/kernel/head_64.o',
      'arch/x86/kernel/vmlinux.lds'
    ])
  })

  it('reads a linker script whole, an offset generator’s own C only', () => {
    const files = ['a/x.lds.S', 'include/asm-generic/vmlinux.lds.h', 'a/y.c', 'include/z.h']
    const unit = { target: 't', source: 'a/x.lds.S', files, lost: [] }
    // asm/vvar.h's DECLARE_VVAR lines are script text when vmlinux.lds.S includes it.
    expect(ownFiles({ ...unit, kind: 'linker-script' })).toEqual(files)
    expect(ownFiles({ ...unit, kind: 'offsets' })).toEqual(['a/x.lds.S', 'a/y.c'])
  })

  it('walks a linker script as assembly: no include under #ifndef __ASSEMBLY__ (kcsan-checks.h)', () => {
    // The lexical walk brought instrumented.h's C into vmlinux.lds on the development set, and
    // kcsan-checks.h's macros it spells with it: a false alarm.
    const tree = new Map([
      ['arch/x86/kernel/vmlinux.lds.S', '#include <asm/page.h>\nSECTIONS { }\n'],
      ['arch/x86/kernel/asm-offsets.c', '#include <asm/page.h>\nint main(void) { return 0; }\n'],
      [
        'arch/x86/include/asm/page.h',
        '#include <asm/page_types.h>\n#ifndef __ASSEMBLY__\n#include <linux/instrumented.h>\n#endif\n'
      ],
      ['arch/x86/include/asm/page_types.h', '#define PAGE_SHIFT 12\n'],
      ['include/linux/instrumented.h', 'static inline void f(void) { kcsan_check_write(0); }\n']
    ])
    const units = scriptUnitsOf({ tus: ['arch/x86/kernel/setup.c'] }, p => tree.get(p))
    expect(units.seeing('include/linux/instrumented.h').map(u => u.target)).toEqual([
      'arch/x86/kernel/asm-offsets.s'
    ])
    expect(units.seeing('arch/x86/include/asm/page_types.h').map(u => u.target)).toEqual([
      'arch/x86/kernel/vmlinux.lds',
      'arch/x86/kernel/asm-offsets.s'
    ])
  })
})
