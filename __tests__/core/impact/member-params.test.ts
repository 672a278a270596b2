import type { Parser } from 'web-tree-sitter'
import { memberParams } from '../../../src/core/impact/member-params.js'
import { UseIndex } from '../../../src/core/impact/uses.js'

/**
 * Macros as Linux 6.1 defines them: drivers/ata/libata-transport.c's attribute generators (the
 * function `ata_port_simple_attr(local_port_no, port_no, ...)` makes reads `ap->local_port_no`),
 * include/linux/{stddef,overflow}.h's member macros (which read a member's size, never its offset),
 * an accessor and one passing its parameter on, and macros whose parameters are no members:
 * net/wireless/trace.h's MAC_ASSIGN writes a trace record's field (`__entry->entry_mac`), which
 * no struct of a fix holds (`MAC_ASSIGN(addr, addr)` made every cfg80211 event that records an
 * `addr` a layout entry when a struct's member `addr` moved).
 */
const FILES = new Map<string, string>([
  [
    'drivers/ata/libata-transport.c',
    `#define ata_port_show_simple(field, name, format_string, cast)\t\t\\
static ssize_t\t\t\t\t\t\t\t\\
show_ata_port_##name(struct device *dev,\t\t\t\t\\
\t\t     struct device_attribute *attr, char *buf)\t\t\\
{\t\t\t\t\t\t\t\t\t\\
\tstruct ata_port *ap = transport_class_to_port(dev);\t\t\\
\t\t\t\t\t\t\t\t\t\\
\treturn scnprintf(buf, 20, format_string, cast ap->field);\t\\
}

#define ata_port_simple_attr(field, name, format_string, type)\t\t\\
\tata_port_show_simple(field, name, format_string, (type))\t\\
static DEVICE_ATTR(name, S_IRUGO, show_ata_port_##name, NULL)
`
  ],
  [
    'net/wireless/trace.h',
    `#define MAC_ASSIGN(entry_mac, given_mac) do {\t\t\t     \\
\tif (given_mac)\t\t\t\t\t\t     \\
\t\tmemcpy(__entry->entry_mac, given_mac, ETH_ALEN);     \\
\telse\t\t\t\t\t\t\t     \\
\t\teth_zero_addr(__entry->entry_mac);\t\t     \\
} while (0)
`
  ],
  [
    'include/linux/stddef.h',
    `#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))
#define offsetofend(TYPE, MEMBER) \\
\t(offsetof(TYPE, MEMBER)\t+ sizeof_field(TYPE, MEMBER))
#define struct_size(p, member, count)\t\t\t\t\t\\
\t__ab_c_size(count,\t\t\t\t\t\t\\
\t\t    sizeof(*(p)->member) + __must_be_array((p)->member),\\
\t\t    sizeof(*(p)))
#define __get_dynamic_array(field)\t\\
\t\t((void *)__entry + (__entry->__data_loc_##field & 0xffff))
#define __ATTR(_name, _mode, _show, _store) {\t\t\t\t\\
\t.attr = {.name = __stringify(_name), .mode = _mode },\t\t\\
\t.show\t= _show,\t\t\t\t\t\t\\
\t.store\t= _store,\t\t\t\t\t\t\\
}
#define HGET(h, f) ((h)->f)
#define HGET_NR(p, f) HGET((struct host *)(p), f)
#define min_not_zero(x, y) ({\t\t\t\\
\ttypeof(x) __x = (x);\t\t\t\\
\ttypeof(y) __y = (y);\t\t\t\\
\t__x == 0 ? __y : ((__y == 0) ? __x : min(__x, __y)); })
`
  ]
])

describe('macros that take a member name as an argument', () => {
  it('finds the positions a body reads as a member, through forwarding macros too', () => {
    const uses = new UseIndex({} as Parser, path => FILES.get(path))
    const byIndex = uses.memberParamMacros([...FILES.keys()])
    expect(Object.fromEntries([...byIndex].map(([i, names]) => [i, [...names].sort()]))).toEqual({
      0: ['ata_port_show_simple', 'ata_port_simple_attr'],
      1: ['HGET', 'HGET_NR']
    })
  })

  it('reads no member in comments, strings, numbers, or operands of sizeof and typeof', () => {
    // sizeof_field(T, m), typeof_member(T, m) and struct_size(p, m, n) read the member's type or
    // size only, which a moved member keeps: `BUILD_BUG_ON(sizeof_field(struct sk_buff, cb) < n)`.
    const found = memberParams([
      { name: 'DBG', params: ['h', 'val'], body: '/* h->val */ sink("h->val", 1.f * (val))' },
      { name: 'CH', params: ['val'], body: "sink('.', val)" },
      { name: 'typeof_member', params: ['T', 'm'], body: 'typeof(((T *)0)->m)' },
      { name: 'SZ', params: ['h', 'm'], body: 'sizeof((h)->m) + __alignof__((h)->m)' },
      { name: 'SZ_GET', params: ['h', 'm'], body: 'sizeof(HGET(h, m))' },
      { name: 'HGET', params: ['h', 'f'], body: '((h)->f)' }
    ])
    expect([...found.keys()]).toEqual(['HGET'])
  })

  it('follows a chain of forwarding macros, defined in any order', () => {
    const found = memberParams([
      { name: 'outer', params: ['a', 'm'], body: 'middle(m, a)' },
      { name: 'middle', params: ['m', 'x'], body: 'inner((x), m)' },
      { name: 'inner', params: ['p', 'f'], body: '((p)->f)' },
      // A parameter passed inside a larger argument is not the member itself.
      { name: 'other', params: ['m'], body: 'inner(p, m + 1)' }
    ])
    expect(Object.fromEntries([...found].map(([n, s]) => [n, [...s]]))).toEqual({
      inner: [1],
      middle: [0],
      outer: [1]
    })
  })
})
