import { configuredFiles, configuredText } from '../../../src/core/layout/configured.js'
import { TypeSizes } from '../../../src/core/layout/type-sizes.js'

// include/linux/spinlock_types_raw.h picks the arch's lock type by CONFIG_SMP; the UP header's
// empty struct is not this build's, nor is a header only an excluded header includes.
const files: Record<string, string> = {
  'lib/a.c': '#include <linux/spinlock_types_raw.h>\n#include <asm/pgtable.h>\n',
  'include/linux/spinlock_types_raw.h': [
    '#ifndef RAW_H',
    '#define RAW_H',
    '#if defined(CONFIG_SMP)',
    '# include <asm/spinlock_types.h>',
    '#else',
    '# include <linux/spinlock_types_up.h>',
    '#endif',
    'typedef struct raw_spinlock { arch_spinlock_t raw_lock; } raw_spinlock_t;',
    '#endif'
  ].join('\n'),
  'arch/x86/include/asm/spinlock_types.h': 'typedef struct qspinlock { int val; } arch_spinlock_t;',
  'include/linux/spinlock_types_up.h': 'typedef struct { } arch_spinlock_t;',
  'arch/x86/include/asm/pgtable.h':
    '#ifdef CONFIG_X86_PAE\n#include <asm/pgtable-3level.h>\n#endif\n',
  'arch/x86/include/asm/pgtable-3level.h': '#include <asm/atomic64_32.h>\n',
  'arch/x86/include/asm/atomic64_32.h':
    'typedef struct { long long c; } __attribute__((aligned(8))) atomic64_t;',
  'include/linux/types.h': 'typedef struct { long c; } atomic64_t;'
}
const textOf = (p: string): string | undefined => files[p]
const config = new Map([['CONFIG_SMP', 'y']])
const configure = (m: string): string => configuredText(m, config)

describe('configuredFiles', () => {
  it('drops headers only compiled-out include lines name, transitively', () => {
    expect(configuredFiles(Object.keys(files), textOf, configure)).toEqual([
      'lib/a.c',
      'include/linux/spinlock_types_raw.h',
      'arch/x86/include/asm/spinlock_types.h',
      'arch/x86/include/asm/pgtable.h',
      'include/linux/types.h'
    ])
  })

  it('lets the build’s definitions size the types, where the lexical closure had two', () => {
    const lexical = new TypeSizes(() => Object.keys(files), textOf, configure).resolve
    expect(lexical('raw_spinlock_t', 4)).toBeUndefined()
    const built = new TypeSizes(
      () => configuredFiles(Object.keys(files), textOf, configure),
      textOf,
      configure
    ).resolve
    expect(built('raw_spinlock_t', 4)).toEqual({ size: 4, align: 4 })
    expect(built('atomic64_t', 4)).toEqual({ size: 8, align: 8 })
  })
})
