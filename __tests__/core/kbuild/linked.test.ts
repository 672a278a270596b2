import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  archiveMembers,
  archivedObjects,
  unheldTus,
  vmlinuxObjects
} from '../../../src/core/kbuild/linked.js'
import { judgeUnheld } from '../../../src/core/kbuild/no-dump.js'
import { checkBuildFlags } from '../../../src/core/kbuild/flags.js'

// fixtures/kbuild-archives/archives.txt: every archive's `cmd_` line of a real 6.1 build
// (scripts/regen-kbuild-archives.sh), each after `# <path of its .cmd>`.
const text = readFileSync(join(process.cwd(), 'fixtures/kbuild-archives/archives.txt'), 'utf8')
const archives = new Map<string, string>()
for (const part of text.split(/^# /m).filter(Boolean)) {
  const nl = part.indexOf('\n')
  archives.set(part.slice(0, nl), part.slice(nl + 1))
}

// The real `.pci.stub.o.cmd` line of the same build.
const STUB = `cmd_drivers/firmware/efi/libstub/pci.stub.o := strip --strip-debug -o drivers/firmware/efi/libstub/pci.stub.o drivers/firmware/efi/libstub/pci.o; if objdump -r drivers/firmware/efi/libstub/pci.stub.o | grep R_X86_64_64; then echo "drivers/firmware/efi/libstub/pci.stub.o: absolute symbol references not allowed in the EFI stub" >&2; /bin/false; fi; objcopy --remove-section=.note.gnu.property drivers/firmware/efi/libstub/pci.o drivers/firmware/efi/libstub/pci.stub.o`

describe('archiveMembers', () => {
  it("reads kbuild's printf form, with the folder it prefixes, and the plain ar form", () => {
    const efi = archiveMembers(archives.get('drivers/firmware/efi/.built-in.a.cmd') ?? '')
    expect(efi?.archive).toBe('drivers/firmware/efi/built-in.a')
    expect(efi?.members).toContain('drivers/firmware/efi/efi.o')
    const top = archiveMembers(archives.get('.vmlinux.a.cmd') ?? '')
    expect(top).toEqual({
      archive: 'vmlinux.a',
      members: ['built-in.a', 'lib/lib.a', 'arch/x86/lib/lib.a']
    })
    const stub = archiveMembers(archives.get('drivers/firmware/efi/libstub/.lib.a.cmd') ?? '')
    expect(stub?.members).toContain('drivers/firmware/efi/libstub/pci.stub.o')
  })
})

describe('vmlinuxObjects', () => {
  const linked = vmlinuxObjects(archives)

  it('follows vmlinux.a through every archive: the kernel proper, not the EFI stub', () => {
    expect(linked?.size).toBeGreaterThan(2000)
    expect(linked?.has('kernel/sched/core.o')).toBe(true)
    expect(linked?.has('lib/string.o')).toBe(true)
    expect(linked?.has('drivers/firmware/efi/efi.o')).toBe(true)
    expect(linked?.has('drivers/firmware/efi/libstub/pci.o')).toBe(false)
    expect(linked?.has('drivers/firmware/efi/libstub/pci.stub.o')).toBe(false)
  })

  it('says nothing when an archive on the way has no list, or there is no root', () => {
    const partial = new Map(archives)
    partial.delete('drivers/firmware/.built-in.a.cmd')
    expect(vmlinuxObjects(partial)).toBeUndefined()
    // Without vmlinux.a, built-in.a is not all of vmlinux: the lib.a's are linked beside it.
    const rootless = new Map(archives)
    rootless.delete('.vmlinux.a.cmd')
    expect(vmlinuxObjects(rootless)).toBeUndefined()
  })

  it('turns a missing dump of an object the kernel does not hold into a warning, not a doubt', () => {
    const cmd = (o: string): string =>
      `cmd_${o} := gcc -D__KERNEL__ -O2 -fdump-ipa-clones -flive-patching=inline-clone -c -o ${o} ${o.replace(/\.o$/, '.c')}\nsource_${o} := ${o.replace(/\.o$/, '.c')}\n`
    const cmds = new Map([
      ['drivers/firmware/efi/libstub/.pci.o.cmd', cmd('drivers/firmware/efi/libstub/pci.o')],
      // The stub's objects are stripped copies (the archive holds pci.stub.o): the real line.
      ['drivers/firmware/efi/libstub/.pci.stub.o.cmd', STUB],
      ['kernel/sched/.core.o.cmd', cmd('kernel/sched/core.o')],
      ['net/netfilter/.xt_LOG.o.cmd', cmd('net/netfilter/xt_LOG.o')],
      // Linked into realmode.elf, which vmlinux embeds: in no archive, so not known to be outside.
      ['arch/x86/realmode/rm/.wakemain.o.cmd', cmd('arch/x86/realmode/rm/wakemain.o')]
    ])
    const objectOf = (tu: string): string =>
      tu === 'net/netfilter/xt_LOG.c' ? 'xt_LOG' : 'vmlinux'
    const unheld = unheldTus(cmds, linked ?? new Set(), archivedObjects(archives), objectOf)
    expect([...unheld]).toEqual(['drivers/firmware/efi/libstub/pci.c'])
    const found = checkBuildFlags(cmds, () => false).findings.map(f => judgeUnheld(f, unheld))
    expect(found.map(f => `${f.kind} ${f.severity} ${f.file}`)).toEqual([
      'no-dump unresolved arch/x86/realmode/rm/wakemain.c',
      'no-dump warning drivers/firmware/efi/libstub/pci.c',
      'no-dump unresolved kernel/sched/core.c',
      'no-dump unresolved net/netfilter/xt_LOG.c'
    ])
    expect(found[1].message).toMatch(/links it into neither vmlinux nor a module/)
    // Without complete lists nothing is known: the doubt stays.
    expect(judgeUnheld(found[2], undefined)).toBe(found[2])
  })
})
