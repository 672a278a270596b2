import type { Parser } from 'web-tree-sitter'
import { UseIndex } from '../../../src/core/impact/uses.js'

/**
 * Macros that take a member designator last, as include/linux/{stddef,container_of,list,
 * rhashtable}.h (6.1) define them: `list_for_each_entry(pos, head, member)` reads `member`'s
 * offset; `rht_ptr(bkt, tbl, hash)` reaches offsetof too, but its `hash` is a value (a moved
 * member named `hash` in struct key made every rhashtable user a layout entry).
 */
const FILES = new Map<string, string>([
  [
    'include/linux/kernel.h',
    `#define offsetof(TYPE, MEMBER)\t__builtin_offsetof(TYPE, MEMBER)
#define container_of(ptr, type, member) ({\t\t\t\t\\
\tvoid *__mptr = (void *)(ptr);\t\t\t\t\t\\
\t((type *)(__mptr - offsetof(type, member))); })
#define list_entry(ptr, type, member) \\
\tcontainer_of(ptr, type, member)
#define list_first_entry(ptr, type, member) \\
\tlist_entry((ptr)->next, type, member)
#define list_for_each_entry(pos, head, member)\t\t\t\t\\
\tfor (pos = list_first_entry(head, typeof(*pos), member);\t\\
\t     !list_entry_is_head(pos, head, member);\t\t\t\\
\t     pos = list_next_entry(pos, member))
#define rht_entry(tpos, pos, member) \\
\t({ tpos = container_of(pos, typeof(*tpos), member); 1; })
#define rht_lock_of(bkt, tbl, hash) container_of(bkt, struct rhash_lock_head, head)
#define rht_ptr(bkt, tbl, hash) __rht_ptr(rht_lock_of(bkt, tbl, hash), bkt)
#define rht_obj(ht, he) ((void *)(he) - offsetof(struct rhash_head, next) - (ht)->p.head_offset)
`
  ]
])

describe('member designator macros', () => {
  it('keeps the macros whose last parameter reaches offsetof as its member, in the order found', () => {
    const uses = new UseIndex({} as Parser, path => FILES.get(path))
    const files = [...FILES.keys()]
    const candidates = uses.expand(files, ['offsetof'])
    expect(candidates).toEqual(
      expect.arrayContaining(['rht_lock_of', 'rht_ptr', 'rht_obj', 'list_entry'])
    )
    expect(uses.designatorMacros(files, candidates)).toEqual([
      'offsetof',
      'container_of',
      'list_entry',
      'rht_entry',
      'list_first_entry',
      'list_for_each_entry'
    ])
  })
})
