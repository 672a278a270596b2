import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { knownScripts, parseScriptList, scriptKind } from '../../../src/core/scripts/targets.js'
import { parseDeps } from '../../../src/core/impact/deps.js'

/** Real `.cmd` files of Debian's 6.1.176 build (scripts/regen-kbuild-scripts.sh). */
const DIR = join(process.cwd(), 'fixtures/kbuild-scripts')
const cmd = (path: string): string => readFileSync(join(DIR, path), 'utf8')

describe('kbuild script lists', () => {
  it('reads vmlinux.lds: its source first, its headers, the list complete', () => {
    const list = parseScriptList(cmd('arch/x86/kernel/.vmlinux.lds.cmd'))
    expect(list).toMatchObject({
      target: 'arch/x86/kernel/vmlinux.lds',
      source: 'arch/x86/kernel/vmlinux.lds.S',
      kind: 'linker-script',
      complete: true
    })
    expect(list?.files[0]).toBe('arch/x86/kernel/vmlinux.lds.S')
    expect(list?.files).toEqual(
      expect.arrayContaining([
        'include/asm-generic/vmlinux.lds.h',
        'arch/x86/include/asm/cache.h',
        'arch/x86/include/asm/orc_lookup.h'
      ])
    )
    expect(list?.files.some(f => f.startsWith('$(') || f.startsWith('/'))).toBe(false)
    // Not an object: the objects' reader leaves it alone, as before.
    expect(parseDeps(cmd('arch/x86/kernel/.vmlinux.lds.cmd'))).toBeUndefined()
  })

  it('reads the modules’ and the vDSO’s linker scripts; a host program’s offsets are none', () => {
    expect(parseScriptList(cmd('scripts/.module.lds.cmd'))).toMatchObject({
      target: 'scripts/module.lds',
      kind: 'linker-script'
    })
    expect(parseScriptList(cmd('arch/x86/entry/vdso/.vdso.lds.cmd'))).toMatchObject({
      target: 'arch/x86/entry/vdso/vdso.lds',
      kind: 'linker-script'
    })
    expect(parseScriptList(cmd('scripts/mod/.devicetable-offsets.s.cmd'))).toBeUndefined()
    expect(scriptKind('arch/x86/kernel/asm-offsets.s')).toBe('offsets')
    expect(scriptKind('kernel/bounds.s')).toBe('offsets')
    expect(scriptKind('net/ipv4/tcp.o')).toBeUndefined()
  })

  it('maps an O= build’s absolute paths into the tree', () => {
    const text = [
      'cmd_arch/x86/kernel/vmlinux.lds := gcc -E ...',
      '',
      'source_arch/x86/kernel/vmlinux.lds := /src/linux/arch/x86/kernel/vmlinux.lds.S',
      '',
      'deps_arch/x86/kernel/vmlinux.lds := \\',
      '  /src/linux/include/asm-generic/vmlinux.lds.h \\',
      '  /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \\',
      '  arch/x86/include/generated/asm/rwonce.h \\',
      '',
      ''
    ].join('\n')
    expect(parseScriptList(text)).toEqual({
      target: 'arch/x86/kernel/vmlinux.lds',
      source: 'arch/x86/kernel/vmlinux.lds.S',
      kind: 'linker-script',
      files: [
        'arch/x86/kernel/vmlinux.lds.S',
        'include/asm-generic/vmlinux.lds.h',
        'arch/x86/include/generated/asm/rwonce.h'
      ],
      complete: true
    })
  })

  it('reads an object assembled from a .S as assembler code; a C object is the objects’ reader’s', () => {
    const list = (source: string) =>
      [
        `source_arch/x86/kernel/head_64.o := ${source}`,
        '',
        'deps_arch/x86/kernel/head_64.o := \\',
        '  arch/x86/include/asm/cache.h \\',
        '',
        ''
      ].join('\n')
    expect(parseScriptList(list('arch/x86/kernel/head_64.S'))).toMatchObject({
      target: 'arch/x86/kernel/head_64.o',
      source: 'arch/x86/kernel/head_64.S',
      kind: 'assembler',
      files: ['arch/x86/kernel/head_64.S', 'arch/x86/include/asm/cache.h']
    })
    expect(parseScriptList(list('arch/x86/kernel/head_64.c'))).toBeUndefined()
  })

  it('names the running kernel’s fixed scripts per architecture', () => {
    expect(knownScripts(['x86']).map(s => s.source)).toEqual([
      'arch/x86/kernel/vmlinux.lds.S',
      'arch/x86/kernel/asm-offsets.c',
      'scripts/module.lds.S',
      'kernel/bounds.c'
    ])
  })
})
