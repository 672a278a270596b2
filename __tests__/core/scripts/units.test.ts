import { ownFiles, ScriptUnits } from '../../../src/core/scripts/units.js'

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

  it('reads a script’s own text: its source, included .c and linker-script headers', () => {
    expect(
      ownFiles({
        target: 't',
        source: 'a/x.lds.S',
        kind: 'linker-script',
        files: ['a/x.lds.S', 'include/asm-generic/vmlinux.lds.h', 'a/y.c', 'include/z.h'],
        lost: []
      })
    ).toEqual(['a/x.lds.S', 'include/asm-generic/vmlinux.lds.h', 'a/y.c'])
  })
})
