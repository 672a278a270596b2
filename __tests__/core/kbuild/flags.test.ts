import { checkBuildFlags, parseCmdFile } from '../../../src/core/kbuild/flags.js'

const KFLAGS =
  '-Wp,-MMD,net/ipv4/.tcp.o.d -nostdinc -I./arch/x86/include -I./arch/x86/include/generated -I./include -include ./include/linux/compiler-version.h -include ./include/linux/kconfig.h -D__KERNEL__ -fmacro-prefix-map=./= -Wall -Wundef -std=gnu11 -mno-sse -mno-mmx -fno-delete-null-pointer-checks -O2 -fno-allow-store-data-races -pg -mrecord-mcount -mfentry -DCC_USING_FENTRY'
const KCFLAGS = '-fdump-ipa-clones -flive-patching=inline-clone -ffunction-sections -fdata-sections'

/** What fixdep writes for `make KCFLAGS=...` on 6.1 (cmd_) and 6.3+ (savedcmd_). */
function cmdFile(obj: string, extra: string, prefix = 'cmd_'): string {
  const src = obj.replace(/\.o$/, '.c')
  const base = obj.slice(obj.lastIndexOf('/') + 1, -2)
  return [
    `${prefix}${obj} := gcc ${KFLAGS} ${extra}    -DKBUILD_MODFILE='"${obj.slice(0, -2)}"' -DKBUILD_BASENAME='"${base}"' -DKBUILD_MODNAME='"${base}"' -D__KBUILD_MODNAME=kmod_${base} -c -o ${obj} ${src}  ; ./tools/objtool/objtool --hacks=jump_label --orc --retpoline --uaccess --mcount --static-call --uaccess  --link  ${obj}`,
    '',
    `source_${obj} := ${src}`,
    '',
    `deps_${obj} := \\`,
    '  include/linux/compiler-version.h \\',
    '    $(wildcard include/config/CC_VERSION_TEXT) \\',
    '  include/linux/kconfig.h \\',
    '',
    `${obj}: $(deps_${obj})`,
    '',
    `$(deps_${obj}):`,
    ''
  ].join('\n')
}

describe('parseCmdFile', () => {
  it('reads target and TU from a 6.1 cmd_ and a 6.3 savedcmd_ file', () => {
    expect(parseCmdFile(cmdFile('net/ipv4/tcp.o', KCFLAGS))).toMatchObject({
      object: 'net/ipv4/tcp.o',
      tu: 'net/ipv4/tcp.c'
    })
    expect(parseCmdFile(cmdFile('mm/slub.o', KCFLAGS, 'savedcmd_'))?.tu).toBe('mm/slub.c')
  })

  it('ignores host tools, assembler sources and link steps', () => {
    expect(
      parseCmdFile(
        'cmd_scripts/mod/modpost.o := gcc -Wp,-MMD,x -O2 -c -o scripts/mod/modpost.o scripts/mod/modpost.c'
      )
    ).toBeUndefined()
    expect(
      parseCmdFile(
        `cmd_arch/x86/entry/entry_64.o := gcc ${KFLAGS} -D__ASSEMBLY__ -c -o arch/x86/entry/entry_64.o arch/x86/entry/entry_64.S\n\nsource_arch/x86/entry/entry_64.o := arch/x86/entry/entry_64.S`
      )
    ).toBeUndefined()
    expect(
      parseCmdFile('cmd_vmlinux := sh scripts/link-vmlinux.sh "ld" "-m elf_x86_64"')
    ).toBeUndefined()
  })
})

describe('checkBuildFlags', () => {
  const good = cmdFile('net/ipv4/tcp.o', KCFLAGS)
  const noLp = cmdFile('net/ipv4/udp.o', '-fdump-ipa-clones')

  it('accepts a clean build', () => {
    const r = checkBuildFlags(new Map([['net/ipv4/.tcp.o.cmd', good]]), () => true)
    expect(r).toEqual({ findings: [], lto: false })
  })

  it('warns per object about a missing -flive-patching and reports objects without dump', () => {
    const cmds = new Map([
      ['net/ipv4/.tcp.o.cmd', good],
      ['net/ipv4/.udp.o.cmd', noLp]
    ])
    const r = checkBuildFlags(cmds, tu => tu === 'net/ipv4/udp.c')
    expect(r.findings).toEqual([
      expect.objectContaining({
        kind: 'build-flags',
        severity: 'warning',
        file: 'net/ipv4/udp.c',
        message: expect.stringContaining('-flive-patching=inline-clone') as unknown
      }),
      expect.objectContaining({
        kind: 'no-dump',
        severity: 'unresolved',
        file: 'net/ipv4/tcp.c',
        message:
          'net/ipv4/tcp.o was compiled from net/ipv4/tcp.c but the dump set has no net/ipv4/tcp.c.000i.ipa-clones'
      })
    ])
  })

  it('leaves an object without a dump to its no-dump finding, which says its flags lacked the dump', () => {
    // kbuild's own flags for the real-mode code and the EFI stub drop KCFLAGS: no flag, no dump.
    const cmds = new Map([
      ['net/ipv4/.tcp.o.cmd', good],
      ['arch/x86/realmode/rm/.regs.o.cmd', cmdFile('arch/x86/realmode/rm/regs.o', '')],
      ['net/ipv4/.udp.o.cmd', noLp]
    ])
    const r = checkBuildFlags(cmds, tu => tu === 'net/ipv4/tcp.c')
    expect(r.findings.filter(f => f.kind === 'build-flags')).toEqual([])
    expect(r.findings.map(f => f.message)).toEqual([
      'arch/x86/realmode/rm/regs.o was compiled from arch/x86/realmode/rm/regs.c without -fdump-ipa-clones, so the dump set has no arch/x86/realmode/rm/regs.c.000i.ipa-clones',
      'net/ipv4/udp.o was compiled from net/ipv4/udp.c but the dump set has no net/ipv4/udp.c.000i.ipa-clones'
    ])
  })

  it('says once when no object has the flag', () => {
    const cmds = new Map([
      ['a/.x.o.cmd', cmdFile('a/x.o', '')],
      ['a/.y.o.cmd', cmdFile('a/y.o', '')]
    ])
    const flags = checkBuildFlags(cmds, () => true).findings.filter(f => f.kind === 'build-flags')
    expect(flags).toHaveLength(2)
    expect(flags[0].message).toMatch(/^2 of 2 C objects .*-flive-patching/)
    expect(flags[1].message).toMatch(/-fdump-ipa-clones/)
  })

  it('detects LTO, honouring a later -fno-lto', () => {
    const lto = new Map([['a/.x.o.cmd', cmdFile('a/x.o', `${KCFLAGS} -flto=auto`)]])
    expect(checkBuildFlags(lto, () => true).lto).toBe(true)
    const off = new Map([['a/.x.o.cmd', cmdFile('a/x.o', `${KCFLAGS} -flto -fno-lto`)]])
    expect(checkBuildFlags(off, () => true).lto).toBe(false)
  })
})
