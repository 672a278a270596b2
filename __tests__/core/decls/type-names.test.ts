import { makeTypeNames } from '../../../src/core/decls/type-names.js'

describe('makeTypeNames', () => {
  it('reads the typedef names of a file and of the headers it includes, not macros', () => {
    const tree: Record<string, string> = {
      'include/linux/types.h': [
        'typedef unsigned int gfp_t;',
        'typedef struct { int counter; } atomic_t;',
        'typedef void (*work_func_t)(void *data);',
        'typedef unsigned long long u64_array[4];',
        '#define F_ARGS int fd, long off',
        '/* typedef int not_a_type; */'
      ].join('\n')
    }
    const names = makeTypeNames({
      sourceOf: p => tree[p],
      arches: ['x86'],
      builds: []
    })('include/linux/mm.h', '#include <linux/types.h>\ntypedef struct page page_t;\n')
    expect([...names].sort()).toEqual(['atomic_t', 'gfp_t', 'page_t', 'u64_array', 'work_func_t'])
  })
})
