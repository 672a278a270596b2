import { tuCompiledOut } from '../../../src/core/config/kbuild-objects.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'

/** Excerpts of Linux 6.1's arch/x86/Kbuild, arch/x86/kvm/Makefile and drivers/Makefile. */
const TREE: Record<string, string> = {
  'arch/x86/Kbuild': 'obj-y += entry/\nobj-$(CONFIG_KVM) += kvm/\nobj-y += kernel/\n',
  'arch/x86/kvm/Makefile': `ccflags-y += -I $(srctree)/arch/x86/kvm
kvm-y			+= x86.o emulate.o i8259.o irq.o lapic.o \\
			   i8254.o ioapic.o irq_comm.o cpuid.o pmu.o mtrr.o
kvm-$(CONFIG_KVM_XEN)	+= xen.o
kvm-intel-y		+= vmx/vmx.o vmx/vmenter.o
obj-$(CONFIG_KVM)	+= kvm.o
obj-$(CONFIG_KVM_INTEL)	+= kvm-intel.o
`,
  'drivers/Makefile':
    'obj-y += base/\nobj-$(CONFIG_OF) += of/\nobj-$(if $(CONFIG_PCI),y) += pci/\n',
  'drivers/of/Makefile': 'obj-y = base.o device.o property.o\n',
  'drivers/pci/Makefile': 'obj-y += access.o\n'
}
const sourceOf = (p: string): string | undefined => TREE[p]

describe('tuCompiledOut', () => {
  it('follows a composite module to its obj- line', () => {
    const off = parseKconfig('# CONFIG_KVM is not set\n')
    expect(tuCompiledOut('arch/x86/kvm/emulate.c', off, sourceOf)).toBe(
      'CONFIG_KVM is not set (arch/x86/kvm/Makefile: obj-$(CONFIG_KVM) += kvm.o)'
    )
    expect(tuCompiledOut('arch/x86/kvm/emulate.c', parseKconfig('CONFIG_KVM=m\n'), sourceOf)).toBe(
      undefined
    )
    // xen.o needs both its own symbol and the module's.
    const xenOff = parseKconfig('CONFIG_KVM=m\n')
    expect(tuCompiledOut('arch/x86/kvm/xen.c', xenOff, sourceOf)).toContain(
      'CONFIG_KVM_XEN is not set'
    )
  })

  it("follows a folder to its parent's Makefile", () => {
    expect(tuCompiledOut('drivers/of/property.c', parseKconfig(''), sourceOf)).toBe(
      'CONFIG_OF is not set (drivers/Makefile: obj-$(CONFIG_OF) += of/)'
    )
  })

  it('a .c that a sibling #includes is not ruled out by its own line (sound/pci: ens1371.c)', () => {
    // Linux 6.1's sound/pci/Makefile and ens1371.c, cut down.
    const tree: Record<string, string> = {
      'sound/pci/Makefile': `snd-ens1370-objs := ens1370.o ak4531_codec.o
snd-ens1371-objs := ens1371.o
obj-$(CONFIG_SND_ENS1370) += snd-ens1370.o
obj-$(CONFIG_SND_ENS1371) += snd-ens1371.o
`,
      'sound/pci/ens1371.c': '#define CHIP1371\n#include "ens1370.c"\n',
      'sound/pci/ak4531_codec.c': '#include <sound/ak4531_codec.h>\n'
    }
    const of = (p: string): string | undefined => tree[p]
    const config = parseKconfig('CONFIG_SND_ENS1371=m\n')
    expect(tuCompiledOut('sound/pci/ens1370.c', config, of)).toBeUndefined()
    // Nothing includes ak4531_codec.c: its line decides.
    expect(tuCompiledOut('sound/pci/ak4531_codec.c', config, of)).toContain(
      'CONFIG_SND_ENS1370 is not set'
    )
  })

  it('reads anything it cannot follow as built', () => {
    // `$(if ...)` is not followed: pci/ may be built.
    expect(tuCompiledOut('drivers/pci/access.c', parseKconfig(''), sourceOf)).toBeUndefined()
    // Named in no Makefile line, or no Makefile at all.
    expect(tuCompiledOut('arch/x86/kvm/svm.c', parseKconfig(''), sourceOf)).toBeUndefined()
    expect(tuCompiledOut('fs/ext4/inode.c', parseKconfig(''), sourceOf)).toBeUndefined()
  })
})
