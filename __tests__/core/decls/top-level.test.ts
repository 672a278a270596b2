import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'
import { kinds, mapPair } from './helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** Shaped like drivers/base/core.c around dev_err_probe (6.1.190 adds dev_warn_probe). */
const CORE = `int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	return err;
}
EXPORT_SYMBOL_GPL(dev_err_probe);

static inline bool fwnode_is_primary(struct fwnode_handle *fwnode)
{
	return fwnode && !IS_ERR(fwnode->secondary);
}
`

describe('declarations between functions', () => {
  it('an export of a function the fix adds, and a blank line, change nothing exported', () => {
    const after = CORE.replace(
      'EXPORT_SYMBOL_GPL(dev_err_probe);\n',
      'EXPORT_SYMBOL_GPL(dev_err_probe);\n\nint dev_warn_probe(const struct device *dev, int err)\n{\n\treturn err;\n}\nEXPORT_SYMBOL_GPL(dev_warn_probe);\n'
    )
    const m = mapPair(parser, 'drivers/base/core.c', CORE, after)
    expect(kinds(m)).toEqual(['added-function info', 'export-change info'])
    expect(m.findings[1].message).toContain('exports a symbol the fix adds')
  })

  it('the export of an existing function added, removed or made GPL-only is unresolved', () => {
    const gpl = mapPair(parser, 'x.c', CORE, CORE.replace('EXPORT_SYMBOL_GPL(', 'EXPORT_SYMBOL('))
    expect(kinds(gpl)).toEqual(['export-change unresolved'])
    expect(gpl.findings[0].message).toContain('a livepatch cannot add, remove or change exports')
    const gone = mapPair(
      parser,
      'x.c',
      CORE,
      CORE.replace('EXPORT_SYMBOL_GPL(dev_err_probe);\n', '')
    )
    expect(gone.findings[0].message).toContain('dev_err_probe is removed')
    // Moved next to another function: the symbol table is the same.
    const moved = mapPair(
      parser,
      'x.c',
      CORE,
      CORE.replace('EXPORT_SYMBOL_GPL(dev_err_probe);\n', '') +
        'EXPORT_SYMBOL_GPL(dev_err_probe);\n'
    )
    expect(kinds(moved)).toEqual(['export-change info'])
  })

  it('prototypes: added or renamed parameters are info, a changed type is unresolved', () => {
    const h = `struct vm_area_struct *copy_vma(struct vm_area_struct **vmap,
	unsigned long addr, unsigned long len, pgoff_t pgoff,
	bool *need_rmap_locks);
extern void debug_register_static(debug_info_t *id, int pages_per_area, int nr_areas);
extern int (*hook)(int);
`
    const added = mapPair(
      parser,
      'include/linux/mm.h',
      h,
      h + 'extern void __init lpc32xx_pm_init(void);\n'
    )
    expect(kinds(added)).toEqual(['prototype-change info'])
    const renamed = mapPair(parser, 'include/linux/mm.h', h, h.replace('**vmap', '**vma_p'))
    expect(kinds(renamed)).toEqual(['prototype-change info'])
    const typed = mapPair(
      parser,
      'include/linux/mm.h',
      h,
      h.replace('extern void debug_register_static', 'extern int debug_register_static')
    )
    expect(kinds(typed)).toEqual(['prototype-change unresolved'])
    expect(typed.findings[0].functions).toEqual(['debug_register_static'])
    // include/linux/mm.h, 6.1.190 -> 6.1.192: copy_vma gains a parameter. A caller or definition
    // written for the old list no longer compiles: they all change in the fix's own text.
    // With the tree, `pgoff_t` is a type its headers declare (a typedef, or a macro that is one
    // type); without it, any unknown name may be a macro standing for several parameters.
    const tree = {
      sourceOf: (p: string): string | undefined =>
        // 6.1 spells it as a macro that is one type.
        p === 'include/linux/types.h' ? '#define pgoff_t unsigned long\n' : undefined,
      arches: ['x86']
    }
    const included = `#include <linux/types.h>\n${h}`
    const widened = included.replace(
      'bool *need_rmap_locks)',
      'bool *need_rmap_locks, bool relocate_anon)'
    )
    const counted = mapPair(parser, 'include/linux/mm.h', included, widened, { includes: tree })
    expect(kinds(counted)).toEqual(['prototype-change info'])
    expect(counted.findings[0].message).toMatch(/takes 6 parameters, not 5/)
    expect(kinds(mapPair(parser, 'include/linux/mm.h', included, widened))).toEqual([
      'prototype-change unresolved'
    ])
    // A parameter list spelled through a macro (hostile reviews): old calls still compile,
    // whether the macro is the header's or that of a file including it before it.
    for (const listed of ['#define F_ARGS int fd, long off\n', '']) {
      const spelled = mapPair(
        parser,
        'include/linux/mm.h',
        `${listed}int f_read(F_ARGS);\n`,
        'int f_read(int fd, double off);\n',
        { includes: tree }
      )
      expect(spelled.findings.find(f => f.kind === 'prototype-change')?.severity).toBe('unresolved')
    }
    // A count that is not fixed either side (variadic, or no prototype at all) stays a doubt.
    for (const [from, to] of [
      ['int pages_per_area, int nr_areas)', 'int pages_per_area, ...)'],
      ['(debug_info_t *id, int pages_per_area, int nr_areas)', '()']
    ]) {
      const open = mapPair(parser, 'include/linux/mm.h', h, h.replace(from, to))
      expect(kinds(open)).toEqual(['prototype-change unresolved'])
    }
    // include/linux/efi.h, 6.1.187: an annotation macro after a typedef name made tree-sitter
    // read the prototype as a global named __attribute_const__ and a call.
    const annotated = mapPair(
      parser,
      'include/linux/efi.h',
      h,
      `${h}u64 __attribute_const__ efivar_reserved_space(void);\n`
    )
    expect(kinds(annotated)).toEqual(['prototype-change info'])
    // A function pointer variable is data, not a prototype.
    const hook = mapPair(
      parser,
      'include/linux/mm.h',
      h,
      h.replace('(*hook)(int)', '(*hook)(long)')
    )
    expect(kinds(hook)).toEqual(['extern-change unresolved'])
  })

  it('extern declarations, module metadata and parameters', () => {
    const c = `static int debug;
MODULE_LICENSE("GPL");
`
    const externs = mapPair(
      parser,
      'drivers/clk/qcom/clk-rcg.h',
      'extern const struct clk_ops clk_rcg2_ops;\n',
      'extern const struct clk_ops clk_rcg2_ops;\nextern const struct clk_ops clk_rcg2_shared_floor_ops;\n'
    )
    expect(kinds(externs)).toEqual(['extern-change info'])
    // include/linux/audit_arch.h, 6.1.176 -> 6.1.187: `unsigned` respelled `unsigned int`.
    const arrays = `enum auditsc_class_t {
	AUDITSC_NATIVE = 0,
	AUDITSC_NVALS /* count */
};

extern int audit_classify_compat_syscall(int abi, unsigned syscall);

/* only for compat system calls */
extern unsigned compat_write_class[];
extern long compat_dir_class[];
`
    const respelled = mapPair(
      parser,
      'include/linux/audit_arch.h',
      arrays,
      // A declaration added beside them: the hunk is more than a respelling as a whole.
      `${arrays.replace(/unsigned (?!int)/g, 'unsigned int ').replace('long compat', 'long int compat')}extern int compat_new_class[];\n`
    )
    expect(respelled.findings.map(f => `${f.kind} ${f.severity} ${f.functions?.join()}`)).toEqual([
      'extern-change info undefined',
      'extern-change info compat_dir_class',
      'extern-change info compat_write_class',
      'prototype-change info audit_classify_compat_syscall'
    ])
    expect(respelled.findings[1].message).toMatch(/changes only how its types are spelled/)
    const widened = mapPair(
      parser,
      'include/linux/audit_arch.h',
      arrays,
      arrays.replace('unsigned compat', 'unsigned long compat')
    )
    expect(kinds(widened)).toEqual(['extern-change unresolved'])
    const meta = mapPair(
      parser,
      'drivers/hwmon/adt7462.c',
      c,
      c +
        'MODULE_DESCRIPTION("ADT7462 driver");\nMODULE_DEVICE_TABLE(i2c, adt7462_id);\nMODULE_ALIAS_FS("adt");\n'
    )
    expect(kinds(meta)).toEqual([
      'module-info-change info',
      'module-info-change info',
      'module-info-change info'
    ])
    expect(meta.findings.map(f => f.message)).toContain(
      'MODULE_DEVICE_TABLE changes module metadata (.modinfo) only: no code or data'
    )
    const param = mapPair(
      parser,
      'drivers/block/null_blk/main.c',
      c,
      c + 'module_param(debug, int, 0444);\n'
    )
    expect(kinds(param)).toEqual(['module-param-change unresolved'])
  })

  it('a real data change stays global-change', () => {
    const m = mapPair(parser, 'x.c', 'static int limit = 4;\n', 'static int limit = 5;\n')
    expect(kinds(m)).toEqual(['global-change unresolved'])
  })

  it('#undef of a name nothing uses is info, of a used one unresolved', () => {
    const base = '#define TMP 1\nint f(void)\n{\n\treturn 0;\n}\n'
    expect(kinds(mapPair(parser, 'x.c', base, base + '#undef TMP\n'))).toEqual([
      'preprocessor-change info'
    ])
    const used = '#define TMP 1\nint f(void)\n{\n\treturn TMP;\n}\n'
    expect(kinds(mapPair(parser, 'x.c', used, used + '#undef TMP\n'))).toEqual([
      'preprocessor-change unresolved'
    ])
    // An #ifdef reads it too; and a header's #undef reaches the files that include it.
    const tested =
      '#define TMP 1\nint f(void)\n{\n#ifdef TMP\n\treturn 1;\n#endif\n\treturn 0;\n}\n'
    expect(kinds(mapPair(parser, 'x.c', tested, tested + '#undef TMP\n'))).toEqual([
      'preprocessor-change unresolved'
    ])
    expect(kinds(mapPair(parser, 'x.h', base, base + '#undef TMP\n'))).toEqual([
      'preprocessor-change unresolved'
    ])
  })

  it('#if structure: judged by what each build compiles, a wrapped function changes', () => {
    const base =
      'int f(void)\n{\n\treturn 0;\n}\n#ifdef CONFIG_X\nint g;\n#endif\n\nint h(void)\n{\n\treturn 1;\n}\n'
    const spelled = base.replace('#ifdef CONFIG_X', '#if IS_ENABLED(CONFIG_X)')
    const builds = [{ label: 'x86_64', config: parseKconfig('CONFIG_X=y\n') }]
    expect(kinds(mapPair(parser, 'x.c', base, spelled, { builds }))).toEqual([
      'preprocessor-change info'
    ])
    // Without a .config the two spellings are different conditions (=m tells them apart).
    expect(kinds(mapPair(parser, 'x.c', base, spelled))).toEqual(['preprocessor-change unresolved'])
    const wrapped = base.replace(
      'int h(void)\n{\n\treturn 1;\n}\n',
      '#ifdef CONFIG_Y\nint h(void)\n{\n\treturn 1;\n}\n#endif\n'
    )
    const m = mapPair(parser, 'x.c', base, wrapped)
    expect(m.changed.map(c => c.name)).toEqual(['h'])
    expect(kinds(m)).toEqual([])
  })
})
