import { compareLayouts } from '../../../src/core/layout/kept.js'
import { layoutOf } from '../../../src/core/layout/struct-layout.js'
import { TypeSizes } from '../../../src/core/layout/type-sizes.js'

// Named types as the kernel defines them (include/linux/types.h, refcount.h), read like a TU's files.
const files: Record<string, string> = {
  'include/linux/types.h': [
    'typedef struct { int counter; } atomic_t;',
    'struct list_head { struct list_head *next, *prev; };',
    'typedef unsigned long __kernel_ulong_t;',
    'typedef __kernel_ulong_t size_t;'
  ].join('\n'),
  'include/linux/refcount.h': 'typedef struct refcount_struct { atomic_t refs; } refcount_t;',
  'include/linux/spinlock_types.h': [
    'typedef struct spinlock {',
    '#ifdef CONFIG_DEBUG_LOCK_ALLOC',
    '\tstruct lockdep_map dep_map;',
    '#endif',
    '\tint x;',
    '} spinlock_t;'
  ].join('\n')
}
const resolve = new TypeSizes(
  () => Object.keys(files),
  p => files[p]
).resolve

describe('layoutOf', () => {
  it('lays out base types, pointers, arrays, nested anonymous unions and resolved types', () => {
    const l = layoutOf(
      'struct list_head node; char *name; refcount_t count; u32 v; unsigned long state; union { struct { int a; int b; }; u8 raw[8]; }; size_t n;',
      'struct',
      resolve,
      4
    )
    expect(l?.size).toBe(56)
    expect(l?.align).toBe(8)
    expect(l?.members.get('count')).toEqual({ offset: 24, type: 'refcount_t', bit: 192, bits: 32 })
    expect(l?.members.get('v')?.offset).toBe(28)
    expect(l?.members.get('state')?.offset).toBe(32)
    expect(l?.members.get('b')?.offset).toBe(44)
    expect(l?.members.get('n')?.offset).toBe(48)
  })

  it('gives no layout for macro-wide or unsized unnamed bitfields, attributes, preprocessor lines or unknown types', () => {
    expect(
      layoutOf('unsigned a : 3; unsigned short : FOO; int b;', 'struct', resolve, 4)
    ).toBeUndefined()
    expect(
      layoutOf('unsigned a : 3; struct nowhere : 3; int b;', 'struct', resolve, 4)
    ).toBeUndefined()
    expect(layoutOf('unsigned a : BITS; int b;', 'struct', resolve, 4)).toBeUndefined()
    expect(layoutOf('enum e a : 3; int b;', 'struct', resolve, 4)).toBeUndefined()
    expect(layoutOf('int a __aligned(8); int b;', 'struct', resolve, 4)).toBeUndefined()
    expect(layoutOf('spinlock_t lock; int b;', 'struct', resolve, 4)).toBeUndefined()
    expect(layoutOf('struct nowhere x; int b;', 'struct', resolve, 4)).toBeUndefined()
    expect(layoutOf('int a[N]; int b;', 'struct', resolve, 4)).toBeUndefined()
    expect(layoutOf('constructor a; toString b;', 'struct', resolve, 4)).toBeUndefined()
  })
})

describe('compareLayouts', () => {
  // fs/nfs/pnfs.h in 6.1.190: a u32 goes into the hole after a refcount_t.
  const ds = (extra: string): string =>
    `struct nfs4_pnfs_ds { struct list_head ds_node; char *ds_remotestr; struct list_head ds_addrs; const struct net *ds_net; struct nfs_client *ds_clp; refcount_t ds_count; ${extra} unsigned long ds_state; };`

  it('keeps the layout when a member fills padding', () => {
    const v = compareLayouts(ds(''), ds('u32 ds_version;'), resolve)
    expect(v).toMatchObject({ kept: true, before: { size: 72, align: 8 }, moved: [] })
  })

  it('lays out a struct with #define lines between members, and size_t as LP64', () => {
    const v = compareLayouts(
      'struct a { refcount_t c;\n#define A_FLAG 0 /* beside the field */\nsize_t n; };',
      'struct a { refcount_t c; u32 v;\n#define A_FLAG 0\n#define A_LONG \\\n\t1\nsize_t n; };',
      resolve
    )
    expect(v).toMatchObject({ kept: true, before: { size: 16 } })
  })

  it('moves the later members when the inserted member does not fit the hole', () => {
    const v = compareLayouts(ds(''), ds('u64 ds_version;'), resolve)
    expect(v).toMatchObject({ kept: false, moved: ['ds_state'] })
    expect(v?.after?.size).toBe(80)
  })

  it('keeps a pointer wrapped in a union with an alias (include/net/dst.h)', () => {
    const v = compareLayouts(
      'struct dst_entry { struct net_device *dev; struct dst_ops *ops; };',
      'struct dst_entry { union { struct net_device *dev; struct net_device __rcu *dev_rcu; }; struct dst_ops *ops; };',
      resolve
    )
    expect(v?.kept).toBe(true)
  })

  it('counts an enum both ways: a bool before an enum fills padding either way', () => {
    const v = compareLayouts(
      'struct p { u64 (*func)(u64 r1); bool gpl_only; bool pkt_access; enum ret ret_type; };',
      'struct p { u64 (*func)(u64 r1); bool gpl_only; bool pkt_access; bool might_sleep; enum ret ret_type; };',
      resolve
    )
    expect(v?.kept).toBe(true)
  })

  it('says nothing for a struct with a layout attribute, and sees a retyped member', () => {
    expect(
      compareLayouts(
        'struct a { int x; } __packed;',
        'struct a { int x; int y; } __packed;',
        resolve
      )
    ).toBeUndefined()
    expect(
      compareLayouts(
        'struct a { int x; long y; };',
        'struct a { unsigned int x; long y; };',
        resolve
      )
    ).toMatchObject({ kept: true, moved: [], retyped: ['x'] })
  })

  it('lays out function pointers returning pointers, and sees their parameters change in place', () => {
    const v = compareLayouts(
      'struct ops { int (*a)(int x); struct sock *(*syn_recv_sock)(struct sock *sk, bool *own); u16 len; };',
      'struct ops { int (*a)(int x); struct sock *(*syn_recv_sock)(struct sock *sk, bool *own, void (*init)(struct sock *)); u16 len; };',
      resolve
    )
    expect(v).toMatchObject({ kept: true, before: { size: 24 }, retyped: ['syn_recv_sock'] })
  })
})
