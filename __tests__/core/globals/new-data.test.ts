import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { kinds, mapPair } from '../decls/helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** The Linux 6.1 definitions (trimmed to the macros involved) of a mutex, a PCI fixup, __initdata. */
const TREE: Record<string, string> = {
  'include/linux/mutex.h': `#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H
#include <linux/compiler_attributes.h>
#define __MUTEX_INITIALIZER(lockname) \\
		{ .owner = ATOMIC_LONG_INIT(0) \\
		, .wait_list = LIST_HEAD_INIT(lockname.wait_list) }
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define ATOMIC_LONG_INIT(i) { (i) }
#define DEFINE_MUTEX(mutexname) \\
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)
#endif
`,
  'include/linux/pci.h': `#ifndef LINUX_PCI_H
#define LINUX_PCI_H
#include <linux/compiler_attributes.h>
#define PCI_ANY_ID (~0)
#define PCI_VENDOR_ID_AMD 0x1022
#define DECLARE_PCI_FIXUP_SECTION(section, name, vendor, device, class,	\\
				  class_shift, hook)			\\
	static const struct pci_fixup __PASTE(__pci_fixup_##name,__LINE__) __used	\\
	__attribute__((__section__(#section), aligned((sizeof(void *)))))    \\
		= { vendor, device, class, class_shift, hook };
#define DECLARE_PCI_FIXUP_FINAL(vendor, device, hook)			\\
	DECLARE_PCI_FIXUP_SECTION(.pci_fixup_final,			\\
		hook, vendor, device, PCI_ANY_ID, 0, hook)
#endif
`,
  'include/linux/compiler_attributes.h': `#define __section(section)              __attribute__((__section__(section)))
#define __used                          __attribute__((__used__))
`,
  'include/linux/cleanup.h': `#define DEFINE_CLASS(_name, _type, _exit, _init, _init_args...)		\\
typedef _type class_##_name##_t;					\\
static inline void class_##_name##_destructor(_type *p)			\\
{ _type _T = *p; _exit; }						\\
static inline _type class_##_name##_constructor(_init_args)		\\
{ _type t = _init; return t; }
`,
  // With CONFIG_PROFILE_ALL_BRANCHES (compiler.h) `if` puts a record in a section: every
  // #if branch is followed, so the expansion of a body holding an `if` reaches __section.
  'include/linux/compiler.h': `#include <linux/compiler_attributes.h>
#define if(cond, ...) if ( __trace_if_var( !!(cond , ## __VA_ARGS__) ) )
#define __trace_if_var(cond) ({ static struct ftrace_branch_data __section("_ftrace_branch") ______f; (cond); })
`,
  'include/linux/free.h': `#include <linux/compiler.h>
#define DEFINE_FREE(_name, _type, _free) \\
	static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define DEFINE_COUNTER(_name) static int _name##_count
`,
  'include/linux/init.h': `#include <linux/compiler_attributes.h>
#define __initdata	__section(".init.data")
typedef void (*exitcall_t)(void);
#define __exit_call	__used __section(".exitcall.exit")
#define __exitcall(fn) static exitcall_t __exitcall_##fn __exit_call = fn
#define module_exit(x)	__exitcall(x);
`
}

const includes = { sourceOf: (p: string): string | undefined => TREE[p], arches: ['x86'] }

const BEFORE = `#include <linux/mutex.h>
#include <linux/free.h>
#include <linux/cleanup.h>
#include <linux/pci.h>
#include <linux/init.h>

static int count;

void quirk(struct pci_dev *dev)
{
	count++;
}
`
const added = (lines: string): string =>
  BEFORE.replace('static int count;\n', `static int count;\n${lines}\n`)
const map = (after: string, opts = { includes }) =>
  mapPair(parser, 'drivers/usb/common/common.c', BEFORE, after, opts)

describe('definitions a fix adds between functions', () => {
  it('a new mutex (drivers/usb/common/common.c, 6.1.190) is new data: info, not a data change', () => {
    const m = map(added('DEFINE_MUTEX(usb_dynids_lock);'))
    expect(kinds(m)).toEqual(['added-data info'])
    expect(m.findings[0].message).toContain(
      'DEFINE_MUTEX(usb_dynids_lock) is new, and its expansion places nothing in a section'
    )
    expect(m.findings[0].functions).toEqual(['usb_dynids_lock'])
  })

  it('a new table (a static const array) is new data', () => {
    const m = map(added('static const u32 smn_addrs[] = {\n\t0x111401d0,\n\t0x111411d0,\n};'))
    expect(kinds(m)).toEqual(['added-data info'])
    expect(m.findings[0].message).toContain('smn_addrs is new, and its expansion places nothing')
  })

  it('a new cleanup class (include/sound/hda_codec.h, 6.1.190): static inlines, calls in its arguments', () => {
    const m = map(
      `${BEFORE}\n${'DEFINE_CLASS(snd_hda_power, struct __hda_power_obj,\n\t     snd_hda_power_down((_T).codec), __snd_hda_power_up(codec),\n\t     struct hda_codec *codec)'}\n`
    )
    expect(kinds(m)).toEqual(['added-data info'])
    expect(m.findings[0].message).toContain('DEFINE_CLASS(snd_hda_power) is new')
  })

  it('a new DEFINE_FREE (include/linux/file.h, 6.1.187) of an old function: the pasted name is new, a static inline', () => {
    const m = map(`${BEFORE}\nDEFINE_FREE(quirk, struct pci_dev *, if (_T) quirk(_T))\n`)
    expect(kinds(m)).toEqual(['added-data info'])
    expect(m.findings[0].message).toContain(
      'DEFINE_FREE(__free_quirk) is new, and its expansion is a static inline function'
    )
    expect(m.findings[0].functions).toEqual(['__free_quirk'])
    // A name pasted onto an old one defines data: judged as any new data.
    const counter = map(added('DEFINE_COUNTER(quirk);'))
    expect(kinds(counter)).toEqual(['added-data info'])
    expect(counter.findings[0].functions).toEqual(['quirk_count'])
  })

  it('a new PCI fixup (arch/x86/pci/fixup.c, 6.1.190) is a table entry a livepatch cannot add', () => {
    const m = map(added('DECLARE_PCI_FIXUP_FINAL(PCI_VENDOR_ID_AMD, 0x14E8, quirk_new);'))
    expect(kinds(m)).toEqual(['global-change unresolved'])
    expect(m.findings[0].message).toContain(
      'DECLARE_PCI_FIXUP_FINAL(quirk_new) is new, and its expansion through DECLARE_PCI_FIXUP_FINAL -> DECLARE_PCI_FIXUP_SECTION uses `section`'
    )
  })

  it('a new module_exit (crypto/rng.c, 6.1.187): a top-level macro call judged by its expansion', () => {
    // Read as no definition at all, it was an unmapped hunk.
    const m = map(added('static void quirk_exit(void)\n{\n}\n\nmodule_exit(quirk_exit);'))
    const entry = m.findings.find(f => f.kind === 'global-change')
    expect(entry?.severity).toBe('unresolved')
    expect(entry?.message).toContain(
      'module_exit(quirk_exit) is new, and its expansion through module_exit -> __exitcall -> __exit_call'
    )
    expect(kinds(m)).not.toContain('unmapped-hunk unresolved')
    // One removed is a change of the kernel's data, named.
    const removed = mapPair(
      parser,
      'drivers/usb/common/common.c',
      added('module_exit(quirk);'),
      BEFORE,
      {
        includes
      }
    )
    expect(kinds(removed)).toEqual(['global-change unresolved'])
    expect(removed.findings[0].message).toMatch(/^module_exit changed/)
  })

  it('a new variable placed by an attribute macro (__initdata) is not plain data', () => {
    const m = map(added('static int boot_flag __initdata = 1;'))
    expect(kinds(m)).toEqual(['global-change unresolved'])
    expect(m.findings[0].message).toContain('__initdata -> __section')
  })

  it('a changed initializer of existing data stays a data change', () => {
    const m = map(BEFORE.replace('static int count;', 'static int count = 1;'))
    expect(kinds(m)).toEqual(['global-change unresolved'])
    expect(m.findings[0].message).toContain('count changed: global data change')
  })

  it('a new definition under a name the file already used is judged as a change', () => {
    const before = BEFORE.replace(
      'static int count;\n',
      'extern struct mutex lock;\nstatic int count;\n'
    )
    const after = before.replace('static int count;\n', 'static int count;\nDEFINE_MUTEX(lock);\n')
    const m = mapPair(parser, 'drivers/usb/common/common.c', before, after, { includes })
    expect(kinds(m)).toEqual(['global-change unresolved'])
  })

  it('a macro the tree does not define leaves the definition unknown: unresolved', () => {
    const m = map(added('DEFINE_GENERATED(thing);'))
    expect(kinds(m)).toEqual(['global-change unresolved'])
    expect(m.findings[0].message).toContain('DEFINE_GENERATED is no macro of the file')
  })

  it('without the tree, the header macros are unknown: a data change as before', () => {
    const m = map(added('DEFINE_MUTEX(usb_dynids_lock);'), {} as { includes: typeof includes })
    expect(kinds(m)).toEqual(['global-change unresolved'])
  })
})
